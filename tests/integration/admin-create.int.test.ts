import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { passwordLogin } from "@/lib/auth/password-login";
import { createServerSession, findSessionUser } from "@/lib/auth/server-sessions";
import { confirmSignUp, signUp } from "@/lib/auth/sign-up";
import type { MailMessage } from "@/lib/mail/send-mail";
import { ensureAdmin } from "../../scripts/lib/ensure-admin";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("admin_create");
const PASSWORD = "une phrase de passe assez longue";

describe("npm run admin:create", () => {
  it("crée un compte ADMIN sans mot de passe, promeut un compte existant, et garde un mot de passe confirmé", async () => {
    const prisma = database.client();
    expect(await ensureAdmin(prisma, "  Nouvelle.Admin@Exemple.fr ")).toEqual({ outcome: "created", clearedUnverifiedPassword: false });
    expect(await query(database.url, `SELECT "email", "role", "passwordHash" FROM "User" WHERE "email" = 'nouvelle.admin@exemple.fr'`)).toEqual([
      { email: "nouvelle.admin@exemple.fr", role: "ADMIN", passwordHash: null },
    ]);
    expect(await ensureAdmin(prisma, "nouvelle.admin@exemple.fr")).toEqual({ outcome: "already-admin", clearedUnverifiedPassword: false });

    await prisma.user.create({ data: { email: "utilisateur@exemple.fr", passwordHash: "$argon2id$existing", passwordVerifiedAt: new Date() } });
    expect(await ensureAdmin(prisma, "utilisateur@exemple.fr")).toEqual({ outcome: "promoted", clearedUnverifiedPassword: false });
    expect(await query(database.url, `SELECT "role", "passwordHash" FROM "User" WHERE "email" = 'utilisateur@exemple.fr'`)).toEqual([
      { role: "ADMIN", passwordHash: "$argon2id$existing" },
    ]);
    await expect(ensureAdmin(prisma, "pas-une-adresse")).rejects.toThrow();
    expect(await query(database.url, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 2 }]);
  });

  // Issue 12 §2: an attacker signed up admin@… with their password; the promotion made it open /admin.
  it("prise de compte administrateur : un mot de passe jamais confirmé est retiré avec ses sessions à la promotion", async () => {
    const prisma = database.client();
    const attacker = await prisma.user.create({ data: { email: "admin.prise@exemple.fr", passwordHash: await hashPassword("le mot de passe de l'attaquant") } });
    const attackerSession = await createServerSession(prisma, attacker.id);
    expect(await ensureAdmin(prisma, "admin.prise@exemple.fr")).toEqual({ outcome: "promoted", clearedUnverifiedPassword: true });
    expect(await query(database.url, `SELECT "role", "passwordHash" FROM "User" WHERE "id" = $1`, [attacker.id])).toEqual([{ role: "ADMIN", passwordHash: null }]);
    expect(await findSessionUser(prisma, attackerSession)).toBeNull();
    expect(await passwordLogin(prisma, { email: "admin.prise@exemple.fr", password: "le mot de passe de l'attaquant", ip: "192.0.2.50", knownDevice: false })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("le chemin vers un mot de passe que la commande affiche fonctionne : inscription avec la même adresse, puis confirmation", async () => {
    const prisma = database.client();
    expect((await ensureAdmin(prisma, "admin.mot-de-passe@exemple.fr")).outcome).toBe("created");
    const sent: MailMessage[] = [];
    await signUp(prisma, { email: "admin.mot-de-passe@exemple.fr", password: PASSWORD, ip: "192.0.2.51", appUrl: "http://localhost:3000" }, async (mail) => void sent.push(mail));
    expect(sent.map((mail) => mail.subject)).toEqual(["Confirmez votre adresse e-mail"]);
    expect((await confirmSignUp(prisma, new URL(sent[0]!.link!).searchParams.get("jeton")!)).status).toBe("confirmed");
    expect(await passwordLogin(prisma, { email: "admin.mot-de-passe@exemple.fr", password: PASSWORD, ip: "192.0.2.52", knownDevice: false })).toMatchObject({
      ok: true,
      user: { email: "admin.mot-de-passe@exemple.fr", role: "ADMIN" },
    });
  });
});
