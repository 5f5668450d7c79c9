import { boundByLattice, settleCheaply, type CeilingLine } from "./ceiling-mean";
import { actDay, actSegments, segmentIndex, type CompiledLine, type CompiledProfile } from "./compile-profile";
import { poissonPmf, SeededStream, selectKth } from "./distribution";
import type { OfferTerms } from "./scenario";

/**
 * Expected and bad-year reste à charge when each line's yearly count is Poisson around
 * its entered mean (lines independent).
 *
 * Expected: the RAC of a year is
 *   Σ lines rest(N) − Σ ceilings min(Σ its lines' capped(N), ceiling) + deductions
 * where rest(N) is what N acts of a line leave before any ceiling payment and capped(N)
 * what they claim from the ceiling. The first sum is linear in the laws of the N, and a
 * ceiling pays min(total claims, ceiling) whatever the order of the acts, so its mean is
 * computed from the Poisson pmfs (convolving the lines that share a ceiling: exactly,
 * or within a stated error when the exact convolution would not fit its work budget,
 * see ceiling-mean.ts).
 * Only the participation forfaitaire and franchises (identical for every offer) are
 * averaged by Monte-Carlo: their 50 € yearly caps couple a person's lines.
 *
 * Bad year: the 90th percentile of the yearly RAC over a fixed-seed sample of count
 * vectors. The sample does not depend on the offer (common random numbers), so every
 * offer is judged on the same years and rankings are stable.
 */
export interface StochasticProfile {
  pmf: Float64Array[];
  /** samples[line][s]: count of the line in sampled year s. */
  samples: Int32Array[];
  sampleCount: number;
  sampleDeductions: Float64Array;
  expectedDeductions: number;
  /** expectedDeductions per line: each year's capped total shared among the lines in proportion to what they deduct. */
  expectedDeductionsByLine: Float64Array;
  /** Σ n·P(N = n) over the truncated pmf: the mean count the tables actually see. */
  truncatedMean: Float64Array;
  /** StochasticOptions.ceilingWork: per offer. */
  ceilingWork: number;
}

export interface StochasticOptions {
  /** Sampled years for the bad-year percentile. */
  sampleCount: number;
  /** Sampled years for the (offer-independent) mean of the deductions. */
  deductionSampleCount: number;
  seed: number;
  /**
   * Work units (see ceiling-mean.ts) one offer may spend on the means of its ceilings
   * shared by several lines; quoteOffers divides its budget among the offers.
   */
  ceilingWork: number;
  /**
   * Entries of the day and segment tables kept per count (5 bytes each): 4 M is 20 MB, far
   * above the ~50 000 of the reference profiles, far below the 75 M (a gigabyte with the
   * arrays' overhead) of 600 lines of 366 acts a year. Beyond, the days of a line's acts
   * are computed again when a count is first drawn.
   */
  dayTableLimit: number;
}

/**
 * 1 000 sampled years keep 10 000 offers under a second on two cores (npm run bench);
 * the percentile moves by a few percent between seeds, and not at all between offers'
 * relative positions, the years being shared. Callers wanting more pass sampleCount.
 */
export const DEFAULT_STOCHASTIC_OPTIONS: StochasticOptions = {
  sampleCount: 1000,
  deductionSampleCount: 50_000,
  seed: 20260101,
  ceilingWork: 4_000_000,
  dayTableLimit: 4_000_000,
};

/** Entries of the day tables a profile would need: Σ over lines of 1 + 2 + … + nmax. */
export function dayTableEntries(pmf: readonly Float64Array[]): number {
  return pmf.reduce((sum, p) => sum + (p.length * (p.length - 1)) / 2, 0);
}

