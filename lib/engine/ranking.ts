import type { SortKey } from "./types";

export interface Ranked<T> {
  id: string;
  /** Cents. */
  premium: number;
  /** Expected RAC in cents (the scenario RAC in scenario mode). */
  rac: number;
  value: T;
}

/** Code-unit order of offer ids, independent of the locale. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);

/**
 * Ranking by expected RAC or by total yearly cost; ties on the key are broken by the
 * other figure, then by offer id, so the order never depends on the catalogue's order.
 */
export function rankOrder<T>(entries: readonly Ranked<T>[], sort: SortKey): Ranked<T>[] {
  const total = (e: Ranked<T>) => e.premium + e.rac;
  return [...entries].sort((a, b) =>
    sort === "rac"
      ? a.rac - b.rac || total(a) - total(b) || byId(a, b)
      : total(a) - total(b) || a.rac - b.rac || byId(a, b),
  );
}

/**
 * Offers dominated by another one: premium ≤ and expected RAC ≤ with one of the two
 * strictly lower. Maps each dominated offer's id to the dominating offer with the lowest
 * RAC among the cheapest (a sweep by premium, O(n log n)).
 */
export function findDominated<T>(entries: readonly Ranked<T>[]): Map<string, string> {
  const sorted = [...entries].sort((a, b) => a.premium - b.premium || a.rac - b.rac || byId(a, b));
  const dominated = new Map<string, string>();
  let bestBefore: Ranked<T> | null = null;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j]!.premium === sorted[i]!.premium) j += 1;
    // Within a group of equal premiums the first has the lowest RAC.
    const groupBest = sorted[i]!;
    for (let k = i; k < j; k += 1) {
      const entry = sorted[k]!;
      if (bestBefore !== null && bestBefore.rac <= entry.rac) dominated.set(entry.id, bestBefore.id);
      else if (groupBest.rac < entry.rac) dominated.set(entry.id, groupBest.id);
    }
    if (bestBefore === null || groupBest.rac < bestBefore.rac) bestBefore = groupBest;
    i = j;
  }
  return dominated;
}

/**
 * rankOrder and findDominated on figures in typed arrays (quoteOffers' figures output):
 * the same order and the same dominating offers, with no object per offer. `ids`,
 * `premium` and `rac` are by offer; returns offers' numbers by rank, and for each rank the
 * number of the offer dominating it, or −1.
 */
export function rankFigures(ids: readonly string[], premium: Float64Array, rac: Float64Array, sort: SortKey): { order: Int32Array; dominatedBy: Int32Array; byPremium: Int32Array } {
  const count = ids.length;
  const byId = (a: number, b: number) => compareIds(ids[a]!, ids[b]!);
  const total = new Float64Array(count);
  for (let i = 0; i < count; i += 1) total[i] = premium[i]! + rac[i]!;
  const order =
    sort === "rac"
      ? sortedBy(rac, (a, b) => total[a]! - total[b]! || byId(a, b))
      : sortedBy(total, (a, b) => rac[a]! - rac[b]! || byId(a, b));
  const byPremium = sortedBy(premium, (a, b) => rac[a]! - rac[b]! || byId(a, b));
  const dominating = new Int32Array(count).fill(-1);
  sweepDominance(byPremium, premium, rac, dominating);
  const dominatedBy = new Int32Array(count);
  for (let rank = 0; rank < count; rank += 1) dominatedBy[rank] = dominating[order[rank]!]!;
  return { order, dominatedBy, byPremium };
}

const WHOLE_CENTS_LIMIT = 2 ** 31;
/** Radix digits of 11 bits: whole cents under 2³¹ in at most three counting passes. */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/**
 * Offers' numbers by increasing `key`, ties broken by `tie`. Whole cents under 2³¹ are
 * sorted by a stable radix sort (a counting pass per digit of the largest key, three at
 * most; a comparator called for each of the ~n log n comparisons costs many times more),
 * which leaves equal keys in increasing number as a comparison sort from that order would;
 * only runs of equal keys are then sorted by `tie`. Other figures take the comparator all
 * the way.
 */
function sortedBy(key: Float64Array, tie: (a: number, b: number) => number): Int32Array {
  const count = key.length;
  let order = new Int32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  let wholeCents = true;
  let largest = 0;
  for (let i = 0; i < count && wholeCents; i += 1) {
    wholeCents = Number.isInteger(key[i]!) && key[i]! >= 0 && key[i]! < WHOLE_CENTS_LIMIT;
    if (key[i]! > largest) largest = key[i]!;
  }
  if (!wholeCents) return order.sort((a, b) => key[a]! - key[b]! || tie(a, b));
  let spare = new Int32Array(count);
  const starts = new Int32Array(DIGIT_MASK + 1);
  // A pass on a digit that is 0 for every key leaves a stable order as it is: yearly
  // figures under 2²² cents (41 943 €) need two passes, not three.
  for (let shift = 0; shift < 31 && (shift === 0 || largest >>> shift > 0); shift += DIGIT_BITS) {
    starts.fill(0);
    for (let i = 0; i < count; i += 1) starts[(key[order[i]!]! >>> shift) & DIGIT_MASK]! += 1;
    let start = 0;
    for (let digit = 0; digit <= DIGIT_MASK; digit += 1) {
      const size = starts[digit]!;
      starts[digit] = start;
      start += size;
    }
    for (let i = 0; i < count; i += 1) {
      const entry = order[i]!;
      spare[starts[(key[entry]! >>> shift) & DIGIT_MASK]!++] = entry;
    }
    [order, spare] = [spare, order];
  }
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && key[order[end]!] === key[order[start]!]) end += 1;
    if (end - start > 1) order.subarray(start, end).sort(tie);
    start = end;
  }
  return order;
}

/**
 * findDominated's sweep on numbers: `byPremium` lists offers (their numbers) by increasing
 * premium, then RAC, then id; `premium` and `rac` are by offer number. Writes in
 * `dominating[offer]` the number of the offer dominating it, and leaves the others as they
 * are. A sublist of a sorted list is sorted: a filtered ranking sweeps its offers without
 * sorting again.
 */
export function sweepDominance(byPremium: ArrayLike<number>, premium: ArrayLike<number>, rac: ArrayLike<number>, dominating: Int32Array): void {
  let bestBefore = -1;
  let i = 0;
  while (i < byPremium.length) {
    let j = i;
    while (j < byPremium.length && premium[byPremium[j]!] === premium[byPremium[i]!]) j += 1;
    // Within a group of equal premiums the first has the lowest RAC.
    const groupBest = byPremium[i]!;
    for (let k = i; k < j; k += 1) {
      const entry = byPremium[k]!;
      if (bestBefore >= 0 && rac[bestBefore]! <= rac[entry]!) dominating[entry] = bestBefore;
      else if (rac[groupBest]! < rac[entry]!) dominating[entry] = groupBest;
    }
    if (bestBefore < 0 || rac[groupBest]! < rac[bestBefore]!) bestBefore = groupBest;
    i = j;
  }
}
