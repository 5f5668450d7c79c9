import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOffer, saveOffer, setOfferPublication } from "@/lib/catalogue";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_SAVED_PROFILES, ProfileLimitError } from "@/lib/profiles";
import type * as ProfilesServer from "@/lib/profiles/server";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { seed } from "@/seed/seed";
import { catalogueTestDatabase } from "./catalogue-support";
import { query } from "./support/database";

/**
 * Saved profiles through lib/profiles/server.ts, the entry points the /compte actions
 * call, on db() pointed at a database of this file's own (seeded with the demo catalogue).
 */
const database = catalogueTestDatabase("profiles");
let profiles: typeof ProfilesServer;
let prisma: PrismaClient;

const YOUNG = REFERENCE_PROFILES[0]!.profile;
const FAMILY = REFERENCE_PROFILES[1]!.profile;

async function createUser(email: string): Promise<string> {
  const user = await prisma.user.create({ data: { email, passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$ZmFrZWhhc2hmYWtlaGFzaA" } });
  // A session and a provider account, so the deletion has something to cascade to.
  await prisma.session.create({ data: { userId: user.id, sessionToken: `token-${user.id}`, expires: new Date(Date.now() + 86_400_000) } });
  await prisma.account.create({ data: { userId: user.id, type: "email", provider: "email", providerAccountId: email } });
  return user.id;
}

async function rowOf(id: string) {
  const [row] = await query<{ userId: string; name: string; profile: unknown; lastRun: unknown; updatedAt: Date }>(
    database.url,
    `SELECT "userId", "name", "profile", "lastRun", "updatedAt" FROM "SavedProfile" WHERE "id" = $1`,
    [id],
  );
  return row;
}

beforeAll(async () => {
  // The app's one client (lib/db.ts) reads DATABASE_URL on first use: point it here first.
  process.env.DATABASE_URL = database.url;
  profiles = await import("@/lib/profiles/server");
  prisma = database.client();
  await seed(prisma);
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

describe("saved profiles of one user", () => {
  let userId: string;
  beforeAll(async () => {
    userId = await createUser("alice@example.fr");
  });

  it("creates, lists, gets, renames, duplicates and deletes", async () => {
    const created = await profiles.createProfile({ userId, name: "  Moi seul  ", profile: YOUNG });
    expect(created).toMatchObject({ name: "Moi seul", profile: profileSchema.parse(YOUNG) });
    // Saved with its ranking, as the results page showed it: the account page has figures at once.
    expect(created!.lastRun?.top).toHaveLength(5);
    expect(created!.encodedProfile).toMatch(/^1\./);

    const renamed = await profiles.renameProfile({ userId, id: created!.id, name: "Ma situation" });
    expect(renamed?.name).toBe("Ma situation");
    const copy = await profiles.duplicateProfile({ userId, id: created!.id });
    expect(copy?.name).toBe("Ma situation (copie)");
    expect(copy?.id).not.toBe(created!.id);

    const listed = await profiles.listProfiles({ userId });
    expect(listed.map((profile) => profile.name).sort()).toEqual(["Ma situation", "Ma situation (copie)"]);
    expect((await profiles.getProfile({ userId, id: copy!.id }))?.profile).toEqual(created!.profile);

    expect(await profiles.deleteProfile({ userId, id: copy!.id })).toBe(true);
    expect(await profiles.deleteProfile({ userId, id: copy!.id })).toBe(false);
    expect(await profiles.getProfile({ userId, id: copy!.id })).toBeNull();
  });

  it("refuses an empty or too long name, and an invalid profile, before writing", async () => {
    const before = (await profiles.listProfiles({ userId })).length;
    await expect(profiles.createProfile({ userId, name: "   ", profile: YOUNG })).rejects.toThrow();
    await expect(profiles.createProfile({ userId, name: "x".repeat(81), profile: YOUNG })).rejects.toThrow();
    await expect(profiles.createProfile({ userId, name: "Âge faux", profile: { ...YOUNG, department: "999x" } })).rejects.toThrow();
    expect((await profiles.listProfiles({ userId })).length).toBe(before);
  });

  it(`keeps at most ${MAX_SAVED_PROFILES} profiles per user, even when saves race`, async () => {
    const owner = await createUser("beaucoup@example.fr");
    const attempts = await Promise.allSettled(
      Array.from({ length: MAX_SAVED_PROFILES + 5 }, (_, index) => profiles.createProfile({ userId: owner, name: `Profil ${index}`, profile: YOUNG })),
    );
    const refused = attempts.filter((attempt) => attempt.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const attempt of refused) expect((attempt as PromiseRejectedResult).reason).toBeInstanceOf(ProfileLimitError);
    expect(await prisma.savedProfile.count({ where: { userId: owner } })).toBe(MAX_SAVED_PROFILES);
    const [first] = await profiles.listProfiles({ userId: owner });
    await expect(profiles.duplicateProfile({ userId: owner, id: first!.id })).rejects.toThrow(/50 profils/);
  });

  it("shortens a long name so the copy stays within 80 characters", async () => {
    const long = await profiles.createProfile({ userId, name: "N".repeat(80), profile: YOUNG });
    const copy = await profiles.duplicateProfile({ userId, id: long!.id });
    expect(copy!.name).toHaveLength(80);
    expect(copy!.name.endsWith(" (copie)")).toBe(true);
  });
});

describe("ownership: user A reaching for user B's profile", () => {
  let alice: string;
  let bob: string;
  let bobProfileId: string;
  let bobBefore: Awaited<ReturnType<typeof rowOf>>;

  beforeAll(async () => {
    alice = await createUser("a-ownership@example.fr");
    bob = await createUser("b-ownership@example.fr");
    const saved = await profiles.createProfile({ userId: bob, name: "Profil de Bob", profile: FAMILY });
    bobProfileId = saved!.id;
    await profiles.rerunProfile({ userId: bob, id: bobProfileId });
    bobBefore = await rowOf(bobProfileId);
    expect(bobBefore?.lastRun).not.toBeNull();
  });

  // Every entry point that takes a profile id, called by Alice with Bob's id.
  it.each([
    ["getProfile", () => profiles.getProfile({ userId: alice, id: bobProfileId }), null],
    ["renameProfile", () => profiles.renameProfile({ userId: alice, id: bobProfileId, name: "Volé" }), null],
    ["duplicateProfile", () => profiles.duplicateProfile({ userId: alice, id: bobProfileId }), null],
    ["rerunProfile", () => profiles.rerunProfile({ userId: alice, id: bobProfileId, sort: "rac" }), null],
    ["deleteProfile", () => profiles.deleteProfile({ userId: alice, id: bobProfileId }), false],
  ] as const)("%s answers not-found and leaves Bob's row as it was", async (_name, call, notFound) => {
    expect(await call()).toBe(notFound);
    expect(await rowOf(bobProfileId)).toEqual(bobBefore);
    // Nothing was created on Alice's side either (no copy of Bob's profile).
    expect(await prisma.savedProfile.count({ where: { userId: alice } })).toBe(0);
    expect(await prisma.savedProfile.count({ where: { userId: bob } })).toBe(1);
  });

  it("lists and exports only the caller's profiles", async () => {
    expect(await profiles.listProfiles({ userId: alice })).toEqual([]);
    const mine = await profiles.createProfile({ userId: alice, name: "Profil d'Alice", profile: YOUNG });
    expect((await profiles.listProfiles({ userId: alice })).map((profile) => profile.id)).toEqual([mine!.id]);

    const exported = await profiles.exportUserData({ userId: alice });
    expect(exported?.user.email).toBe("a-ownership@example.fr");
    expect(exported?.profiles.map((profile) => profile.name)).toEqual(["Profil d'Alice"]);
    const json = JSON.stringify(exported);
    expect(json).not.toContain("Profil de Bob");
    expect(json).not.toContain("b-ownership@example.fr");
    expect(json).not.toContain("argon2");
    expect(json).not.toContain("token-");
    expect(json).not.toContain(bob);
    await profiles.deleteProfile({ userId: alice, id: mine!.id });
  });

  it("an unknown user creates nothing", async () => {
    expect(await profiles.createProfile({ userId: "no-such-user", name: "Fantôme", profile: YOUNG })).toBeNull();
    expect(await profiles.exportUserData({ userId: "no-such-user" })).toBeNull();
    expect(await profiles.deleteAccount({ userId: "no-such-user" })).toBe(false);
  });
});

describe("account deletion", () => {
  it("leaves no row of the user, and only theirs is gone", async () => {
    const leaving = await createUser("depart@example.fr");
    const staying = await createUser("reste@example.fr");
    await profiles.createProfile({ userId: leaving, name: "À supprimer", profile: YOUNG });
    await profiles.createProfile({ userId: staying, name: "À garder", profile: YOUNG });
    await prisma.verificationToken.create({ data: { identifier: "depart@example.fr", token: "magic-depart", expires: new Date(Date.now() + 600_000) } });

    expect(await profiles.deleteAccount({ userId: leaving })).toBe(true);

    const remaining = await query<{ table: string; count: string }>(
      database.url,
      `SELECT 'User' AS "table", count(*) FROM "User" WHERE "id" = $1
       UNION ALL SELECT 'SavedProfile', count(*) FROM "SavedProfile" WHERE "userId" = $1
       UNION ALL SELECT 'Session', count(*) FROM "Session" WHERE "userId" = $1
       UNION ALL SELECT 'Account', count(*) FROM "Account" WHERE "userId" = $1
       UNION ALL SELECT 'VerificationToken', count(*) FROM "VerificationToken" WHERE "identifier" = $2`,
      [leaving, "depart@example.fr"],
    );
    expect(Object.fromEntries(remaining.map((row) => [row.table, Number(row.count)]))).toEqual({
      User: 0,
      SavedProfile: 0,
      Session: 0,
      Account: 0,
      VerificationToken: 0,
    });
    expect(await prisma.savedProfile.count({ where: { userId: staying } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: staying } })).toBe(1);
  });
});

describe("re-running a saved profile after the catalogue changed", () => {
  it("stores the last run and reports new and gone offers, price changes and the top offer's move", async () => {
    const userId = await createUser("relance@example.fr");
    const saved = await profiles.createProfile({ userId, name: "Jeune actif", profile: YOUNG });

    // Saved from the results page with the ranking it showed: that is its first run.
    const run = saved!.lastRun!;
    expect(run.top).toHaveLength(5);
    // Shown as "catalogue mis à jour le …": when the catalogue last changed, not a revision number.
    const [stamp] = await query<{ changedAt: Date }>(database.url, `SELECT "changedAt" FROM "CatalogueRevision" WHERE "id" = 1`);
    expect(run.catalogueUpdatedAt).toBe(stamp!.changedAt.toISOString());
    expect(run.offers.length).toBeGreaterThan(5);
    expect(run.sort).toBe("total");
    expect(run.catalogueRevision).toMatch(/^\d+@\d{4}-\d{2}-\d{2}$/);
    const stored = await rowOf(saved!.id);
    expect(stored?.lastRun).toEqual(run);

    // Nothing moved: a second run reports no change.
    const again = await profiles.rerunProfile({ userId, id: saved!.id });
    expect(again!.changes).toMatchObject({ firstRun: false, catalogueChanged: false, newOffers: [], goneOffers: [], premiumChanges: [], topOfferChange: null });

    // The catalogue changes: the top offer gets dearer by 30 €/month on every band, the
    // last-ranked offer is archived, and a copy of the second one is published.
    const top = run.top[0]!;
    const last = run.offers.at(-1)!;
    await query(database.url, `UPDATE "OfferPremiumBand" SET "monthly" = "monthly" + 30 WHERE "offerId" = $1`, [top.offerId]);
    const archived = await getOffer(prisma, last.offerId);
    await setOfferPublication(prisma, last.offerId, { status: "ARCHIVED", expectedVersion: archived!.version });
    const second = await getOffer(prisma, run.top[1]!.offerId);
    await saveOffer(prisma, { ...second!.offer, id: `${second!.offer.id}-nouvelle`, formula: `${second!.offer.formula} Nouvelle` }, { status: "PUBLISHED" });

    const after = await profiles.rerunProfile({ userId, id: saved!.id });
    const changes = after!.changes;
    expect(changes.catalogueChanged).toBe(true);
    expect(changes.newOffers.map((offer) => offer.offerId)).toEqual([`${second!.offer.id}-nouvelle`]);
    expect(changes.newOffers[0]!.label).toContain("Nouvelle");
    expect(changes.goneOffers.map((offer) => offer.offerId)).toEqual([last.offerId]);
    const topPremium = changes.premiumChanges.find((change) => change.offerId === top.offerId);
    // 30 € a month more per adult beneficiary: 360 € a year for this one-adult profile.
    expect(topPremium).toEqual({ offerId: top.offerId, label: `${top.insurer} — ${top.formula}`, from: top.annualPremium, to: (Number(top.annualPremium) + 360).toFixed(2) });
    expect(changes.premiumChanges).toHaveLength(1);
    // 360 € a year more pushes it off first place on total cost.
    expect(changes.topOfferChange?.from?.offerId).toBe(top.offerId);
    expect(changes.topOfferChange?.to?.offerId).not.toBe(top.offerId);
    expect(after!.profile.lastRun!.catalogueRevision).not.toBe(run.catalogueRevision);
    expect(after!.profile.lastRun!.top[0]!.offerId).toBe(changes.topOfferChange?.to?.offerId);
  });
});
