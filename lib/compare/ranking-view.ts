import type { SortKey } from "@/lib/engine";
import { compareIds, sweepDominance } from "@/lib/engine/ranking";

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
  /** Catalogue indexes of the ranked offers by increasing premium, then RAC, then id (where dominance is swept); filled on first use. */
  byPremium?: Int32Array;
  /**
   * Dominance over every ranked offer, by catalogue index (the dominating offer's index, or
   * −1), as the engine swept it: what a view without filters shows, not swept again.
   */
  dominatedBy?: Int32Array;
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

/** The ranked offers' catalogue indexes. */
function rankedIndexes(ranking: CompactRanking): Int32Array {
  const known = ranking.orders.total ?? ranking.orders.rac ?? ranking.byPremium;
  if (known) return known.slice();
  const indexes: number[] = [];
  ranking.premiumCents.forEach((premium, index) => {
    if (!Number.isNaN(premium)) indexes.push(index);
  });
  return Int32Array.from(indexes);
}

/** The engine's order for `sort` (lib/engine/ranking.ts's rankOrder: the key, then the other figure, then the offer id). */
function rankComparator(ranking: CompactRanking, facts: readonly OfferFacts[], sort: SortKey): (a: number, b: number) => number {
  const { premiumCents: premium, expectedRacCents: rac } = ranking;
  return (a, b) => {
    const totalA = premium[a]! + rac[a]!;
    const totalB = premium[b]! + rac[b]!;
    const byId = () => compareIds(facts[a]!.id, facts[b]!.id);
    return sort === "rac" ? rac[a]! - rac[b]! || totalA - totalB || byId() : totalA - totalB || rac[a]! - rac[b]! || byId();
  };
}

/** Increasing premium, then RAC, then id: the order dominance is swept in. */
function premiumComparator(ranking: CompactRanking, facts: readonly OfferFacts[]): (a: number, b: number) => number {
  const { premiumCents: premium, expectedRacCents: rac } = ranking;
  return (a, b) => premium[a]! - premium[b]! || rac[a]! - rac[b]! || compareIds(facts[a]!.id, facts[b]!.id);
}

/**
 * The ranked offers' catalogue indexes in the engine's order for `sort` (lib/engine/ranking.ts's
 * rankOrder: the key, then the other figure, then the offer id), sorted as numbers: no
 * object per offer.
 */
export function rankingOrder(ranking: CompactRanking, facts: readonly OfferFacts[], sort: SortKey): Int32Array {
  const known = ranking.orders[sort];
  if (known) return known;
  const order = rankedIndexes(ranking).sort(rankComparator(ranking, facts, sort));
  ranking.orders[sort] = order;
  return order;
}

/** The ranked offers by increasing premium, then RAC, then id: the order dominance is swept in. */
export function premiumOrder(ranking: CompactRanking, facts: readonly OfferFacts[]): Int32Array {
  if (ranking.byPremium) return ranking.byPremium;
  const order = rankedIndexes(ranking).sort(premiumComparator(ranking, facts));
  ranking.byPremium = order;
  return order;
}

/** `sorted` and `added` (in any order) as one list in `before`'s order. */
function mergedOrder(sorted: Int32Array, added: readonly number[], before: (a: number, b: number) => number): Int32Array {
  const extra = [...added].sort(before);
  const merged = new Int32Array(sorted.length + extra.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k += 1) {
    if (j >= extra.length || (i < sorted.length && before(sorted[i]!, extra[j]!) < 0)) merged[k] = sorted[i++]!;
    else merged[k] = extra[j++]!;
  }
  return merged;
}

/** An offer added to a ranking: its index in `facts` (past the ranked catalogue's) and its figures, NaN when it is not proposed to the profile. */
export interface AddedOffer {
  index: number;
  premiumCents: number;
  racCents: number;
}

/**
 * A ranking with a few offers added past the catalogue's indexes (a person's own): the
 * catalogue's orders merged with theirs, in the same orders, without sorting the
 * catalogue again; dominance swept anew, since an added offer may beat catalogue offers.
 * `facts` lists the catalogue's offers, then the added ones.
 */
export function withAddedOffers(base: CompactRanking, facts: readonly OfferFacts[], added: readonly AddedOffer[]): CompactRanking {
  const ranking = createCompactRanking(facts.length);
  ranking.premiumCents.set(base.premiumCents);
  ranking.expectedRacCents.set(base.expectedRacCents);
  for (const offer of added) {
    ranking.premiumCents[offer.index] = offer.premiumCents;
    ranking.expectedRacCents[offer.index] = offer.racCents;
  }
  const ranked = added.filter((offer) => !Number.isNaN(offer.premiumCents)).map((offer) => offer.index);
  for (const sort of ["total", "rac"] as const) {
    const order = base.orders[sort];
    if (order) ranking.orders[sort] = mergedOrder(order, ranked, rankComparator(ranking, facts, sort));
  }
  ranking.byPremium = mergedOrder(premiumOrder(base, facts), ranked, premiumComparator(ranking, facts));
  const dominatedBy = new Int32Array(facts.length).fill(-1);
  sweepDominance(ranking.byPremium, ranking.premiumCents, ranking.expectedRacCents, dominatedBy);
  ranking.dominatedBy = dominatedBy;
  return ranking;
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
  /** Dominance within the filtered ranking, by catalogue index: the dominating offer's index, or −1. */
  dominatedBy: Int32Array;
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
 * The indexes of `indexes` that pass `test`, in order. A typed array's own filter gathers
 * them in a plain array first: on every view of a 10 000-offer ranking that was ~0.5 MB of
 * garbage for the request thread's collector.
 */
function indexesWhere(indexes: Int32Array, test: (index: number) => boolean): Int32Array {
  const kept = new Int32Array(indexes.length);
  let count = 0;
  for (const index of indexes) if (test(index)) kept[count++] = index;
  return kept.subarray(0, count);
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
  const filtered = filters.budgetCents !== null || filters.networkOnly || filters.noWaiting || filters.responsableOnly || filters.ownOnly;
  const matching = filtered ? indexesWhere(order, keep) : order;
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const shownPage = Math.min(Math.max(1, page), pageCount);
  const pageStart = (shownPage - 1) * pageSize;

  // Dominance among the offers kept, swept by increasing premium as lib/engine/ranking.ts
  // does (filtering a sorted list keeps it sorted): no sort per view.
  const byPremium = premiumOrder(ranking, facts);
  let kept = byPremium;
  if (filtered) {
    const isKept = new Uint8Array(facts.length);
    for (const index of matching) isKept[index] = 1;
    kept = indexesWhere(byPremium, (index) => isKept[index] === 1);
  }
  const { premiumCents: premium, expectedRacCents: rac } = ranking;
  let dominatedBy = filtered ? undefined : ranking.dominatedBy;
  if (!dominatedBy) {
    dominatedBy = new Int32Array(facts.length).fill(-1);
    sweepDominance(kept, premium, rac, dominatedBy);
  }
  const frontierAll = indexesWhere(kept, (index) => dominatedBy[index] === -1);
  const beatenAll = indexesWhere(kept, (index) => dominatedBy[index] !== -1);
  const frontier = evenSample(frontierAll.length, MAX_FRONTIER_POINTS).map((position) => frontierAll[position]!);
  const beatenSample = evenSample(beatenAll.length, MAX_BEATEN_POINTS).map((position) => beatenAll[position]!);
  const cheapest = byPremium.length > 0 ? premium[byPremium[0]!]! : null;
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
