import { actDay, actSegments, type CompiledProfile } from "./compile-profile";
import { drawManyFromPmf, poissonPmf, seededRandom, selectKth } from "./distribution";
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
 * computed exactly from the Poisson pmfs (convolving the lines that share a ceiling).
 * Only the participation forfaitaire and franchises (identical for every offer) are
 * averaged by Monte-Carlo: their 50 € yearly caps couple a person's lines.
 *
 * Bad year: the 90th percentile of the yearly RAC over a fixed-seed sample of count
 * vectors. The sample does not depend on the offer (common random numbers), so every
 * offer is judged on the same years and rankings are stable.
 */
export interface StochasticProfile {
  pmf: Float64Array[];
  /** days[line][n]: the days of the n acts of a year with n acts. */
  days: Int32Array[][];
  segments: Uint8Array[][];
  /** samples[line][s]: count of the line in sampled year s. */
  samples: Int32Array[];
  sampleCount: number;
  sampleDeductions: Float64Array;
  expectedDeductions: number;
  /** expectedDeductions per line: each year's capped total shared among the lines in proportion to what they deduct. */
  expectedDeductionsByLine: Float64Array;
  /** Σ n·P(N = n) over the truncated pmf: the mean count the tables actually see. */
  truncatedMean: Float64Array;
}

export interface StochasticOptions {
  /** Sampled years for the bad-year percentile. */
  sampleCount: number;
  /** Sampled years for the (offer-independent) mean of the deductions. */
  deductionSampleCount: number;
  seed: number;
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
};

export function prepareStochastic(profile: CompiledProfile, options: StochasticOptions): StochasticProfile {
  const random = seededRandom(options.seed);
  const totalSamples = Math.max(options.sampleCount, options.deductionSampleCount);
  const periodDays = profile.periodEnd - profile.periodStart;
  const pmf = profile.lines.map((line) => poissonPmf(line.mean));
  const samples = profile.lines.map((_, l) => drawManyFromPmf(pmf[l]!, random, totalSamples));
  const days: Int32Array[][] = [];
  const segments: Uint8Array[][] = [];
  profile.lines.forEach((line, l) => {
    const byCount: Int32Array[] = [];
    const segByCount: Uint8Array[] = [];
    for (let n = 0; n < pmf[l]!.length; n += 1) {
      const d = new Int32Array(n);
      for (let i = 0; i < n; i += 1) d[i] = actDay(profile.periodStart, periodDays, i, n);
      byCount.push(d);
      segByCount.push(Uint8Array.from(actSegments(profile, line, d)));
    }
    days.push(byCount);
    segments.push(segByCount);
  });

  const byLine = new Float64Array(profile.lines.length);
  const deductions = sampleDeductions(profile, samples, days, segments, totalSamples, { count: options.deductionSampleCount, byLine });
  let sum = 0;
  for (let s = 0; s < options.deductionSampleCount; s += 1) sum += deductions[s]!;
  return {
    pmf,
    days,
    segments,
    samples: samples.map((counts) => counts.subarray(0, options.sampleCount)),
    sampleCount: options.sampleCount,
    sampleDeductions: deductions.subarray(0, options.sampleCount),
    expectedDeductions: options.deductionSampleCount > 0 ? sum / options.deductionSampleCount : 0,
    expectedDeductionsByLine: byLine.map((total) => (options.deductionSampleCount > 0 ? total / options.deductionSampleCount : 0)),
    truncatedMean: Float64Array.from(pmf, (p) => p.reduce((mean, probability, n) => mean + probability * n, 0)),
  };
}

/**
 * Participation forfaitaire and franchises of each sampled year. Their daily caps are per
 * professional, that is per care line, so what n acts of a line deduct in each calendar
 * year is a function of n alone; per person and calendar year the year's total is then
 * min(50 €, Σ lines' participations) + min(50 €, Σ lines' franchises), which is what the
 * date-ordered allocation of the scenario takes. Over the first `attribution.count`
 * samples, each line's share of its person's capped totals is added to
 * `attribution.byLine` (for the expected figures per care line).
 */
