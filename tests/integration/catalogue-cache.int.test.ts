import { beforeAll, describe, expect, it } from "vitest";
import { getOffer, loadPublishedCatalogue, saveOffer, setOfferPublication } from "@/lib/catalogue";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { seed } from "@/seed/seed";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("catalogue_cache");
const demoCount = buildDemoCatalogue().offers.length;

describe("published catalogue cache", () => {
  beforeAll(async () => {
    await seed(database.client());
  });

  it("serves the cached catalogue while the revision stamp is unchanged", async () => {
    const instance = database.client();
    const first = await loadPublishedCatalogue(instance);
    expect(first.offers).toHaveLength(demoCount);
    expect(await loadPublishedCatalogue(instance)).toBe(first);
  });

  it("concurrent loads after a change share one reload", async () => {
    const instance = database.client();
    const before = await loadPublishedCatalogue(instance);
    await query(database.url, `UPDATE "Offer" SET "formula" = "formula" WHERE "id" = 'alize-eco'`);
    const loads = await Promise.all([1, 2, 3].map(() => loadPublishedCatalogue(instance)));
    expect(loads[0]).not.toBe(before);
    expect(loads[1]).toBe(loads[0]);
    expect(loads[2]).toBe(loads[0]);
  });

  it("reloads after a change made by another instance (another client, another pool)", async () => {
    const [instanceA, instanceB] = [database.client(), database.client()];
    const before = await loadPublishedCatalogue(instanceA);
    const target = (await getOffer(instanceB, "cevenole-essentiel"))!;
    await saveOffer(instanceB, { ...target.offer, formula: "Essentiel 2027" }, { expectedVersion: target.version });

    const after = await loadPublishedCatalogue(instanceA);
    expect(after).not.toBe(before);
    expect(after.revision).not.toBe(before.revision);
    expect(after.offers.find((offer) => offer.id === "cevenole-essentiel")!.formula).toBe("Essentiel 2027");

    // Unpublishing elsewhere removes the offer from this instance's next load.
    const saved = (await getOffer(instanceB, "cevenole-essentiel"))!;
    await setOfferPublication(instanceB, saved.offer.id, { status: "DRAFT", expectedVersion: saved.version });
    expect((await loadPublishedCatalogue(instanceA)).offers.map((offer) => offer.id)).not.toContain("cevenole-essentiel");
  });

  it("reloads after a raw SQL edit of a guarantee, which bypasses lib/catalogue", async () => {
    const instance = database.client();
    const before = await loadPublishedCatalogue(instance);
    expect(before.offers.find((offer) => offer.id === "alize-plus")!.guarantees["dental-care"]!.percentBr).toBe(125);
    await query(database.url, `UPDATE "OfferGuarantee" SET "percentBr" = 130 WHERE "offerId" = 'alize-plus' AND "category" = 'dental-care'`);
    const after = await loadPublishedCatalogue(instance);
    expect(after.offers.find((offer) => offer.id === "alize-plus")!.guarantees["dental-care"]!.percentBr).toBe(130);
  });

  it("a rolled-back change leaves the revision and the cache as they were", async () => {
    const instance = database.client();
    const before = await loadPublishedCatalogue(instance);
    await expect(
      instance.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Offer" SET "formula" = 'jamais visible' WHERE "id" = 'alize-plus'`;
        throw new Error("annulé");
      }),
    ).rejects.toThrow("annulé");
    expect(await loadPublishedCatalogue(instance)).toBe(before);
  });

  it("a statement that changes no row leaves the revision and the cache as they were", async () => {
    const instance = database.client();
    const before = await loadPublishedCatalogue(instance);
    const revision = async () => (await query<{ revision: string }>(database.url, `SELECT "revision"::text AS revision FROM "CatalogueRevision"`))[0]!.revision;
    const start = await revision();
    for (const statement of [
      `UPDATE "Insurer" SET "name" = "name" WHERE "id" = 'inconnu'`,
      `DELETE FROM "Offer" WHERE "id" = 'inconnu'`,
      // Through the restamp trigger too: it updates the offers of no row.
      `UPDATE "OfferGuarantee" SET "percentBr" = 100 WHERE "offerId" = 'inconnu'`,
      `DELETE FROM "OfferPremiumBand" WHERE "offerId" = 'inconnu'`,
      `INSERT INTO "OfferCeiling" SELECT * FROM "OfferCeiling" WHERE false`,
    ]) {
      await query(database.url, statement);
    }
    expect(await revision()).toBe(start);
    expect(await loadPublishedCatalogue(instance)).toBe(before);

    // The same statements on a real row move it.
    await query(database.url, `UPDATE "OfferGuarantee" SET "percentBr" = "percentBr" WHERE "offerId" = 'alize-plus' AND "category" = 'dental-care'`);
    expect(Number(await revision())).toBeGreaterThan(Number(start));
  });

  it("checks validity dates against the day: the cache does not outlive a day boundary", async () => {
    const instance = database.client();
    const target = (await getOffer(instance, "alize-plus"))!;
    await setOfferPublication(instance, target.offer.id, { validTo: "2030-06-30", expectedVersion: target.version });
    const lastDay = await loadPublishedCatalogue(instance, { day: "2030-06-30" });
    const nextDay = await loadPublishedCatalogue(instance, { day: "2030-07-01" });
    expect(lastDay.offers.map((offer) => offer.id)).toContain("alize-plus");
    expect(nextDay.offers.map((offer) => offer.id)).not.toContain("alize-plus");
  });

  it("a reload after changes reads only the moved offers and equals a full read", async () => {
    const instance = database.client();
    const before = await loadPublishedCatalogue(instance);
    // One change of each kind the stamps must see, none through lib/catalogue.
    await query(database.url, `UPDATE "OfferPremiumBand" SET "monthly" = "monthly" + 1 WHERE "offerId" = 'alize-eco' AND "position" = 0`);
    await query(database.url, `DELETE FROM "OfferCeiling" WHERE "offerId" = (SELECT "offerId" FROM "OfferCeiling" ORDER BY "offerId" LIMIT 1)`);
    await query(database.url, `UPDATE "Insurer" SET "name" = "name" || ' (renommé)' WHERE "id" = (SELECT "insurerId" FROM "Offer" WHERE "id" = 'alize-plus')`);
    const untouched = await query<{ id: string }>(
      database.url,
      `SELECT o."id" FROM "Offer" o JOIN "Insurer" i ON i."id" = o."insurerId"
        WHERE o."status" = 'PUBLISHED' AND o."id" <> 'alize-eco' AND i."name" NOT LIKE '% (renommé)'
          AND o."id" NOT IN (SELECT "offerId" FROM "OfferCeiling") ORDER BY o."id" DESC LIMIT 1`,
    );

    const incremental = await loadPublishedCatalogue(instance);
    const byId = (catalogue: typeof before, id: string) => catalogue.offers.find((offer) => offer.id === id);
    // Moved offers are read again; the others are the very objects already cached.
    expect(byId(incremental, "alize-eco")).not.toBe(byId(before, "alize-eco"));
    expect(byId(incremental, untouched[0]!.id)).toBe(byId(before, untouched[0]!.id));
    const fresh = await loadPublishedCatalogue(database.client());
    expect(incremental.revision).toBe(fresh.revision);
    expect(incremental.offers).toEqual(fresh.offers);
    expect(incremental.insurers).toEqual(fresh.insurers);
    expect(incremental.offers.find((offer) => offer.id === "alize-plus")!.insurer.name).toMatch(/\(renommé\)$/);
  });
});
