import { describe, expect, it } from "vitest";
import {
  type AppliedFilters,
  type CompactRanking,
  createCompactRanking,
  evenSample,
  MAX_BEATEN_POINTS,
  monthlyCents,
  type OfferFacts,
  premiumOrder,
  rankingOrder,
  selectView,
  withAddedOffers,
} from "@/lib/compare/ranking-view";
import { findDominated, rankFigures, rankOrder } from "@/lib/engine/ranking";

const NO_FILTER: AppliedFilters = { sort: "total", budgetCents: null, networkOnly: false, noWaiting: false, responsableOnly: false, ownOnly: false };

interface TestOffer {
  id: string;
  premium: number;
  rac: number;
  responsable?: boolean;
  network?: boolean;
  waiting?: boolean;
  /** Not proposed to the profile (no premium band for it). */
  ineligible?: boolean;
}

function rankingOf(offers: readonly TestOffer[]): { ranking: CompactRanking; facts: OfferFacts[] } {
  const ranking = createCompactRanking(offers.length);
  const facts = offers.map((offer, index): OfferFacts => {
    if (!offer.ineligible) {
      ranking.premiumCents[index] = offer.premium;
      ranking.expectedRacCents[index] = offer.rac;
    }
    return {
      id: offer.id,
      insurer: `Assureur ${offer.id}`,
      formula: "Essentiel",
      level: 2,
      responsable: offer.responsable ?? true,
      network: offer.network ? "Santéclair" : null,
      hasWaitingPeriod: offer.waiting ?? false,
      illustrative: false,
    };
  });
  return { ranking, facts };
}

/** A seeded catalogue of `count` offers with premiums and RACs that trade against each other. */
function catalogue(count: number, seed = 7): TestOffer[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, (_, index) => {
    const premium = 30_000 + Math.floor(next() * 300_000);
    return {
      id: `offre-${String(index).padStart(5, "0")}`,
      premium,
      rac: Math.max(0, 200_000 - Math.floor(premium * (0.3 + next() * 0.4))),
      responsable: next() > 0.1,
      network: next() > 0.5,
      waiting: next() > 0.7,
      ineligible: next() > 0.97,
    };
  });
}

const ids = (facts: readonly OfferFacts[], indexes: Iterable<number>) => Array.from(indexes, (index) => facts[index]!.id);
/** The view's dominated offers (catalogue indexes) and the offer dominating each. */
const dominance = (view: { dominatedBy: Int32Array }) => new Map(Array.from(view.dominatedBy.entries()).filter(([, by]) => by >= 0));

describe("a ranking sorted, filtered and paged on the server", () => {
  const offers = catalogue(2_000);
  const { ranking, facts } = rankingOf(offers);
  const eligible = offers.filter((offer) => !offer.ineligible);

  it.each(["total", "rac"] as const)("sorts by %s exactly as the engine ranks (lib/engine/ranking.ts), without the offers not proposed", (sort) => {
    const expected = rankOrder(
      eligible.map((offer) => ({ id: offer.id, premium: offer.premium, rac: offer.rac, value: offer })),
      sort,
    ).map((entry) => entry.id);
    expect(ids(facts, rankingOrder(ranking, facts, sort))).toEqual(expected);
    const view = selectView(ranking, facts, { ...NO_FILTER, sort }, 1, 20);
    expect(view.rankedCount).toBe(eligible.length);
    expect(ids(facts, view.pageIndexes)).toEqual(expected.slice(0, 20));
  });

  it("pages follow each other without gap or overlap; a page past the last shows the last", () => {
    const all = ids(facts, selectView(ranking, facts, NO_FILTER, 1, 5_000).pageIndexes);
    const pageSize = 20;
    const pageCount = Math.ceil(eligible.length / pageSize);
    const third = selectView(ranking, facts, NO_FILTER, 3, pageSize);
    expect(third.pageCount).toBe(pageCount);
    expect(third.pageStart).toBe(40);
    expect(ids(facts, third.pageIndexes)).toEqual(all.slice(40, 60));
    const beyond = selectView(ranking, facts, NO_FILTER, pageCount + 50, pageSize);
    expect(beyond.page).toBe(pageCount);
    expect(ids(facts, beyond.pageIndexes)).toEqual(all.slice((pageCount - 1) * pageSize));
  });

  it("each filter keeps exactly the offers it names, in ranking order, and the count of the rest is what they hide", () => {
    const filters: AppliedFilters = { sort: "rac", budgetCents: 15_000, networkOnly: true, noWaiting: true, responsableOnly: true, ownOnly: false };
    const view = selectView(ranking, facts, filters, 1, 20);
    const expected = ids(facts, rankingOrder(ranking, facts, "rac")).filter((id) => {
      const offer = offers.find((candidate) => candidate.id === id)!;
      return monthlyCents(offer.premium) <= 15_000 && offer.network && !offer.waiting && offer.responsable;
    });
    expect(expected.length).toBeGreaterThan(20);
    expect(ids(facts, view.matching)).toEqual(expected);
    expect(view.rankedCount - view.matching.length).toBe(eligible.length - expected.length);
  });

  it("the budget compares the monthly premium as shown, rounded half-up to the cent", () => {
    // 960,06 € a year is 80,005 € a month, shown 80,01 €: a budget of 80 € leaves it out, 80,01 € keeps it.
    const { ranking: one, facts: oneFacts } = rankingOf([{ id: "a", premium: 96_006, rac: 0 }]);
    expect(monthlyCents(96_006)).toBe(8001);
    expect(selectView(one, oneFacts, { ...NO_FILTER, budgetCents: 8000 }, 1, 20).matching.length).toBe(0);
    expect(selectView(one, oneFacts, { ...NO_FILTER, budgetCents: 8001 }, 1, 20).matching.length).toBe(1);
  });

  it("the cheapest monthly premium is the whole ranking's, to explain an empty filtered list", () => {
    const view = selectView(ranking, facts, { ...NO_FILTER, budgetCents: 1 }, 1, 20);
    expect(view.matching.length).toBe(0);
    expect(view.pageIndexes).toEqual([]);
    expect(view.pageCount).toBe(1);
    expect(view.cheapestMonthlyCents).toBe(monthlyCents(Math.min(...eligible.map((offer) => offer.premium))));
  });
});

