import { describe, expect, it } from "vitest";
import { countPublishedOffers, loadPublishedCatalogue, validateOffer } from "@/lib/catalogue";
import { quoteOffers } from "@/lib/engine";
import type { Offer } from "@/lib/schemas/offer";
import { REFERENCE_PROFILE_IDS, referenceProfile } from "@/seed/factories/profiles";
import { buildDemoCatalogue, DEMO_INSURERS } from "@/seed/demo-catalogue";
import { seed } from "@/seed/seed";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("catalogue_seed");

const monthlyAt = (offer: Offer, age: number) =>
  Number(offer.premiums.bands.find((band) => !band.departments && band.childRankFrom === undefined && band.minAge <= age && age <= band.maxAge)!.monthly);

describe("demo catalogue seed", () => {
  it("loads at least 12 illustrative insurers and 50 published offers, stored as built", async () => {
    const prisma = database.client();
    const result = await seed(prisma);
    const demo = buildDemoCatalogue();
    expect(result.offers).toBe(demo.offers.length);
    expect(demo.offers.length).toBeGreaterThanOrEqual(50);
    expect(DEMO_INSURERS.length).toBeGreaterThanOrEqual(12);

    const catalogue = await loadPublishedCatalogue(prisma);
    expect(catalogue.offers).toEqual([...demo.offers].sort((a, b) => a.id.localeCompare(b.id)));
    expect(catalogue.insurers).toHaveLength(DEMO_INSURERS.length);
    expect(catalogue.insurers.every((insurer) => insurer.illustrative && insurer.registrationNumber?.includes("fictif"))).toBe(true);
    expect(await countPublishedOffers(prisma)).toBe(demo.offers.length);
  });

  it("is idempotent: a second run writes nothing and duplicates nothing", async () => {
    const prisma = database.client();
    const counts = () =>
      query(
        database.url,
        `SELECT (SELECT "revision"::text FROM "CatalogueRevision") AS revision, (SELECT count(*)::int FROM "Offer") AS offers,
          (SELECT count(*)::int FROM "OfferGuarantee") AS guarantees, (SELECT count(*)::int FROM "OfferPremiumBand") AS bands,
          (SELECT count(*)::int FROM "Insurer") AS insurers`,
      );
    const versions = () => query(database.url, `SELECT "id", "version", "updatedAt" FROM "Offer" ORDER BY "id"`);
    const before = { counts: await counts(), versions: await versions() };
    await seed(prisma);
    expect(await counts()).toEqual(before.counts);
    expect(await versions()).toEqual(before.versions);
  });

  it("every demo offer passes validation, responsable ones R871-2 included, and two are not responsable", async () => {
    const { offers } = await loadPublishedCatalogue(database.client());
    for (const offer of offers) expect(validateOffer(offer), offer.id).toEqual({ ok: true, offer });
    expect(offers.filter((offer) => !offer.responsable).map((offer) => offer.id)).toEqual(["ardoise-liberte-integrale", "orion-hors-cadre"]);
    expect(new Set(offers.map((offer) => offer.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(offers.some((offer) => offer.network !== null)).toBe(true);
    expect(offers.some((offer) => Object.values(offer.guarantees).some((guarantee) => guarantee.waitingMonths > 0))).toBe(true);
    expect(offers.some((offer) => offer.ceilings.length > 0)).toBe(true);
  });

  it("premiums rise with age and level within realistic ranges", async () => {
    const { offers } = await loadPublishedCatalogue(database.client());
    for (const offer of offers) {
      const curve = [20, 30, 40, 50, 60, 70, 80].map((age) => monthlyAt(offer, age));
      expect(curve, offer.id).toEqual([...curve].sort((a, b) => a - b));
      if (offer.level === 1) expect(monthlyAt(offer, 25), offer.id).toSatisfy((m: number) => m >= 20 && m <= 35);
      if (offer.level >= 4) expect(monthlyAt(offer, 70), offer.id).toSatisfy((m: number) => m >= 120 && m <= 260);
    }
    for (const insurer of DEMO_INSURERS) {
      const own = offers.filter((offer) => offer.insurer.name === insurer.name && offer.responsable).sort((a, b) => a.level - b.level);
      const at40 = own.map((offer) => monthlyAt(offer, 40));
      expect(at40, insurer.name).toEqual([...at40].sort((a, b) => a - b));
    }
  });

  it.each(REFERENCE_PROFILE_IDS)("every demo offer scores without error for the profile « %s »", async (profileId) => {
    const { offers } = await loadPublishedCatalogue(database.client());
    const result = quoteOffers(offers, referenceProfile(profileId), { monteCarlo: { sampleCount: 200 } });
    expect(result.ineligible).toEqual([]);
    expect(result.offers).toHaveLength(offers.length);
  });
});