function sampleDeductions(
  profile: CompiledProfile,
  samples: Int32Array[],
  days: Int32Array[][],
  segments: Uint8Array[][],
  count: number,
  attribution: { count: number; byLine: Float64Array },
): Float64Array {
  const out = new Float64Array(count);
  const boundary = profile.calendar.boundary;
  // Per line, for n acts at offset 4n: participations of year 1, of year 2, franchises of
  // year 1, of year 2; −1 until that count is first drawn (listing every possible count
  // up front would cost time in proportion to counts²: a line of 366 acts a year has
  // counts up to ~430).
  const tables = profile.lines.map((_, l) => new Float64Array(days[l]!.length * 4).fill(-1));
  const fill = (l: number, n: number): void => {
    const line = profile.lines[l]!;
    const table = tables[l]!;
    table.fill(0, 4 * n, 4 * n + 4);
    let currentDay = -1;
    let today = 0;
    for (let i = 0; i < n; i += 1) {
      const facts = line.segments[segments[l]![n]![i]!]!;
      if (facts.deductionUnit === 0) continue;
      const day = days[l]![n]![i]!;
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
  const linesOf = profile.beneficiaries.map((beneficiary) => Int32Array.from(beneficiary.lineIndexes.filter((l) => deducted[l])));
  const { pfPerYearCap, franchisePerYearCap } = profile;
  const byLine = attribution.byLine;
  for (let s = 0; s < count; s += 1) {
    let total = 0;
    for (let b = 0; b < linesOf.length; b += 1) {
      const lines = linesOf[b]!;
      let pf0 = 0;
      let pf1 = 0;
      let franchise0 = 0;
      let franchise1 = 0;
      for (let k = 0; k < lines.length; k += 1) {
        const l = lines[k]!;
        const offset = 4 * samples[l]![s]!;
        const table = tables[l]!;
        if (table[offset]! < 0) fill(l, offset / 4);
        pf0 += table[offset]!;
        pf1 += table[offset + 1]!;
        franchise0 += table[offset + 2]!;
        franchise1 += table[offset + 3]!;
      }
      total += Math.min(pfPerYearCap, pf0) + Math.min(franchisePerYearCap, franchise0);
      total += Math.min(pfPerYearCap, pf1) + Math.min(franchisePerYearCap, franchise1);
      if (s >= attribution.count) continue;
      // The fraction of each total the yearly cap keeps: every line keeps that fraction of its own.
      const pfKept0 = pf0 > pfPerYearCap ? pfPerYearCap / pf0 : 1;
      const pfKept1 = pf1 > pfPerYearCap ? pfPerYearCap / pf1 : 1;
      const franchiseKept0 = franchise0 > franchisePerYearCap ? franchisePerYearCap / franchise0 : 1;
      const franchiseKept1 = franchise1 > franchisePerYearCap ? franchisePerYearCap / franchise1 : 1;
      for (let k = 0; k < lines.length; k += 1) {
        const l = lines[k]!;
        const offset = 4 * samples[l]![s]!;
        const table = tables[l]!;
        byLine[l]! += table[offset]! * pfKept0 + table[offset + 1]! * pfKept1 + table[offset + 2]! * franchiseKept0 + table[offset + 3]! * franchiseKept1;
      }
    }
    out[s] = total;
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

export function lineModel(terms: OfferTerms, stochastic: StochasticProfile, l: number): LineModel {
  const profile = terms.profile;
  const line = profile.lines[l]!;
  const ceiling = terms.offer.guarantee(line.guarantee).ceiling;
  const nmax = stochastic.pmf[l]!.length - 1;
  const periods = ceiling >= 0 ? terms.ceilingPeriodCount(ceiling) : 1;
  if (line.segments.length === 1 && terms.waitEndDay(l) <= profile.periodStart && periods === 1) {
    const t = terms.get(l, 0);
    const claimPerAct = ceiling >= 0 ? t.capped : 0;
    const restPerAct = t.price - t.secuGross - t.fixed - (ceiling >= 0 ? 0 : t.capped);
    let claims: [Float64Array, Float64Array] | null = null;
    if (ceiling >= 0) {
      const c0 = new Float64Array(nmax + 1);
      for (let n = 1; n <= nmax; n += 1) c0[n] = n * claimPerAct;
      claims = [c0, new Float64Array(nmax + 1)];
    }
    return { ceiling, linear: true, restPerAct, claimPerAct, rest: null, claims };
  }
  const rest = new Float64Array(nmax + 1);
  const c0 = new Float64Array(nmax + 1);
  const c1 = new Float64Array(nmax + 1);
  for (let n = 1; n <= nmax; n += 1) {
    const d = stochastic.days[l]![n]!;
    const g = stochastic.segments[l]![n]!;
    let restSum = 0;
    let claim0 = 0;
    let claim1 = 0;
    for (let i = 0; i < n; i += 1) {
      const t = terms.get(l, g[i]!);
      const day = d[i]!;
      if (terms.waiting(l, day)) {
        restSum += t.price - t.secuGross;
        continue;
      }
      restSum += t.price - t.secuGross - t.fixed;
      if (ceiling < 0) restSum -= t.capped;
      else if (terms.ceilingPeriod(ceiling, day) === 0) claim0 += t.capped;
      else claim1 += t.capped;
    }
    rest[n] = restSum;
    c0[n] = claim0;
    c1[n] = claim1;
  }
  return { ceiling, linear: false, restPerAct: 0, claimPerAct: 0, rest, claims: ceiling >= 0 ? [c0, c1] : null };
}

/** E[min(Σ claims, amount)] exactly, by convolving the lines' laws (values capped early: min is monotone). */
export function expectedPaid(group: CeilingGroup, models: LineModel[], pmf: Float64Array[]): number {
  if (group.lines.length === 1) {
    const l = group.lines[0]!;
    const claims = models[l]!.claims![group.period];
    const p = pmf[l]!;
    let mean = 0;
    for (let n = 1; n < p.length; n += 1) mean += p[n]! * Math.min(claims[n]!, group.amount);
    return mean;
  }
  let values = [0];
  let probs = [1];
  for (const l of group.lines) {
    const claims = models[l]!.claims![group.period];
    const p = pmf[l]!;
    const next = new Map<number, number>();
    for (let i = 0; i < values.length; i += 1) {
      for (let n = 0; n < p.length; n += 1) {
        const value = Math.min(values[i]! + claims[n]!, group.amount);
        next.set(value, (next.get(value) ?? 0) + probs[i]! * p[n]!);
      }
    }
    values = [...next.keys()];
    probs = [...next.values()];
  }
  let mean = 0;
  for (let i = 0; i < values.length; i += 1) mean += values[i]! * probs[i]!;
  return mean;
}

export interface StochasticResult {
  /** Cents, not rounded. */
  expected: number;
  /** Cents. */
  badYear: number;
}

export function evaluateStochastic(
  terms: OfferTerms,
  stochastic: StochasticProfile,
  scratch: Float64Array,
): StochasticResult {
  const profile = terms.profile;
  const models: LineModel[] = [];
  const groups = new Map<number, CeilingGroup>();
  let expected = stochastic.expectedDeductions;
  for (let l = 0; l < profile.lines.length; l += 1) {
    const model = lineModel(terms, stochastic, l);
    models.push(model);
    const p = stochastic.pmf[l]!;
    if (model.linear) expected += stochastic.truncatedMean[l]! * model.restPerAct;
    else for (let n = 1; n < p.length; n += 1) expected += p[n]! * model.rest![n]!;
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
  for (const group of groups.values()) expected -= expectedPaid(group, models, stochastic.pmf);

  const S = stochastic.sampleCount;
  if (S === 0) return { expected, badYear: Number.NaN };
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
  return { expected, badYear: selectKth(totals, Math.ceil(0.9 * S) - 1) };
}