describe("dominance and the chart's points over the filtered ranking", () => {
  it("an offer beaten only by one the filters hide is on the frontier of what is shown", () => {
    const { ranking, facts } = rankingOf([
      { id: "cheap-good-not-responsable", premium: 40_000, rac: 10_000, responsable: false },
      { id: "dear-bad", premium: 60_000, rac: 20_000 },
      { id: "cheaper-worse", premium: 30_000, rac: 50_000 },
    ]);
    const all = selectView(ranking, facts, NO_FILTER, 1, 20);
    expect(ids(facts, dominance(all).keys())).toEqual(["dear-bad"]);
    expect(ids(facts, all.frontier)).toEqual(["cheaper-worse", "cheap-good-not-responsable"]);
    const responsable = selectView(ranking, facts, { ...NO_FILTER, responsableOnly: true }, 1, 20);
    expect(dominance(responsable).size).toBe(0);
    expect(ids(facts, responsable.frontier)).toEqual(["cheaper-worse", "dear-bad"]);
  });

  it("on 10 000 offers: the whole frontier, a bounded and repeatable sample of the beaten ones, the dominance the engine finds", () => {
    const offers = catalogue(10_000, 11);
    const { ranking, facts } = rankingOf(offers);
    const view = selectView(ranking, facts, NO_FILTER, 1, 20);
    const eligible = offers.filter((offer) => !offer.ineligible);
    const engine = findDominated(eligible.map((offer) => ({ id: offer.id, premium: offer.premium, rac: offer.rac, value: offer })));
    expect(new Map(Array.from(dominance(view), ([dominated, by]) => [facts[dominated]!.id, facts[by]!.id]))).toEqual(engine);

    expect(view.frontierOmitted).toBe(0);
    expect(view.frontier.length).toBe(eligible.length - engine.size);
    // By increasing premium, the frontier's RAC never rises (equal offers are both on it).
    const frontier = view.frontier.map((index) => ({ premium: ranking.premiumCents[index]!, rac: ranking.expectedRacCents[index]! }));
    frontier.slice(1).forEach((point, position) => {
      expect(point.premium).toBeGreaterThanOrEqual(frontier[position]!.premium);
      expect(point.rac).toBeLessThanOrEqual(frontier[position]!.rac);
    });

    expect(view.beatenCount).toBe(engine.size);
    expect(view.beatenSample.length).toBe(MAX_BEATEN_POINTS);
    expect(view.beatenSample.every((index) => dominance(view).has(index))).toBe(true);
    const premiums = view.beatenSample.map((index) => ranking.premiumCents[index]!);
    expect(premiums).toEqual([...premiums].sort((a, b) => a - b));
    const beatenPremiums = Array.from(dominance(view).keys(), (index) => ranking.premiumCents[index]!);
    expect(premiums[0]).toBe(Math.min(...beatenPremiums));
    expect(premiums.at(-1)).toBe(Math.max(...beatenPremiums));
    expect(selectView(ranking, facts, NO_FILTER, 7, 20).beatenSample).toEqual(view.beatenSample);
  });

  it("the premium order the engine hands over (rankFigures) is the one the view would sort, ties on premium included", () => {
    const offers = catalogue(3_000, 5).map((offer, index) => (index % 7 === 0 ? { ...offer, premium: 90_000 } : offer));
    const { ranking, facts } = rankingOf(offers);
    const ranked = Array.from(ranking.premiumCents.keys()).filter((index) => !Number.isNaN(ranking.premiumCents[index]!));
    const engine = rankFigures(
      ranked.map((index) => facts[index]!.id),
      Float64Array.from(ranked, (index) => ranking.premiumCents[index]!),
      Float64Array.from(ranked, (index) => ranking.expectedRacCents[index]!),
      "total",
    );
    expect(Array.from(premiumOrder(ranking, facts))).toEqual(Array.from(engine.byPremium, (position) => ranked[position]!));
    const handedOver = rankingOf(offers).ranking;
    handedOver.byPremium = Int32Array.from(engine.byPremium, (position) => ranked[position]!);
    // The engine's dominance by rank, as run-comparison.ts keeps it by catalogue index.
    handedOver.dominatedBy = new Int32Array(facts.length).fill(-1);
    engine.order.forEach((position, rank) => {
      const dominating = engine.dominatedBy[rank]!;
      handedOver.dominatedBy![ranked[position]!] = dominating < 0 ? -1 : ranked[dominating]!;
    });
    for (const filters of [NO_FILTER, { ...NO_FILTER, networkOnly: true }, { ...NO_FILTER, sort: "rac" as const }]) {
      expect(selectView(handedOver, facts, filters, 2, 20)).toEqual(selectView(ranking, facts, filters, 2, 20));
    }
  });

  it("a person's own offers merged into a catalogue's ranking give the ranking of all of them, sorted and swept from scratch", () => {
    const published = catalogue(2_000, 11);
    const cheapestTotal = Math.min(...published.filter((offer) => !offer.ineligible).map((offer) => offer.premium + offer.rac));
    const own: TestOffer[] = [
      // Beats many catalogue offers: their dominance changes.
      { id: "own-a", premium: 40_000, rac: 0 },
      // Ties a catalogue offer's premium and RAC: the id breaks the tie, both ways.
      { id: "offre-00000a", premium: published[0]!.premium, rac: published[0]!.rac },
      { id: "own-b", premium: 250_000, rac: 150_000 },
      { id: "own-c", premium: 60_000, rac: 0, ineligible: true },
      // First by total cost.
      { id: "own-d", premium: 1, rac: Math.min(cheapestTotal, 40_000) - 2 },
    ];
    const base = rankingOf(published);
    // The catalogue's ranking as the engine hands it over (orders by total and by premium), and one whose RAC order was also asked.
    rankingOrder(base.ranking, base.facts, "total");
    premiumOrder(base.ranking, base.facts);
    const withRacOrder = rankingOf(published);
    rankingOrder(withRacOrder.ranking, withRacOrder.facts, "rac");
    const everything = rankingOf([...published, ...own]);
    const added = own.map((offer, k) => ({ index: published.length + k, premiumCents: offer.ineligible ? Number.NaN : offer.premium, racCents: offer.ineligible ? Number.NaN : offer.rac }));
    for (const start of [base, withRacOrder]) {
      const merged = withAddedOffers(start.ranking, everything.facts, added);
      for (const sort of ["total", "rac"] as const) expect(Array.from(rankingOrder(merged, everything.facts, sort))).toEqual(Array.from(rankingOrder(rankingOf([...published, ...own]).ranking, everything.facts, sort)));
      expect(Array.from(merged.byPremium!)).toEqual(Array.from(premiumOrder(rankingOf([...published, ...own]).ranking, everything.facts)));
      for (const filters of [NO_FILTER, { ...NO_FILTER, sort: "rac" as const }, { ...NO_FILTER, networkOnly: true }]) {
        expect(selectView(merged, everything.facts, filters, 1, 20)).toEqual(selectView(everything.ranking, everything.facts, filters, 1, 20));
      }
    }
    const merged = withAddedOffers(base.ranking, everything.facts, added);
    expect(everything.facts[rankingOrder(merged, everything.facts, "total")[0]!]!.id).toBe("own-d");
    // own-a dominates catalogue offers it did not before.
    const beatenByOwn = Array.from(merged.dominatedBy!).filter((by) => by === published.length).length;
    expect(beatenByOwn).toBeGreaterThan(10);
    expect(Number.isNaN(merged.premiumCents[published.length + 3]!)).toBe(true);
  });

  it.each([
    [5, 10, [0, 1, 2, 3, 4]],
    [11, 3, [0, 5, 10]],
    [10, 4, [0, 3, 6, 9]],
    [7, 1, [0]],
    [7, 0, []],
  ])("evenSample(%i, %i) spreads its picks from first to last", (length, count, expected) => {
    expect(evenSample(length, count)).toEqual(expected);
  });
});