export function prepareStochastic(profile: CompiledProfile, options: StochasticOptions): StochasticProfile {
  const random = new SeededStream(options.seed);
  const totalSamples = Math.max(options.sampleCount, options.deductionSampleCount);
  const periodDays = profile.periodEnd - profile.periodStart;
  const pmf = profile.lines.map((line) => poissonPmf(line.mean));
  const samples = profile.lines.map((_, l) => random.drawMany(pmf[l]!, totalSamples));
  // days[line]: the days of the n acts of a year with n acts from offset n(n − 1) / 2, for
  // n = 0…nmax, and segments[line] their segments, for what each count of a line deducts
  // (one array per line: an array per count would be thousands of allocations a profile);
  // past dayTableLimit entries (they grow with the square of the counts) they are
  // computed when a count is first drawn.
  const tabulated = dayTableEntries(pmf) <= options.dayTableLimit;
  const days: Int32Array[] = [];
  const segments: Uint8Array[] = [];
  if (tabulated) profile.lines.forEach((line, l) => {
    const size = pmf[l]!.length;
    const lineDays = new Int32Array((size * (size - 1)) / 2);
    const lineSegments = new Uint8Array(lineDays.length);
    for (let n = 1; n < size; n += 1) {
      const base = (n * (n - 1)) / 2;
      const d = lineDays.subarray(base, base + n);
      for (let i = 0; i < n; i += 1) d[i] = actDay(profile.periodStart, periodDays, i, n);
      lineSegments.set(actSegments(profile, line, d), base);
    }
    days.push(lineDays);
    segments.push(lineSegments);
  });

  const byLine = new Float64Array(profile.lines.length);
  const attribution = { count: options.deductionSampleCount, byLine };
  const deductions = sampleDeductions(profile, pmf, samples, tabulated ? { days, segments } : null, totalSamples, attribution);
  let sum = 0;
  for (let s = 0; s < options.deductionSampleCount; s += 1) sum += deductions[s]!;
  return {
    pmf,
    samples: samples.map((counts) => counts.subarray(0, options.sampleCount)),
    sampleCount: options.sampleCount,
    sampleDeductions: deductions.subarray(0, options.sampleCount),
    expectedDeductions: options.deductionSampleCount > 0 ? sum / options.deductionSampleCount : 0,
    expectedDeductionsByLine: byLine.map((total) => (options.deductionSampleCount > 0 ? total / options.deductionSampleCount : 0)),
    truncatedMean: Float64Array.from(pmf, (p) => p.reduce((mean, probability, n) => mean + probability * n, 0)),
    ceilingWork: options.ceilingWork,
  };
}

/**
 * Participation forfaitaire and franchises of each sampled year. Their daily caps are per
 * professional, that is per care line, so what n acts of a line deduct in each calendar
 * year is a function of n alone, worked out when the count is first drawn (from the day
 * tables when they exist, else from the acts' days computed again); per person and
 * calendar year the year's total is then min(50 €, Σ lines' participations) +
 * min(50 €, Σ lines' franchises), which is what the date-ordered allocation of the
 * scenario takes. A sampled year costs a few additions per line, whatever its counts.
 * Over the first `attribution.count` samples, each line's share of its person's capped
 * totals is added to `attribution.byLine` (for the expected figures per care line).
 */
