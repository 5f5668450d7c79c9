// Issue 17 §3: forgotten password and password change.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { changePassword } from "@/lib/auth/password-change";
import { passwordLogin } from "@/lib/auth/password-login";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { createServerSession, findSessionUser } from "@/lib/auth/server-sessions";
import type { MailMessage } from "@/lib/mail/send-mail";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("password_reset");
const PASSWORD = "une phrase de passe assez longue";
const NEW_PASSWORD = "un tout nouveau mot de passe";
const APP_URL = "http://localhost:3000";
let sequence = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${(sequence += 1)}@exemple.fr`;
const uniqueIp = () => `192.0.2.${(sequence += 1) % 250}`;

function mailbox() {
  const sent: MailMessage[] = [];
  return { sent, send: async (mail: MailMessage) => void sent.push(mail), tokenOf: (mail: MailMessage) => new URL(mail.link!).searchParams.get("jeton")! };
}

async function createUser(email: string, password: string | null = PASSWORD) {
  return database.client().user.create({
    data: { email, passwordHash: password ? await hashPassword(password) : null, passwordVerifiedAt: password ? new Date() : null },
  });
}

const login = (email: string, password: string) => passwordLogin(database.client(), { email, password, ip: uniqueIp(), knownDevice: false });

describe("mot de passe oublié", () => {
  it("même réponse pour une adresse inconnue (aucun e-mail) ; pour un compte, un lien à usage unique qui change le mot de passe et ferme toutes les sessions", async () => {
    const prisma = database.client();
    const mails = mailbox();
    expect(await requestPasswordReset(prisma, { email: uniqueEmail("inconnue"), ip: uniqueIp(), appUrl: APP_URL }, mails.send)).toEqual({ status: "mail-sent" });
    expect(mails.sent).toHaveLength(0);

    const email = uniqueEmail("oubli");
    const user = await createUser(email);
    const [laptop, phone] = [await createServerSession(prisma, user.id), await createServerSession(prisma, user.id)];
    expect(await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send)).toEqual({ status: "mail-sent" });
    expect(mails.sent.map((mail) => [mail.to, mail.subject])).toEqual([[email, "Choisir un nouveau mot de passe"]]);
    expect(mails.sent[0]!.link).toMatch(/^http:\/\/localhost:3000\/connexion\/nouveau-mot-de-passe\?jeton=[\w-]{43}$/);
    const token = mails.tokenOf(mails.sent[0]!);
    // Hashed at rest: the table holds the SHA-256, never the token.
    const rows = await query<{ tokenHash: string }>(database.url, `SELECT "tokenHash" FROM "PasswordToken" WHERE "email" = $1`, [email]);
    expect(rows).toEqual([{ tokenHash: createHash("sha256").update(token).digest("hex") }]);

    expect(await resetPassword(prisma, { token, password: NEW_PASSWORD, appUrl: APP_URL }, mails.send)).toEqual({ status: "changed", email });
    expect(mails.sent[1]!.subject).toBe("Votre mot de passe a changé");
    expect(await findSessionUser(prisma, laptop)).toBeNull();
    expect(await findSessionUser(prisma, phone)).toBeNull();
    expect((await login(email, PASSWORD)).ok).toBe(false);
    expect((await login(email, NEW_PASSWORD)).ok).toBe(true);
    // Single use.
    expect(await resetPassword(prisma, { token, password: "encore un autre mot de passe", appUrl: APP_URL }, mails.send)).toEqual({ status: "invalid-link" });
    expect((await login(email, NEW_PASSWORD)).ok).toBe(true);
  });

  it("le lien expire après 30 minutes, le dernier demandé annule les précédents, et donne un premier mot de passe à un compte par lien", async () => {
    const prisma = database.client();
    const mails = mailbox();
    const email = uniqueEmail("sans-mot-de-passe");
    await createUser(email, null);
    await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    const [first, second] = mails.sent.map(mails.tokenOf);
    expect(await resetPassword(prisma, { token: first!, password: NEW_PASSWORD, appUrl: APP_URL }, mails.send)).toEqual({ status: "invalid-link" });
    const late = new Date(Date.now() + 31 * 60_000);
    expect(await resetPassword(prisma, { token: second!, password: NEW_PASSWORD, appUrl: APP_URL }, mails.send, late)).toEqual({ status: "invalid-link" });

    await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    expect(await resetPassword(prisma, { token: mails.tokenOf(mails.sent[2]!), password: NEW_PASSWORD, appUrl: APP_URL }, mails.send)).toMatchObject({ status: "changed" });
    expect((await login(email, NEW_PASSWORD)).ok).toBe(true);
  });

  it("les demandes sont limitées par boîte mail (3 e-mails par quart d'heure)", async () => {
    const prisma = database.client();
    const mails = mailbox();
    const email = uniqueEmail("rafale");
    await createUser(email);
    for (let request = 0; request < 3; request += 1) await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    expect(await requestPasswordReset(prisma, { email, ip: uniqueIp(), appUrl: APP_URL }, mails.send)).toEqual({ status: "throttled", retryMinutes: 15 });
    expect(mails.sent).toHaveLength(3);
  });
});

describe("changement de mot de passe", () => {
  it("exige le mot de passe actuel, garde la session qui change et ferme les autres", async () => {
    const prisma = database.client();
    const mails = mailbox();
    const email = uniqueEmail("change");
    const user = await createUser(email);
    const [current, other] = [await createServerSession(prisma, user.id), await createServerSession(prisma, user.id)];
    const input = { userId: user.id, currentPassword: "pas le bon", newPassword: NEW_PASSWORD, sessionToken: current, appUrl: APP_URL };

    expect(await changePassword(prisma, input, mails.send)).toEqual({ status: "wrong-password" });
    expect(await findSessionUser(prisma, other)).not.toBeNull();
    expect(await changePassword(prisma, { ...input, currentPassword: PASSWORD }, mails.send)).toEqual({ status: "changed", otherSessionsEnded: 1 });
    expect(await findSessionUser(prisma, current)).toMatchObject({ id: user.id });
    expect(await findSessionUser(prisma, other)).toBeNull();
    expect(mails.sent.map((mail) => mail.subject)).toEqual(["Votre mot de passe a changé"]);
    expect((await login(email, PASSWORD)).ok).toBe(false);
    expect((await login(email, NEW_PASSWORD)).ok).toBe(true);
  });

  it("un compte sans mot de passe confirmé passe par le lien ; cinq essais du mot de passe actuel au plus par quart d'heure", async () => {
    const prisma = database.client();
    const mails = mailbox();
    const linkOnly = await createUser(uniqueEmail("lien"), null);
    const session = await createServerSession(prisma, linkOnly.id);
    expect(await changePassword(prisma, { userId: linkOnly.id, currentPassword: "x", newPassword: NEW_PASSWORD, sessionToken: session, appUrl: APP_URL }, mails.send)).toEqual({
      status: "no-password",
    });

    const user = await createUser(uniqueEmail("essais"));
    const token = await createServerSession(prisma, user.id);
    const input = { userId: user.id, currentPassword: "mauvais", newPassword: NEW_PASSWORD, sessionToken: token, appUrl: APP_URL };
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await changePassword(prisma, input, mails.send)).toEqual({ status: "wrong-password" });
    expect(await changePassword(prisma, { ...input, currentPassword: PASSWORD }, mails.send)).toEqual({ status: "throttled", retryMinutes: 15 });
    expect(mails.sent).toHaveLength(0);
  });
});
