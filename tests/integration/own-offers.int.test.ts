import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exportCatalogue, loadPublishedCatalogue, OfferValidationError } from "@/lib/catalogue";
import { listInsurers, listOffers } from "@/lib/catalogue/admin";
import { DEFAULT_VIEW } from "@/lib/compare/result-filters";
import type * as RunComparison from "@/lib/compare/run-comparison";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_OWN_OFFERS } from "@/lib/schemas/own-offer";
import { blankOwnOffer } from "@/lib/own-offers/blank-own-offer";
import { OwnOfferLimitError, OwnOfferStaleError } from "@/lib/own-offers";
import type * as OwnOffersServer from "@/lib/own-offers/server";
import type * as ProfilesServer from "@/lib/profiles/server";
import { profileSchema, type Profile } from "@/lib/schemas/profile";
import type * as EngineThread from "@/lib/compare/engine-thread";
import type { Offer, OfferInput } from "@/lib/schemas/offer";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { seed } from "@/seed/seed";
import { catalogueTestDatabase } from "./catalogue-support";
import { query } from "./support/database";

/**
 * A person's own offers through lib/own-offers/server.ts (what the /compte/offres actions
 * call with the session's user) and the comparison functions the public pages call with
 * the requester's own offers, on db() pointed at a database of this file's own.
 */
const database = catalogueTestDatabase("own-offers");
let ownOffers: typeof OwnOffersServer;
let comparison: typeof RunComparison;
let profiles: typeof ProfilesServer;
let prisma: PrismaClient;
const ADMIN = { id: "admin", email: "admin@example.fr", role: "ADMIN" as const };
const YOUNG: Profile = profileSchema.parse(REFERENCE_PROFILES[0]!.profile);

/** A devis as a person types it: « 200 % BR » for doctors, « forfait 300 € par implant », a flat premium. */
function devis(insurer: string, formula: string, monthly = "42.00"): OfferInput {
  const blank = blankOwnOffer();
  return {
    ...blank,
    insurer: { name: insurer },
    formula,
    premiums: { bands: [{ minAge: 0, maxAge: 120, monthly }] },
    guarantees: {
      ...blank.guarantees,
      "doctor-gp": { percentBr: 200, percentBrNonOptam: 180 },
      "doctor-specialist": { percentBr: 200, percentBrNonOptam: 180 },
      "dental-implants": { forfait: { amount: "300.00", per: "equipment" } },
    },
  };
}

/** The whole ranking as the results page pages it, for a requester with these own offers (none: anonymous). */
function rank(own?: Awaited<ReturnType<typeof OwnOffersServer.ownOffersForRanking>>, view: Partial<typeof DEFAULT_VIEW> = {}) {
  return comparison.compareView(YOUNG, { ...DEFAULT_VIEW, ...view }, 1000, own);
}

async function createUser(email: string): Promise<string> {
  return (await prisma.user.create({ data: { email } })).id;
}

async function revision(): Promise<string> {
  const [row] = await query<{ revision: string }>(database.url, `SELECT "revision"::text AS "revision" FROM "CatalogueRevision" WHERE "id" = 1`);
  return row!.revision;
}

async function offerRow(id: string) {
  const [row] = await query<{ ownerId: string; formula: string; version: number }>(database.url, `SELECT "ownerId", "formula", "version" FROM "Offer" WHERE "id" = $1`, [id]);
  return row;
}

/** What the comparison functions hand to the engine: a catalogue (by revision) or loose offers. */
const engineCalls: { kind: "catalogue" | "loose"; offers: readonly Offer[] }[] = [];
vi.doMock("@/lib/compare/engine-thread", async (importOriginal) => {
  const engine = await importOriginal<typeof EngineThread>();
  return {
    ...engine,
    quoteOffersOffThread: (...args: Parameters<typeof engine.quoteOffersOffThread>) => {
      engineCalls.push({ kind: "catalogue", offers: args[0].offers });
      return engine.quoteOffersOffThread(...args);
    },
    rankOffersOffThread: (...args: Parameters<typeof engine.rankOffersOffThread>) => {
      engineCalls.push({ kind: "catalogue", offers: args[0].offers });
      return engine.rankOffersOffThread(...args);
    },
    quoteLooseOffersOffThread: (...args: Parameters<typeof engine.quoteLooseOffersOffThread>) => {
      engineCalls.push({ kind: "loose", offers: args[0] });
      return engine.quoteLooseOffersOffThread(...args);
    },
  };
});