function sampleDeductions(
  profile: CompiledProfile,
  pmf: Float64Array[],
  samples: Int32Array[],
  tables: { days: Int32Array[]; segments: Uint8Array[] } | null,
  count: number,
  attribution: { count: number; byLine: Float64Array },
): Float64Array {
  const out = new Float64Array(count);
  const boundary = profile.calendar.boundary;
  const periodDays = profile.periodEnd - profile.periodStart;
  // Per line, for n acts at offset 4n: participations of year 1, of year 2, franchises of
  // year 1, of year 2; −1 until that count is first drawn (listing every possible count
  // up front would cost time in proportion to counts²: a line of 366 acts a year has
  // counts up to ~430).
  const deductedByCount = profile.lines.map((_, l) => new Float64Array(pmf[l]!.length * 4).fill(-1));
  const fill = (l: number, n: number): void => {
    const line = profile.lines[l]!;
    const table = deductedByCount[l]!;
    table.fill(0, 4 * n, 4 * n + 4);
    let days: ArrayLike<number>;
    let segments: ArrayLike<number>;
    if (tables) {
      const base = (n * (n - 1)) / 2;
      days = tables.days[l]!.subarray(base, base + n);
      segments = tables.segments[l]!.subarray(base, base + n);
    } else {
      days = Array.from({ length: n }, (_, i) => actDay(profile.periodStart, periodDays, i, n));
      segments = actSegments(profile, line, days);
    }
    let currentDay = -1;
    let today = 0;
    for (let i = 0; i < n; i += 1) {
      const facts = line.segments[segments[i]!]!;
      if (facts.deductionUnit === 0) continue;
      const day = days[i]!;
      if (day !== currentDay) {
        currentDay = day;
        today = 0;
      }
      const amount = Math.min(facts.deductionUnit, facts.deductionDayCap - today);
      today += amount;
      table[4 * n + (facts.deductionKind === "pf" ? 0 : 2) + (day >= boundary ? 1 : 0)]! += amount;
    }
  };
  const deducted = profile.lines.map((line) => line.segments.some((facts) => facts.deductionUnit !== 0));
  const { pfPerYearCap, franchisePerYearCap } = profile;
  const byLine = attribution.byLine;
  const attributed = Math.min(count, attribution.count);
  // One line at a time over all the samples (tight loops over arrays, not 10 000 × lines
  // visits of a dozen arrays), with the same additions in the same order as one sample
  // at a time: a beneficiary's totals of each year add their lines in turn, a year's
  // total adds its beneficiaries in turn, and a line's share adds the samples in turn.
  // totals, per sample s from 4s: a beneficiary's participations of year 1, of year 2,
  // franchises of year 1, of year 2.
  const totals = new Float64Array(4 * count);
  for (const beneficiary of profile.beneficiaries) {
    const lines = beneficiary.lineIndexes.filter((l) => deducted[l]);
    if (lines.length === 0) continue;
    totals.fill(0);
    for (const l of lines) {
      const counts = samples[l]!;
      const table = deductedByCount[l]!;
      for (let s = 0, at = 0; s < count; s += 1, at += 4) {
        const offset = 4 * counts[s]!;
        if (table[offset]! < 0) fill(l, offset / 4);
        totals[at]! += table[offset]!;
        totals[at + 1]! += table[offset + 1]!;
        totals[at + 2]! += table[offset + 2]!;
        totals[at + 3]! += table[offset + 3]!;
      }
    }
    for (let s = 0, at = 0; s < count; s += 1, at += 4) {
      const pf0 = totals[at]!;
      const pf1 = totals[at + 1]!;
      const franchise0 = totals[at + 2]!;
      const franchise1 = totals[at + 3]!;
      out[s]! += Math.min(pfPerYearCap, pf0) + Math.min(franchisePerYearCap, franchise0);
      out[s]! += Math.min(pfPerYearCap, pf1) + Math.min(franchisePerYearCap, franchise1);
      // From here on, the fraction of each total the yearly cap keeps: every line keeps that fraction of its own.
      totals[at] = pf0 > pfPerYearCap ? pfPerYearCap / pf0 : 1;
      totals[at + 1] = pf1 > pfPerYearCap ? pfPerYearCap / pf1 : 1;
      totals[at + 2] = franchise0 > franchisePerYearCap ? franchisePerYearCap / franchise0 : 1;
      totals[at + 3] = franchise1 > franchisePerYearCap ? franchisePerYearCap / franchise1 : 1;
    }
    for (const l of lines) {
      const counts = samples[l]!;
      const table = deductedByCount[l]!;
      let share = byLine[l]!;
      for (let s = 0, at = 0; s < attributed; s += 1, at += 4) {
        const offset = 4 * counts[s]!;
        share += table[offset]! * totals[at]! + table[offset + 1]! * totals[at + 1]! + table[offset + 2]! * totals[at + 2]! + table[offset + 3]! * totals[at + 3]!;
      }
      byLine[l] = share;
    }
  }
  return out;
}

export interface CeilingGroup {
  lines: number[];
  period: 0 | 1;
  amount: number;
}

