import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalogue, loadPublishedCatalogue, upsertInsurer } from "@/lib/catalogue";
import { monthlyCents } from "@/lib/compare/ranking-view";
import { DEFAULT_VIEW, PAGE_SIZE } from "@/lib/compare/result-filters";
import type * as RunComparison from "@/lib/compare/run-comparison";
import { type OfferQuote, quoteOffers, type SortKey } from "@/lib/engine";
import { ceilingWorkPerOffer } from "@/lib/engine/work-budget";
import { moneyToCents } from "@/lib/schemas/money";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { generateSyntheticCatalogue } from "@/seed/factories/synthetic-catalogue";
import { seed } from "@/seed/seed";
import { catalogueTestDatabase } from "./catalogue-support";

/**
 * The results page's view (lib/compare/run-comparison.ts) against the engine itself: the
 * demo catalogue and 600 synthetic offers, more than the size up to which the ranking
 * computes every bad year at once, so the page's bad years come from their own call.
 */
const database = catalogueTestDatabase("compare_view");
let run: typeof RunComparison;
const FAMILY = profileSchema.parse(REFERENCE_PROFILES.find((entry) => entry.id === "couple-avec-enfants")!.profile);
const SYNTHETIC = 600;

beforeAll(async () => {
  // The app's one client (lib/db.ts) reads DATABASE_URL on first use: point it here first.
  process.env.DATABASE_URL = database.url;
  run = await import("@/lib/compare/run-comparison");
  const prisma = database.client();
  await seed(prisma);
  const catalogue = generateSyntheticCatalogue({ count: SYNTHETIC, seed: 3 });
  for (const name of new Set(catalogue.offers.map((offer) => offer.insurer.name))) {
    await upsertInsurer(prisma, { name, kind: null, registrationNumber: null, illustrative: true });
  }
  expect((await importCatalogue(prisma, catalogue)).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

/** The engine over the whole catalogue, with the bad year of every offer: what the page must match. */
async function engineRanking(sort: SortKey): Promise<OfferQuote[]> {
  const catalogue = await loadPublishedCatalogue(database.client());
  const monteCarlo = { deductionSampleCount: 10_000, ceilingWork: ceilingWorkPerOffer(catalogue.offers.length) };
  return quoteOffers(catalogue.offers, FAMILY, { sort, breakdown: false, monteCarlo }).offers;
}

describe("one page of the ranking, computed on the server", () => {
  it.each(["total", "rac"] as const)("pages sorted by %s follow the engine's ranking, with its figures, bad year and dominance to the cent", async (sort) => {
    const engine = await engineRanking(sort);
    expect(engine.length).toBeGreaterThan(SYNTHETIC);
    for (const page of [1, 2, Math.ceil(engine.length / PAGE_SIZE)]) {
      const view = await run.compareView(FAMILY, { ...DEFAULT_VIEW, sort, page });
      expect(view.rankedCount).toBe(engine.length);
      expect(view.matchingCount).toBe(engine.length);
      const expected = engine.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      expect(view.offers.map((offer) => offer.offerId)).toEqual(expected.map((quote) => quote.offerId));
      view.offers.forEach((offer, position) => {
        const quote = expected[position]!;
        expect(offer.rank).toBe(quote.rank);
        expect([offer.annualPremium, offer.expectedRac, offer.totalCost, offer.badYearRac, offer.dominatedBy]).toEqual([
          quote.annualPremium,
          quote.expectedRac,
          quote.totalCost,
          quote.badYearRac,
          quote.dominatedBy,
        ]);
        expect(offer.scenario).toEqual({ price: quote.scenario.price, secu: quote.scenario.secu, mutuelle: quote.scenario.mutuelle, rac: quote.scenario.rac });
        // Every figure shown reconciles to the cent.
        expect(moneyToCents(offer.scenario.price)).toBe(moneyToCents(offer.scenario.secu) + moneyToCents(offer.scenario.mutuelle) + moneyToCents(offer.scenario.rac));
        expect(moneyToCents(offer.totalCost)).toBe(moneyToCents(offer.annualPremium) + moneyToCents(offer.expectedRac));
        expect(moneyToCents(offer.monthlyPremium)).toBe(monthlyCents(moneyToCents(offer.annualPremium)));
      });
    }
  });

  it("filters over the whole ranking: counts, budget on the monthly premium, and the cheapest offer to explain an empty list", async () => {
    const engine = await engineRanking("total");
    const view = await run.compareView(FAMILY, { ...DEFAULT_VIEW, budget: "150", responsableOnly: true });
    const kept = engine.filter((quote) => quote.responsable && monthlyCents(moneyToCents(quote.annualPremium)) <= 15_000);
    expect(view.matchingCount).toBe(kept.length);
    expect(view.offers.map((offer) => offer.offerId)).toEqual(kept.slice(0, PAGE_SIZE).map((quote) => quote.offerId));
    expect(view.offers.map((offer) => offer.rank)).toEqual(kept.slice(0, PAGE_SIZE).map((_, position) => position + 1));

    const empty = await run.compareView(FAMILY, { ...DEFAULT_VIEW, budget: "1" });
    expect(empty.matchingCount).toBe(0);
    expect(empty.offers).toEqual([]);
    const cheapest = Math.min(...engine.map((quote) => moneyToCents(quote.annualPremium)));
    expect(moneyToCents(empty.cheapestMonthly!)).toBe(monthlyCents(cheapest));
  });

  it("the whole ranking a saved profile keeps is the engine's, without bad years", async () => {
    const engine = await engineRanking("rac");
    const whole = await run.runComparison(FAMILY, "rac");
    expect(whole.offers.map((offer) => [offer.offerId, offer.rank, offer.expectedRac, offer.totalCost, offer.dominatedBy])).toEqual(
      engine.map((quote) => [quote.offerId, quote.rank, quote.expectedRac, quote.totalCost, quote.dominatedBy]),
    );
  });

  it("the answer stays small: a page, the frontier and at most 200 beaten offers", async () => {
    const view = await run.compareView(FAMILY, DEFAULT_VIEW);
    expect(view.offers).toHaveLength(PAGE_SIZE);
    expect(view.chart.beatenSample.length).toBeLessThanOrEqual(200);
    expect(view.chart.frontier.length + view.chart.frontierOmitted + view.chart.beatenCount).toBe(view.rankedCount);
    expect(JSON.stringify(view).length).toBeLessThan(150 * 1024);
  });
});
