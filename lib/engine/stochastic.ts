import { actDay, segmentIndex, type CompiledProfile } from "./compile-profile";
import { drawFromPmf, poissonPmf, seededRandom, selectKth } from "./distribution";
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
 * averaged by Monte-Carlo: their 4 €-a-day cap couples the lines through the dates.
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
}

export interface StochasticOptions {
  /** Sampled years for the bad-year percentile. */
  sampleCount: number;
  /** Sampled years for the (offer-independent) mean of the deductions. */
  deductionSampleCount: number;
  seed: number;
}

export const DEFAULT_STOCHASTIC_OPTIONS: StochasticOptions = {
  sampleCount: 2000,
  deductionSampleCount: 50_000,
  seed: 20260101,
};

export function prepareStochastic(profile: CompiledProfile, options: StochasticOptions): StochasticProfile {
  const random = seededRandom(options.seed);
  const totalSamples = Math.max(options.sampleCount, options.deductionSampleCount);
  const periodDays = profile.periodEnd - profile.periodStart;
  const basePmf = profile.lines.map((line) => poissonPmf(line.mean));
  const samples = profile.lines.map((_, l) => {
    const out = new Int32Array(totalSamples);
    for (let s = 0; s < totalSamples; s += 1) out[s] = drawFromPmf(basePmf[l]!, random());
    return out;
  });
  const pmf = basePmf;
  const days: Int32Array[][] = [];
  const segments: Uint8Array[][] = [];
  profile.lines.forEach((line, l) => {
    const byCount: Int32Array[] = [];
    const segByCount: Uint8Array[] = [];
    for (let n = 0; n < pmf[l]!.length; n += 1) {
      const d = new Int32Array(n);
      const g = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) {
        d[i] = actDay(profile.periodStart, periodDays, i, n);
        g[i] = segmentIndex(line, d[i]!);
      }
      byCount.push(d);
      segByCount.push(g);
    }
    days.push(byCount);
    segments.push(segByCount);
  });

  const deductions = sampleDeductions(profile, samples, days, segments, totalSamples);
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
  };
}

/**
 * Participation forfaitaire and franchises of each sampled year. Per person and calendar
 * year: min(50 €, Σ days min(4 €, that day's participations)) + min(50 €, franchises),
 * which is what the date-ordered allocation of the scenario takes.
 */
function sampleDeductions(
  profile: CompiledProfile,
  samples: Int32Array[],
  days: Int32Array[][],
  segments: Uint8Array[][],
  count: number,
): Float64Array {
  const out = new Float64Array(count);
  const perDay = new Int32Array(profile.periodEnd - profile.periodStart);
  const touched: number[] = [];
  for (let s = 0; s < count; s += 1) {
    let total = 0;
    for (const beneficiary of profile.beneficiaries) {
      const franchise = [0, 0];
      for (const l of beneficiary.lineIndexes) {
        const n = samples[l]![s]!;
        if (n === 0) continue;
        const line = profile.lines[l]!;
        const d = days[l]![n]!;
        const g = segments[l]![n]!;
        for (let i = 0; i < n; i += 1) {
          const facts = line.segments[g[i]!]!;
          if (facts.deductionUnit === 0) continue;
          const day = d[i]!;
          if (facts.deductionKind === "pf") {
            const slot = day - profile.periodStart;
            if (perDay[slot] === 0) touched.push(slot);
            perDay[slot]! += facts.deductionUnit;
          } else {
            franchise[day >= profile.calendarBoundary ? 1 : 0]! += facts.deductionUnit;
          }
        }
      }
      const pf = [0, 0];
      for (const slot of touched) {
        pf[slot + profile.periodStart >= profile.calendarBoundary ? 1 : 0]! += Math.min(profile.pfPerDayCap, perDay[slot]!);
        perDay[slot] = 0;
      }
      touched.length = 0;
      for (let y = 0; y < 2; y += 1) {
        total += Math.min(profile.pfPerYearCap, pf[y]!) + Math.min(profile.franchisePerYearCap, franchise[y]!);
      }
    }
    out[s] = total;
  }
  return out;
}