/**
 * A line under one offer. Most lines are linear in their count (one set of figures all
 * year, no waiting period, one ceiling period): N acts leave N × restPerAct and claim
 * N × claimPerAct. Others get a table over N (acts differ by date).
 */
export interface LineModel {
  /** Index of the line's ceiling in CompiledOffer.ceilings, or −1. */
  ceiling: number;
  linear: boolean;
  restPerAct: number;
  claimPerAct: number;
  /** rest[n]: what n acts leave before any ceiling payment (non-linear lines). */
  rest: Float64Array | null;
  /** claims[period][n]: what n acts claim from their ceiling in each period (lines with a ceiling). */
  claims: [Float64Array, Float64Array] | null;
}

/** Zero-filled arrays for line models: fresh ones, or views of an arena (ModelArena). */
export type AllocateFigures = (length: number) => Float64Array;

const freshFigures: AllocateFigures = (length) => new Float64Array(length);

/**
 * Views of a few large zero-filled arrays: a ranking models about a thousand (line, terms)
 * classes of a profile, and a typed array of its own each would cost an allocation
 * outside the heap and its tracking by the collector, up to three times a class.
 */
export class ModelArena {
  private static readonly CHUNK = 32_768;
  private chunk = new Float64Array(0);
  private used = 0;

  readonly allocate: AllocateFigures = (length) => {
    if (this.used + length > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(ModelArena.CHUNK, length));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  };
}

/** The claims of a line under no ceiling: never written (its claims are all 0). */
const NO_CLAIMS: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];

export function lineModel(terms: OfferTerms, stochastic: StochasticProfile, l: number, allocate: AllocateFigures = freshFigures): LineModel {
  const profile = terms.profile;
  const line = profile.lines[l]!;
  const ceiling = terms.offer.guaranteeAt(line.guaranteeIndex).ceiling;
  const nmax = stochastic.pmf[l]!.length - 1;
  const periods = ceiling >= 0 ? terms.ceilingPeriodCount(ceiling) : 1;
  if (line.segments.length === 1 && terms.waitEndDay(l) <= profile.periodStart && periods === 1) {
    const t = terms.get(l, 0);
    const claimPerAct = ceiling >= 0 ? t.capped : 0;
    const restPerAct = t.price - t.secuGross - t.fixed - (ceiling >= 0 ? 0 : t.capped);
    let claims: [Float64Array, Float64Array] | null = null;
    if (ceiling >= 0) {
      const c0 = allocate(nmax + 1);
      for (let n = 1; n <= nmax; n += 1) c0[n] = n * claimPerAct;
      claims = [c0, allocate(nmax + 1)];
    }
    return { ceiling, linear: true, restPerAct, claimPerAct, rest: null, claims };
  }
  const rest = allocate(nmax + 1);
  const claims: [Float64Array, Float64Array] | null = ceiling >= 0 ? [allocate(nmax + 1), allocate(nmax + 1)] : null;
  tabulateByCounting(terms, l, ceiling, rest, claims ?? NO_CLAIMS);
  return { ceiling, linear: false, restPerAct: 0, claimPerAct: 0, rest, claims };
}

/**
 * Where the acts of each count of a line fall, for one waiting period's end and one
 * ceiling boundary: the runs of days between the cuts where the line's figures may change
 * (a new segment, the end of the waiting period, the ceiling's new period, the calendar
 * year of a line with a yearly act cap), and for each count n and run r how many of the n
 * acts fall in r within the yearly act cap (within[n·R + r]) and beyond it (beyond[…]).
 * It depends on the profile's line and not on the offer: the offers of a catalogue have a
 * handful of waiting periods and two ceiling boundaries, so it is worked out a few times a
 * line and read for each of the line's figure classes.
 */
interface RunLayout {
  /** Per run (as many as cuts): its first day's segment, whether that day is in the waiting period, its ceiling period. */
  segment: Int32Array;
  waiting: Uint8Array;
  period: Uint8Array;
  within: Int32Array;
  beyond: Int32Array;
}

