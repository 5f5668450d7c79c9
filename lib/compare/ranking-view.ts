import type { SortKey } from "@/lib/engine";
import { findDominated, rankOrder, type Ranked } from "@/lib/engine/ranking";

/**
 * Sorting, filtering, paging and the dominance frontier of a ranking kept in compact
 * form (lib/compare/run-comparison.ts keeps one per profile): plain numbers in typed
 * arrays, indexed like the catalogue's offers, instead of thousands of objects of strings.
 * Pure, so the rules are tested without a server.
 */

/** What does not depend on the profile: one per catalogue revision, shared by its rankings. */
export interface OfferFacts {
  id: string;
  insurer: string;
  formula: string;
  level: number;
  responsable: boolean;
  network: string | null;
  hasWaitingPeriod: boolean;
  illustrative: boolean;
  /** One of the requester's own offers (lib/own-offers), absent for the catalogue's. */
  ownership?: "own" | "current";
}

/** A profile's ranking without the bad year: cents by catalogue index, NaN for an offer not proposed to the profile. */
export interface CompactRanking {
  premiumCents: Float64Array;
  expectedRacCents: Float64Array;
  /** Catalogue indexes of the ranked offers, by sort; filled on first use. */
  orders: Partial<Record<SortKey, Int32Array>>;
}

/**
 * The filters as the server applies them: a budget already read into cents (null: none).
 * A new filter adds a field here and a clause in
 * selectView's `keep`; counts, pages and dominance follow.
 */
export interface AppliedFilters {
  sort: SortKey;
  budgetCents: number | null;
  networkOnly: boolean;
  noWaiting: boolean;
  responsableOnly: boolean;
  ownOnly: boolean;
}

/**
 * At most this many beaten offers are drawn on the premium / expected RAC chart: enough
 * to show where they lie, few enough that the answer stays small on any catalogue.
 */
export const MAX_BEATEN_POINTS = 200;
/** The frontier is drawn whole up to this many offers (a few dozen in practice), evenly sampled past it. */
export const MAX_FRONTIER_POINTS = 300;

/** Half-up to the cent, as the monthly premium is shown: exact in integers. */
export const monthlyCents = (annualCents: number) => Math.floor((2 * annualCents + 12) / 24);

export function createCompactRanking(size: number): CompactRanking {
  return { premiumCents: new Float64Array(size).fill(Number.NaN), expectedRacCents: new Float64Array(size).fill(Number.NaN), orders: {} };
}

/** The ranked offers' catalogue indexes in the engine's order for `sort` (lib/engine/ranking.ts). */
export function rankingOrder(ranking: CompactRanking, facts: readonly OfferFacts[], sort: SortKey): Int32Array {
  const known = ranking.orders[sort];
  if (known) return known;
  const entries: Ranked<number>[] = [];
  ranking.premiumCents.forEach((premium, index) => {
    if (!Number.isNaN(premium)) entries.push({ id: facts[index]!.id, premium, rac: ranking.expectedRacCents[index]!, value: index });
  });
  const order = Int32Array.from(rankOrder(entries, sort), (entry) => entry.value);
  ranking.orders[sort] = order;
  return order;
}

export interface ViewSelection {
  rankedCount: number;
  /** Catalogue indexes of the offers the filters leave, in ranking order. */
  matching: Int32Array;
  /** The page shown: the one asked for, or the last one when it is past it. */
  page: number;
  pageCount: number;
  /** Catalogue indexes of the page's offers, in order; their rank is pageStart + position + 1. */
  pageIndexes: number[];
  pageStart: number;
  /** Dominance within the filtered ranking: dominated index → dominating index. */
  dominatedBy: Map<number, number>;
  /** Catalogue indexes, by increasing premium. */
  frontier: number[];
  frontierOmitted: number;
  beatenSample: number[];
  beatenCount: number;
  cheapestMonthlyCents: number | null;
}

/** `count` indexes of 0…length−1 spread evenly, first and last included: the same every time. */
export function evenSample(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  if (count <= 1) return count === 1 ? [0] : [];
  return Array.from({ length: count }, (_, index) => Math.round((index * (length - 1)) / (count - 1)));
}

/**
 * The view of a ranking: the offers the filters leave in ranking order, the page asked for
 * (or the last one), dominance and the chart's points over the filtered ranking (an offer
 * is "beaten" only by one the person can see with these filters).
 */
export function selectView(
  ranking: CompactRanking,
  facts: readonly OfferFacts[],
  filters: AppliedFilters,
  page: number,
  pageSize: number,
): ViewSelection {
  const order = rankingOrder(ranking, facts, filters.sort);
  const keep = (index: number) => {
    const offer = facts[index]!;
    return (
      (filters.budgetCents === null || monthlyCents(ranking.premiumCents[index]!) <= filters.budgetCents) &&
      (!filters.networkOnly || offer.network !== null) &&
      (!filters.noWaiting || !offer.hasWaitingPeriod) &&
      (!filters.responsableOnly || offer.responsable) &&
      (!filters.ownOnly || offer.ownership !== undefined)
    );
  };
  const matching = order.filter(keep);
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const shownPage = Math.min(Math.max(1, page), pageCount);
  const pageStart = (shownPage - 1) * pageSize;

  const entries: Ranked<number>[] = Array.from(matching, (index) => ({
    id: facts[index]!.id,
    premium: ranking.premiumCents[index]!,
    rac: ranking.expectedRacCents[index]!,
    value: index,
  }));
  const indexOf = new Map(entries.map((entry) => [entry.id, entry.value]));
  const dominatedBy = new Map<number, number>();
  for (const [dominated, by] of findDominated(entries)) dominatedBy.set(indexOf.get(dominated)!, indexOf.get(by)!);
  // By increasing premium, then RAC, then id: the order findDominated sweeps in.
  const byPremium = [...entries].sort((a, b) => a.premium - b.premium || a.rac - b.rac || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const frontierAll = byPremium.filter((entry) => !dominatedBy.has(entry.value)).map((entry) => entry.value);
  const beatenAll = byPremium.filter((entry) => dominatedBy.has(entry.value)).map((entry) => entry.value);
  const frontier = evenSample(frontierAll.length, MAX_FRONTIER_POINTS).map((position) => frontierAll[position]!);
  const beatenSample = evenSample(beatenAll.length, MAX_BEATEN_POINTS).map((position) => beatenAll[position]!);

  let cheapest: number | null = null;
  for (const index of order) {
    const premium = ranking.premiumCents[index]!;
    if (cheapest === null || premium < cheapest) cheapest = premium;
  }
  return {
    rankedCount: order.length,
    matching,
    page: shownPage,
    pageCount,
    pageIndexes: Array.from(matching.subarray(pageStart, pageStart + pageSize)),
    pageStart,
    dominatedBy,
    frontier,
    frontierOmitted: frontierAll.length - frontier.length,
    beatenSample,
    beatenCount: beatenAll.length,
    cheapestMonthlyCents: cheapest === null ? null : monthlyCents(cheapest),
  };
}