interface CeilingGroup {
  lines: number[];
  period: number;
  amount: number;
}

/** Per line and count: the RAC left before ceilings, and the claims on each ceiling period. */
function offerTables(terms: OfferTerms, stochastic: StochasticProfile) {
  const profile = terms.profile;
  const rest: Float64Array[] = [];
  const capped: [Float64Array, Float64Array][] = [];
  const groups = new Map<string, CeilingGroup>();
  profile.lines.forEach((line, l) => {
    const nmax = stochastic.pmf[l]!.length - 1;
    const r = new Float64Array(nmax + 1);
    const c0 = new Float64Array(nmax + 1);
    const c1 = new Float64Array(nmax + 1);
    const ceiling = terms.offer.guarantees[line.guarantee].ceiling;
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
        if (ceiling >= 0) {
          if (terms.ceilingPeriod(ceiling, day) === 0) claim0 += t.capped;
          else claim1 += t.capped;
        } else {
          restSum -= t.capped;
        }
      }
      r[n] = restSum;
      c0[n] = claim0;
      c1[n] = claim1;
    }
    rest.push(r);
    capped.push([c0, c1]);
    if (ceiling >= 0 && nmax > 0) {
      for (let period = 0; period < terms.ceilingPeriodCount(ceiling); period += 1) {
        const key = `${line.beneficiaryIndex}:${ceiling}:${period}`;
        let group = groups.get(key);
        if (!group) {
          group = { lines: [], period, amount: terms.ceilingAmount(ceiling, period) };
          groups.set(key, group);
        }
        group.lines.push(l);
      }
    }
  });
  return { rest, capped, groups: [...groups.values()] };
}

/** E[min(Σ claims, amount)] exactly, by convolving the lines' laws (values capped early: min is monotone). */
function expectedPaid(group: CeilingGroup, capped: [Float64Array, Float64Array][], pmf: Float64Array[]): number {
  let values = [0];
  let probs = [1];
  for (const l of group.lines) {
    const claims = capped[l]![group.period as 0 | 1]!;
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
  withBadYear: boolean,
): StochasticResult {
  const { rest, capped, groups } = offerTables(terms, stochastic);
  let expected = stochastic.expectedDeductions;
  rest.forEach((r, l) => {
    const p = stochastic.pmf[l]!;
    for (let n = 1; n < r.length; n += 1) expected += p[n]! * r[n]!;
  });
  for (const group of groups) expected -= expectedPaid(group, capped, stochastic.pmf);

  if (!withBadYear || stochastic.sampleCount === 0) return { expected, badYear: Number.NaN };
  const S = stochastic.sampleCount;
  const totals = scratch.subarray(0, S);
  totals.set(stochastic.sampleDeductions);
  rest.forEach((r, l) => {
    if (r.length === 1) return;
    const counts = stochastic.samples[l]!;
    for (let s = 0; s < S; s += 1) totals[s]! += r[counts[s]!]!;
  });
  for (const group of groups) {
    const lines = group.lines;
    if (lines.length === 1) {
      const l = lines[0]!;
      const claims = capped[l]![group.period as 0 | 1]!;
      const counts = stochastic.samples[l]!;
      for (let s = 0; s < S; s += 1) totals[s]! -= Math.min(claims[counts[s]!]!, group.amount);
    } else {
      for (let s = 0; s < S; s += 1) {
        let claim = 0;
        for (const l of lines) claim += capped[l]![group.period as 0 | 1]![stochastic.samples[l]![s]!]!;
        totals[s]! -= Math.min(claim, group.amount);
      }
    }
  }
  // Nearest-rank 90th percentile.
  const badYear = selectKth(totals, Math.ceil(0.9 * S) - 1);
  return { expected, badYear };
}