const runLayouts = new WeakMap<CompiledLine, Map<number, RunLayout>>();

function runLayout(profile: CompiledProfile, l: number, nmax: number, waitEnd: number, ceilingBoundary: number | null): RunLayout {
  const line = profile.lines[l]!;
  let byKey = runLayouts.get(line);
  if (byKey === undefined) {
    byKey = new Map();
    runLayouts.set(line, byKey);
  }
  // Day numbers stay below 2^20 and counts below 2^12 (a line has at most 366 acts a year on
  // average): one number under 2^53 keys the three exactly.
  const key = (nmax * 2 ** 20 + waitEnd) * 2 ** 21 + (ceilingBoundary === null ? 0 : ceilingBoundary + 1);
  let layout = byKey.get(key);
  if (layout === undefined) {
    layout = layRuns(profile, line, nmax, waitEnd, ceilingBoundary);
    byKey.set(key, layout);
  }
  return layout;
}

function layRuns(profile: CompiledProfile, line: CompiledLine, nmax: number, waitEnd: number, ceilingBoundary: number | null): RunLayout {
  const periodDays = profile.periodEnd - profile.periodStart;
  const changes = [...line.segmentStarts.slice(1), waitEnd];
  if (ceilingBoundary !== null) changes.push(ceilingBoundary);
  const yearlyCap = line.yearlyActCap;
  const boundary = profile.calendar.boundary;
  if (yearlyCap > 0) changes.push(boundary);
  const cuts = [...new Set(changes)].filter((day) => day > profile.periodStart && day < profile.periodEnd).sort((a, b) => a - b);
  cuts.push(profile.periodEnd);
  // Acts of a year with n acts falling before `day`: the i with start + ⌊(2i + 1)·P / 2n⌋ < day,
  // that is (2i + 1)·P < 2n·t with t = day − start, so i < (⌊(2n·t − 1) / P⌋ + 1) / 2 (integers).
  const actsBefore = (n: number, day: number) => {
    const t = day - profile.periodStart;
    if (t <= 0) return 0;
    return Math.min(n, Math.floor((Math.floor((2 * n * t - 1) / periodDays) + 1) / 2));
  };
  const runCount = cuts.length;
  const layout: RunLayout = {
    segment: new Int32Array(runCount),
    waiting: new Uint8Array(runCount),
    period: new Uint8Array(runCount),
    within: new Int32Array((nmax + 1) * runCount),
    beyond: new Int32Array((nmax + 1) * runCount),
  };
  for (let r = 0; r < runCount; r += 1) {
    // A run's figures do not depend on n: those of its first day.
    const day = r === 0 ? profile.periodStart : cuts[r - 1]!;
    layout.segment[r] = segmentIndex(line, day);
    layout.waiting[r] = day < waitEnd ? 1 : 0;
    layout.period[r] = ceilingBoundary !== null && day >= ceilingBoundary ? 1 : 0;
  }
  for (let n = 1; n <= nmax; n += 1) {
    // Rank of the first act of the second calendar year (n when the period has one).
    const secondYearStart = yearlyCap > 0 ? actsBefore(n, boundary) : 0;
    let first = 0;
    for (let r = 0; r < runCount; r += 1) {
      const end = actsBefore(n, cuts[r]!);
      const count = end - first;
      // A run lies within one calendar year (its boundary is a cut): acts ranked past that
      // year's cap are beyond it.
      const withinCount = yearlyCap > 0 ? Math.max(0, Math.min(end, (first >= secondYearStart ? secondYearStart : 0) + yearlyCap) - first) : count;
      layout.within[n * runCount + r] = withinCount;
      layout.beyond[n * runCount + r] = count - withinCount;
      first = end;
    }
  }
  return layout;
}

/** tabulateByCounting's per-run figures, reused from call to call (rest, claim, then beyond the cap). */
let runFigures = new Float64Array(32);

