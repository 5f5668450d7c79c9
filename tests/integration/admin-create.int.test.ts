import { describe, expect, it } from "vitest";
import { ensureAdmin } from "../../scripts/lib/ensure-admin";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("admin_create");

describe("npm run admin:create", () => {
  it("crée un compte ADMIN sans mot de passe, promeut un compte existant, et ne touche pas au mot de passe", async () => {
    const prisma = database.client();
    expect(await ensureAdmin(prisma, "  Nouvelle.Admin@Exemple.fr ")).toBe("created");
    expect(await query(database.url, `SELECT "email", "role", "passwordHash" FROM "User" WHERE "email" = 'nouvelle.admin@exemple.fr'`)).toEqual([
      { email: "nouvelle.admin@exemple.fr", role: "ADMIN", passwordHash: null },
    ]);
    expect(await ensureAdmin(prisma, "nouvelle.admin@exemple.fr")).toBe("already-admin");

    await prisma.user.create({ data: { email: "utilisateur@exemple.fr", passwordHash: "$argon2id$existing" } });
    expect(await ensureAdmin(prisma, "utilisateur@exemple.fr")).toBe("promoted");
    expect(await query(database.url, `SELECT "role", "passwordHash" FROM "User" WHERE "email" = 'utilisateur@exemple.fr'`)).toEqual([
      { role: "ADMIN", passwordHash: "$argon2id$existing" },
    ]);
    await expect(ensureAdmin(prisma, "pas-une-adresse")).rejects.toThrow();
    expect(await query(database.url, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 2 }]);
  });
});