beforeAll(async () => {
  // The app's one client (lib/db.ts) reads DATABASE_URL on first use: point it here first.
  process.env.DATABASE_URL = database.url;
  ownOffers = await import("@/lib/own-offers/server");
  comparison = await import("@/lib/compare/run-comparison");
  profiles = await import("@/lib/profiles/server");
  prisma = database.client();
  await seed(prisma);
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

describe("a person's own offers", () => {
  let userId: string;
  beforeAll(async () => {
    userId = await createUser("devis@example.fr");
  });

  it("are created under a server-made id, listed, read back in the catalogue format, edited with their version and deleted", async () => {
    const created = await ownOffers.saveOwnOffer({ userId, offer: { ...devis("Mutuelle Exemple", "Confort 3"), id: "choisi-par-le-navigateur" }, currentContractSince: null });
    expect(created?.id).toMatch(/^perso-[0-9a-f]{24}$/);
    expect(created?.warnings).toEqual([]);
    const read = await ownOffers.getOwnOffer({ userId, id: created!.id });
    expect(read?.offer).toMatchObject({ id: created!.id, insurer: { name: "Mutuelle Exemple" }, formula: "Confort 3", premiums: { bands: [{ monthly: "42.00" }] } });
    expect(read?.offer.guarantees["dental-implants"]).toMatchObject({ forfait: { amount: "300.00", per: "equipment" } });

    const edited = await ownOffers.saveOwnOffer({ userId, id: created!.id, expectedVersion: 1, offer: devis("Mutuelle Exemple", "Confort 4"), currentContractSince: null });
    expect(edited?.version).toBe(2);
    await expect(ownOffers.saveOwnOffer({ userId, id: created!.id, expectedVersion: 1, offer: devis("Mutuelle Exemple", "Écrasé"), currentContractSince: null })).rejects.toThrow(
      OwnOfferStaleError,
    );
    expect((await ownOffers.listOwnOffers({ userId })).map((own) => own.offer.formula)).toEqual(["Confort 4"]);

    expect(await ownOffers.deleteOwnOffer({ userId, id: created!.id })).toBe(true);
    expect(await ownOffers.deleteOwnOffer({ userId, id: created!.id })).toBe(false);
    expect(await ownOffers.listOwnOffers({ userId })).toEqual([]);
  });

  it("are refused when the engine could not read them, and saved with warnings when they break a contrat responsable rule", async () => {
    await expect(ownOffers.saveOwnOffer({ userId, offer: { ...devis("Mutuelle Exemple", ""), level: 9 }, currentContractSince: null })).rejects.toThrow(OfferValidationError);
    const generous = devis("Mutuelle Exemple", "Hors des règles");
    // 300 % BR for non-OPTAM doctors: more than R871-2 lets a contrat responsable pay.
    generous.guarantees["doctor-specialist"] = { percentBr: 300, percentBrNonOptam: 300 };
    const saved = await ownOffers.saveOwnOffer({ userId, offer: generous, currentContractSince: null });
    expect(saved?.warnings.map((warning) => warning.rule)).toContain("R871-2-non-optam-200");
    expect(await ownOffers.deleteOwnOffer({ userId, id: saved!.id })).toBe(true);
  });

  it("have one current contract at most: marking another one unmarks the first", async () => {
    const first = await ownOffers.saveOwnOffer({ userId, offer: devis("Ancienne Mutuelle", "Base"), currentContractSince: "2024-03-15" });
    const second = await ownOffers.saveOwnOffer({ userId, offer: devis("Nouvelle Mutuelle", "Base"), currentContractSince: "2025-09-01" });
    const listed = await ownOffers.listOwnOffers({ userId });
    expect(listed.map((own) => [own.offer.id, own.currentContractSince])).toEqual([
      [first!.id, null],
      [second!.id, "2025-09-01"],
    ]);
    for (const own of listed) await ownOffers.deleteOwnOffer({ userId, id: own.offer.id });
  });

  it("a current contract that cannot cover the profile still says when it can be left, without figures to set offers against", async () => {
    const senior = await createUser("contrat-senior@example.fr");
    const seniorsOnly = { ...devis("Mutuelle Senior", "Sérénité"), premiums: { bands: [{ minAge: 60, maxAge: 120, monthly: "80.00" }] } };
    await ownOffers.saveOwnOffer({ userId: senior, offer: seniorsOnly, currentContractSince: "2026-06-15" });
    const ranking = await rank(await ownOffers.ownOffersForRanking({ userId: senior }));
    expect(ranking.offers.some((offer) => offer.ownership !== undefined)).toBe(false);
    expect(ranking.currentContract).toMatchObject({ name: "Mutuelle Senior — Sérénité", since: "2026-06-15" });
    expect(ranking.currentContract?.leaving.kind).not.toBe("any-time");
    expect(ranking.currentContract?.figures).toBeUndefined();
  });

  it(`are ${MAX_OWN_OFFERS} at most per person, even when saves race`, async () => {
    const racer = await createUser("vingt-et-un@example.fr");
    const outcomes = await Promise.allSettled(
      Array.from({ length: MAX_OWN_OFFERS + 1 }, (_, index) => ownOffers.saveOwnOffer({ userId: racer, offer: devis("Assureur", `Devis ${index + 1}`), currentContractSince: null })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(MAX_OWN_OFFERS);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(OwnOfferLimitError);
  });
});

describe("ownership: Alice reaching for Bob's own offer", () => {
  let alice: string;
  let bob: string;
  let bobOfferId: string;
  let aliceOfferId: string;
  let bobBefore: Awaited<ReturnType<typeof offerRow>>;

  beforeAll(async () => {
    alice = await createUser("alice-offres@example.fr");
    bob = await createUser("bob-offres@example.fr");
    bobOfferId = (await ownOffers.saveOwnOffer({ userId: bob, offer: devis("Mutuelle de Bob", "Contrat de Bob", "12.34"), currentContractSince: "2025-01-10" }))!.id;
    aliceOfferId = (await ownOffers.saveOwnOffer({ userId: alice, offer: devis("Mutuelle d'Alice", "Devis d'Alice"), currentContractSince: null }))!.id;
    bobBefore = await offerRow(bobOfferId);
  });

  it.each([
    ["read", () => ownOffers.getOwnOffer({ userId: alice, id: bobOfferId }), null],
    ["edit", () => ownOffers.saveOwnOffer({ userId: alice, id: bobOfferId, offer: devis("Volé", "Volé"), currentContractSince: null }), null],
    ["mark as current contract", () => ownOffers.saveOwnOffer({ userId: alice, id: bobOfferId, offer: devis("Volé", "Volé"), currentContractSince: "2026-01-01" }), null],
    ["delete", () => ownOffers.deleteOwnOffer({ userId: alice, id: bobOfferId }), false],
  ] as const)("%s answers not-found and leaves Bob's offer as it was", async (_name, call, notFound) => {
    expect(await call()).toBe(notFound);
    expect(await offerRow(bobOfferId)).toEqual(bobBefore);
    expect((await ownOffers.getOwnOffer({ userId: bob, id: bobOfferId }))?.offer.guarantees["doctor-gp"]).toMatchObject({ percentBr: 200 });
  });

  it("ranks, explains and shows side by side only the requester's own offers", async () => {
    const aliceOwn = await ownOffers.ownOffersForRanking({ userId: alice });
    const bobOwn = await ownOffers.ownOffersForRanking({ userId: bob });
    expect(aliceOwn.offers.map((own) => own.offer.id)).toEqual([aliceOfferId]);

    const aliceRanking = await rank(aliceOwn);
    const ids = aliceRanking.offers.map((offer) => offer.offerId);
    expect(ids).toContain(aliceOfferId);
    expect(ids).not.toContain(bobOfferId);
    expect(aliceRanking.offers.find((offer) => offer.offerId === aliceOfferId)?.ownership).toBe("own");
    expect(aliceRanking.offers.filter((offer) => offer.ownership !== undefined)).toHaveLength(1);
    expect(aliceRanking.currentContract).toBeUndefined();
    expect(aliceRanking.ownOfferCount).toBe(1);
    const alicePoint = [...aliceRanking.chart.frontier, ...aliceRanking.chart.beatenSample].find((point) => point.offerId === aliceOfferId);
    expect(alicePoint?.label).toBe("Mutuelle d'Alice — Devis d'Alice (mon offre)");

    // The same profile for Bob, just after Alice: his own offer and current contract, never Alice's (no shared cache entry).
    const bobRanking = await rank(bobOwn);
    expect(bobRanking.offers.map((offer) => offer.offerId)).not.toContain(aliceOfferId);
    expect(bobRanking.offers.find((offer) => offer.offerId === bobOfferId)?.ownership).toBe("current");
    const bobCurrent = bobRanking.offers.find((offer) => offer.offerId === bobOfferId)!;
    expect(bobRanking.currentContract).toEqual({
      offerId: bobOfferId,
      name: "Mutuelle de Bob — Contrat de Bob",
      since: "2025-01-10",
      leaving: expect.objectContaining({ kind: "any-time" }),
      figures: { annualPremium: "148.08", expectedRac: bobCurrent.expectedRac, totalCost: bobCurrent.totalCost, badYearRac: bobCurrent.badYearRac },
    });
    // « Mes offres seulement »: Bob's offer alone; for Alice, hers; for someone without own offers, the catalogue.
    expect((await rank(bobOwn, { ownOnly: true })).offers.map((offer) => offer.offerId)).toEqual([bobOfferId]);
    expect((await rank(aliceOwn, { ownOnly: true })).offers.map((offer) => offer.offerId)).toEqual([aliceOfferId]);
    const noOwnOnly = await rank(undefined, { ownOnly: true });
    expect(noOwnOnly.view.ownOnly).toBe(false);
    expect(noOwnOnly.offers.length).toBeGreaterThan(1);
    // An anonymous visitor: the catalogue alone.
    const anonymous = await rank();
    expect(anonymous.offers.some((offer) => offer.ownership !== undefined)).toBe(false);
    expect(anonymous.ownOfferCount).toBeUndefined();
    expect(anonymous.offers).toHaveLength(aliceRanking.offers.length - 1);

    expect(await comparison.explainOffer(YOUNG, bobOfferId, aliceOwn)).toBeNull();
    expect(await comparison.explainOffer(YOUNG, bobOfferId)).toBeNull();
    expect((await comparison.explainOffer(YOUNG, bobOfferId, bobOwn))?.quote.offerId).toBe(bobOfferId);

    const catalogueId = anonymous.offers[0]!.offerId;
    const sideBySide = await comparison.quoteSelectedOffers(YOUNG, [bobOfferId, catalogueId, aliceOfferId], aliceOwn);
    expect(sideBySide.map((quote) => quote.offerId)).toEqual([catalogueId, aliceOfferId]);
  });

  it("the same figures for an own offer in the ranking, on its explanation page and side by side", async () => {
    const aliceOwn = await ownOffers.ownOffersForRanking({ userId: alice });
    const ranked = (await rank(aliceOwn)).offers.find((offer) => offer.offerId === aliceOfferId)!;
    const explained = (await comparison.explainOffer(YOUNG, aliceOfferId, aliceOwn))!.quote;
    const [side] = await comparison.quoteSelectedOffers(YOUNG, [aliceOfferId], aliceOwn);
    for (const quote of [explained, side!]) {
      expect({ premium: quote.annualPremium, rac: quote.expectedRac, total: quote.totalCost }).toEqual({
        premium: ranked.annualPremium,
        rac: ranked.expectedRac,
        total: ranked.totalCost,
      });
    }
  });

  it("go to the engine on their own: the engine threads are only ever handed the published catalogue", async () => {
    // A thread keeps one catalogue compiled: a copy with Alice's offers would have it compile 10 000 offers for her, then again for the next visitor.
    const aliceOwn = await ownOffers.ownOffersForRanking({ userId: alice });
    const published = await loadPublishedCatalogue(prisma);
    const profile = profileSchema.parse(REFERENCE_PROFILES[2]!.profile);
    engineCalls.length = 0;
    const ranking = await comparison.compareView(profile, DEFAULT_VIEW, 1000, aliceOwn);
    expect(ranking.offers.map((offer) => offer.offerId)).toContain(aliceOfferId);
    await comparison.explainOffer(profile, aliceOfferId, aliceOwn);
    await comparison.quoteSelectedOffers(profile, [aliceOfferId, ranking.offers[0]!.offerId], aliceOwn);
    const ids = (kind: "catalogue" | "loose") => engineCalls.filter((call) => call.kind === kind).map((call) => call.offers.map((offer) => offer.id));
    expect(ids("catalogue").length).toBeGreaterThan(0);
    for (const offers of ids("catalogue")) expect(offers).toEqual(published.offers.map((offer) => offer.id));
    expect(ids("loose")).toEqual([[aliceOfferId], [aliceOfferId], [aliceOfferId]]);
  });

  it("an edit of Alice's offer gives her a new ranking (the cache key follows her offers)", async () => {
    const before = await rank(await ownOffers.ownOffersForRanking({ userId: alice }));
    await ownOffers.saveOwnOffer({ userId: alice, id: aliceOfferId, offer: devis("Mutuelle d'Alice", "Devis d'Alice", "99.00"), currentContractSince: null });
    const after = await rank(await ownOffers.ownOffersForRanking({ userId: alice }));
    const premium = (result: typeof before) => result.offers.find((offer) => offer.offerId === aliceOfferId)?.monthlyPremium;
    expect(premium(before)).toBe("42.00");
    expect(premium(after)).toBe("99.00");
  });

  it("stay out of the catalogue: public catalogue, export, admin lists, insurers and revision", async () => {
    const revisionBefore = await revision();
    const extra = await ownOffers.saveOwnOffer({ userId: alice, offer: devis("Assureur Tapé Par Alice", "Devis"), currentContractSince: null });
    await ownOffers.saveOwnOffer({ userId: alice, id: extra!.id, offer: devis("Assureur Tapé Par Alice", "Devis modifié"), currentContractSince: "2026-02-01" });
    await ownOffers.deleteOwnOffer({ userId: alice, id: extra!.id });
    expect(await revision()).toBe(revisionBefore);

    const owned = [aliceOfferId, bobOfferId];
    for (const id of owned) {
      expect((await loadPublishedCatalogue(prisma)).offers.some((offer) => offer.id === id)).toBe(false);
      expect((await exportCatalogue(prisma)).offers.some((offer) => offer.id === id)).toBe(false);
      expect((await listOffers(prisma, ADMIN, { q: id })).items).toEqual([]);
    }
    expect((await listOffers(prisma, ADMIN, { q: "Bob" })).items).toEqual([]);
    expect((await listInsurers(prisma, ADMIN)).map((insurer) => insurer.name)).not.toContain("Mutuelle de Bob");
    // The database refuses to publish an owned offer, whoever tries.
    await expect(query(database.url, `UPDATE "Offer" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [bobOfferId])).rejects.toThrow(/Offer_catalogue_or_owned/);
  });

  it("are in the account export of their owner only, and go with the account", async () => {
    const aliceExport = await profiles.exportUserData({ userId: alice });
    expect(aliceExport?.ownOffers.map((own) => (own.offer as { formula: string }).formula)).toEqual(["Devis d'Alice"]);
    expect(JSON.stringify(aliceExport)).not.toContain("Mutuelle de Bob");
    expect((await profiles.exportUserData({ userId: bob }))?.ownOffers).toMatchObject([{ currentContractSince: "2025-01-10" }]);

    expect(await profiles.deleteAccount({ userId: bob })).toBe(true);
    const left = await query<{ count: string }>(
      database.url,
      `SELECT (SELECT count(*) FROM "Offer" WHERE "id" = $1) + (SELECT count(*) FROM "OfferGuarantee" WHERE "offerId" = $1)
        + (SELECT count(*) FROM "OfferPremiumBand" WHERE "offerId" = $1) AS "count"`,
      [bobOfferId],
    );
    expect(Number(left[0]!.count)).toBe(0);
    expect((await ownOffers.listOwnOffers({ userId: alice })).map((own) => own.offer.id)).toEqual([aliceOfferId]);
  });
});