/**
 * rest[n] and claims[period][n] of a line whose figures change in the year, without
 * walking the n acts of each count (nmax² / 2 acts a line, per offer): the acts of a
 * year with n acts fall on days that grow with their rank, so between two days where the
 * line's figures may change they form a run counted once per profile (runLayout), and
 * each run adds count × its act's figures. A line with a yearly act cap (Mon soutien psy)
 * also splits at the calendar year's boundary, and within a run the acts past the cap of
 * that calendar year (by their rank, as actSegments counts them) take the figures of the
 * run's beyond-the-cap segment. Whole cents: the sums are those of the act-by-act walk
 * exactly (the golden digest was taken with the walk). Work: nmax × runs.
 */
function tabulateByCounting(terms: OfferTerms, l: number, ceiling: number, rest: Float64Array, claims: [Float64Array, Float64Array]): void {
  const profile = terms.profile;
  const line = profile.lines[l]!;
  const layout = runLayout(profile, l, rest.length - 1, terms.waitEndDay(l), ceiling >= 0 ? terms.ceilingBoundary(ceiling) : null);
  const runCount = layout.segment.length;
  if (runFigures.length < 4 * runCount) runFigures = new Float64Array(4 * runCount);
  const figures = runFigures;
  const beyondShift = line.yearlyActCap > 0 ? line.segmentStarts.length : 0;
  for (let r = 0; r < runCount; r += 1) {
    for (let side = 0; side < 2; side += 1) {
      const at = 4 * r + 2 * side;
      if (side === 1 && beyondShift === 0) {
        figures[at] = figures[at - 2]!;
        figures[at + 1] = figures[at - 1]!;
        continue;
      }
      const t = terms.get(l, layout.segment[r]! + side * beyondShift);
      if (layout.waiting[r] === 1) {
        figures[at] = t.price - t.secuGross;
        figures[at + 1] = 0;
      } else {
        figures[at] = t.price - t.secuGross - t.fixed - (ceiling < 0 ? t.capped : 0);
        figures[at + 1] = ceiling < 0 ? 0 : t.capped;
      }
    }
  }
  const { within, beyond, period } = layout;
  for (let n = 1; n < rest.length; n += 1) {
    for (let r = 0; r < runCount; r += 1) {
      const withinCount = within[n * runCount + r]!;
      const beyondCount = beyond[n * runCount + r]!;
      const at = 4 * r;
      rest[n]! += withinCount * figures[at]! + beyondCount * figures[at + 2]!;
      const claim = withinCount * figures[at + 1]! + beyondCount * figures[at + 3]!;
      if (claim !== 0) claims[period[r]!]![n]! += claim;
    }
  }
}

/** A ceiling shared by some of a person's lines in one ceiling period, and its mean payment. */
export interface CeilingPayment extends CeilingGroup {
  /** E[min(Σ claims, amount)] in cents as evaluateStochastic took it: exact, or its bounded figure. */
  paid: number;
}

export interface StochasticResult {
  /** Cents, not rounded. */
  expected: number;
  /** The ceilings' means subtracted from `expected` (for the expected figures per care line). */
  ceilings: CeilingPayment[];
  /** Cents: how far `expected` may be from the exact mean (0 when exact, see ceiling-mean.ts). */
  expectedMaxError: number;
  /** Cents; NaN when not asked for. */
  badYear: number;
}

/**
 * A line's mean rest before any ceiling payment under one offer: its term of the
 * expected RAC. A function of the line's terms alone, so offers with the same terms for
 * the line share it (expected-by-terms.ts adds the same terms in the same order).
 */
export function lineRestMean(model: LineModel, stochastic: StochasticProfile, l: number): number {
  if (model.linear) return stochastic.truncatedMean[l]! * model.restPerAct;
  const p = stochastic.pmf[l]!;
  let mean = 0;
  for (let n = 1; n < p.length; n += 1) mean += p[n]! * model.rest![n]!;
  return mean;
}

export function evaluateStochastic(
  terms: OfferTerms,
  stochastic: StochasticProfile,
  scratch: Float64Array,
  withBadYear = true,
): StochasticResult {
  const profile = terms.profile;
  const models: LineModel[] = [];
  const groups = new Map<number, CeilingGroup>();
  let expected = stochastic.expectedDeductions;
  for (let l = 0; l < profile.lines.length; l += 1) {
    // Shared by the offers with the same terms for this line (quote.ts): built once.
    const shared = terms.lines[l]!;
    const model = (shared.model ??= lineModel(terms, stochastic, l));
    models.push(model);
    const p = stochastic.pmf[l]!;
    expected += lineRestMean(model, stochastic, l);
    if (model.claims === null || p.length === 1) continue;
    const ceiling = model.ceiling;
    const periodCount = terms.ceilingPeriodCount(ceiling);
    for (let period = 0; period < periodCount; period += 1) {
      const key = (profile.lines[l]!.beneficiaryIndex * 64 + ceiling) * 2 + period;
      let group = groups.get(key);
      if (!group) {
        group = { lines: [], period: period as 0 | 1, amount: terms.ceilingAmount(ceiling, period) };
        groups.set(key, group);
      }
      group.lines.push(l);
    }
  }
  // Groups settled without a lattice first (every group of an ordinary profile); the
  // offer's budget is then shared by the groups left.
  let expectedMaxError = 0;
  const ceilings: CeilingPayment[] = [];
  const unsettled: { group: CeilingGroup; lines: CeilingLine[]; amount: number; lower: number; upper: number }[] = [];
  for (const group of groups.values()) {
    const lines: CeilingLine[] = group.lines.map((l) => ({ claims: models[l]!.claims![group.period], pmf: stochastic.pmf[l]! }));
    const cheap = settleCheaply(lines, group.amount);
    if (cheap.settled) {
      expected -= cheap.result.mean;
      expectedMaxError += cheap.result.maxError;
      ceilings.push({ ...group, paid: cheap.result.mean });
    } else unsettled.push({ group, lines, amount: group.amount, lower: cheap.lower, upper: cheap.upper });
  }
  for (const group of unsettled) {
    const paid = boundByLattice(group.lines, group.amount, group, stochastic.ceilingWork / unsettled.length);
    expected -= paid.mean;
    expectedMaxError += paid.maxError;
    ceilings.push({ ...group.group, paid: paid.mean });
  }

  const S = stochastic.sampleCount;
  if (S === 0 || !withBadYear) return { expected, ceilings, expectedMaxError, badYear: Number.NaN };
  const totals = scratch.subarray(0, S);
  totals.set(stochastic.sampleDeductions);
  for (let l = 0; l < models.length; l += 1) {
    const model = models[l]!;
    const counts = stochastic.samples[l]!;
    if (stochastic.pmf[l]!.length === 1) continue;
    if (model.linear) {
      const a = model.restPerAct;
      if (a !== 0) for (let s = 0; s < S; s += 1) totals[s]! += a * counts[s]!;
    } else {
      const rest = model.rest!;
      for (let s = 0; s < S; s += 1) totals[s]! += rest[counts[s]!]!;
    }
  }
  for (const group of groups.values()) {
    const amount = group.amount;
    if (group.lines.length === 1) {
      const l = group.lines[0]!;
      const model = models[l]!;
      const counts = stochastic.samples[l]!;
      if (model.linear) {
        const b = model.claimPerAct;
        if (b !== 0) for (let s = 0; s < S; s += 1) totals[s]! -= Math.min(b * counts[s]!, amount);
      } else {
        const claims = model.claims![group.period];
        for (let s = 0; s < S; s += 1) totals[s]! -= Math.min(claims[counts[s]!]!, amount);
      }
    } else {
      for (let s = 0; s < S; s += 1) {
        let claim = 0;
        for (const l of group.lines) claim += models[l]!.claims![group.period][stochastic.samples[l]![s]!]!;
        totals[s]! -= Math.min(claim, amount);
      }
    }
  }
  // Nearest-rank 90th percentile.
  return { expected, ceilings, expectedMaxError, badYear: selectKth(totals, Math.ceil(0.9 * S) - 1) };
}
