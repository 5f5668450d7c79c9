import { boundByLattice, settleCheaply, type CeilingLine } from "./ceiling-mean";
import { actDay, segmentIndex, type CompiledProfile } from "./compile-profile";
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
 * computed from the Poisson pmfs (convolving the lines that share a ceiling: exactly,
 * or within a stated error when the exact convolution would not fit its work budget,
 * see ceiling-mean.ts).
 * Only the participation forfaitaire and franchises (identical for every offer) are
 * averaged by Monte-Carlo: their 4 €-a-day cap couples the lines through the dates.
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
   * arrays' overhead) of 600 lines of 366 acts a year. Beyond, the deducted acts are
   * walked as each sampled year needs them.
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
  const random = seededRandom(options.seed);
  const totalSamples = Math.max(options.sampleCount, options.deductionSampleCount);
  const periodDays = profile.periodEnd - profile.periodStart;
  const pmf = profile.lines.map((line) => poissonPmf(line.mean));
  const samples = profile.lines.map((_, l) => drawManyFromPmf(pmf[l]!, random, totalSamples));
  // days[line][n]: the days of the n acts of a year with n acts, and their segments, for
  // listing the deducted acts of the sampled years; past dayTableLimit entries (they grow
  // with the square of the counts) the acts are walked as each sampled year needs them.
  const tabulated = dayTableEntries(pmf) <= options.dayTableLimit;
  const days: Int32Array[][] = [];
  const segments: Uint8Array[][] = [];
  if (tabulated) profile.lines.forEach((line, l) => {
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

  const deductions = sampleDeductions(profile, pmf, samples, tabulated ? { days, segments } : null, totalSamples);
  let sum = 0;
  for (let s = 0; s < options.deductionSampleCount; s += 1) sum += deductions[s]!;
  return {
    pmf,
    samples: samples.map((counts) => counts.subarray(0, options.sampleCount)),
    sampleCount: options.sampleCount,
    sampleDeductions: deductions.subarray(0, options.sampleCount),
    expectedDeductions: options.deductionSampleCount > 0 ? sum / options.deductionSampleCount : 0,
    truncatedMean: Float64Array.from(pmf, (p) => p.reduce((mean, probability, n) => mean + probability * n, 0)),
    ceilingWork: options.ceilingWork,
  };
}

/**
 * Participation forfaitaire and franchises of each sampled year. Per person and calendar
 * year: min(50 €, Σ days min(4 €, that day's participations)) + min(50 €, franchises),
 * which is what the date-ordered allocation of the scenario takes. The acts of each line
 * and count that carry a deduction are listed once (slot of their day for a
 * participation, −1 or −2 for a franchise of the first or second calendar year) when
 * the day tables exist, else walked as they are needed. Amounts are whole cents, so the
 * sums do not depend on their order; a person's year stops being walked once every
 * yearly cap it can reach is reached (what is left cannot change it), which keeps a
 * year of thousands of acts to the few dozen that fill the caps.
 */
function sampleDeductions(
  profile: CompiledProfile,
  pmf: Float64Array[],
  samples: Int32Array[],
  tables: { days: Int32Array[][]; segments: Uint8Array[][] } | null,
  count: number,
): Float64Array {
  const out = new Float64Array(count);
  const periodDays = profile.periodEnd - profile.periodStart;
  const perDay = new Int32Array(periodDays);
  const touched = new Int32Array(periodDays);
  const boundarySlot = profile.calendar.boundary - profile.periodStart;
  // A line's deducted acts for a count, listed when that count is first drawn: building
  // them for every possible count would cost memory in proportion to counts² (a line of
  // 366 acts a year has counts up to ~430).
  const codes: (Int32Array | null | undefined)[][] = profile.lines.map((_, l) => new Array<Int32Array | null | undefined>(pmf[l]!.length));
  const units: (Float64Array | null)[][] = profile.lines.map((_, l) => new Array<Float64Array | null>(pmf[l]!.length));
  const codeOf = (kind: string, slot: number) => (kind === "pf" ? slot : slot >= boundarySlot ? -2 : -1);
  const listDeductedActs = ({ days, segments }: NonNullable<typeof tables>, l: number, n: number): Int32Array | null => {
    const line = profile.lines[l]!;
    const c: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const facts = line.segments[segments[l]![n]![i]!]!;
      if (facts.deductionUnit === 0) continue;
      c.push(codeOf(facts.deductionKind, days[l]![n]![i]! - profile.periodStart));
      u.push(facts.deductionUnit);
    }
    const listed = c.length > 0 ? Int32Array.from(c) : null;
    codes[l]![n] = listed;
    units[l]![n] = listed ? Float64Array.from(u) : null;
    return listed;
  };
  const deducted = profile.lines.map((line) => line.segments.some((facts) => facts.deductionUnit !== 0));
  const linesOf = profile.beneficiaries.map((beneficiary) => Int32Array.from(beneficiary.lineIndexes.filter((l) => deducted[l])));
  const memos = linesOf.map((lines) => CountsMemo.forRadices(Array.from(lines, (l) => pmf[l]!.length)));
  // Kinds of deduction of each line (bit 1: participation, 2: franchise), and the yearly
  // caps a person's acts can reach: each kind they have, in each calendar year of the period.
  const kindsOf = profile.lines.map((line) =>
    line.segments.reduce((bits, facts) => (facts.deductionUnit === 0 ? bits : bits | (facts.deductionKind === "pf" ? 1 : 2)), 0),
  );
  const yearCount = (boundarySlot > 0 ? 1 : 0) + (boundarySlot < periodDays ? 1 : 0);
  const reachable = linesOf.map((lines) => {
    const kinds = lines.reduce((bits, l) => bits | kindsOf[l]!, 0);
    return { pf: kinds & 1 ? yearCount : 0, franchise: kinds & 2 ? yearCount : 0 };
  });
  const { pfPerDayCap, pfPerYearCap, franchisePerYearCap } = profile;
  for (let s = 0; s < count; s += 1) {
    let total = 0;
    for (let b = 0; b < linesOf.length; b += 1) {
      const lines = linesOf[b]!;
      const memo = memos[b]!;
      let key = 0;
      if (memo) for (let k = 0; k < lines.length; k += 1) key += samples[lines[k]!]![s]! * memo.strides[k]!;
      const slot = memo ? memo.find(key) : -1;
      if (slot >= 0) {
        total += memo!.firstYear[slot]!;
        total += memo!.secondYear[slot]!;
        continue;
      }
      let pf0 = 0;
      let pf1 = 0;
      let franchise0 = 0;
      let franchise1 = 0;
      let touchedCount = 0;
      let openPf = reachable[b]!.pf;
      let openFranchise = reachable[b]!.franchise;
      // Adds one deducted act; false once every reachable cap of the person is reached.
      const add = (code: number, unit: number): boolean => {
        if (code >= 0) {
          const before = perDay[code]!;
          if (before === 0) touched[touchedCount++] = code;
          perDay[code] = before + unit;
          const gained = Math.min(pfPerDayCap, before + unit) - Math.min(pfPerDayCap, before);
          if (code >= boundarySlot) {
            if (pf1 < pfPerYearCap && (pf1 += gained) >= pfPerYearCap) openPf -= 1;
          } else if (pf0 < pfPerYearCap && (pf0 += gained) >= pfPerYearCap) openPf -= 1;
        } else if (code === -1) {
          if (franchise0 < franchisePerYearCap && (franchise0 += unit) >= franchisePerYearCap) openFranchise -= 1;
        } else if (franchise1 < franchisePerYearCap && (franchise1 += unit) >= franchisePerYearCap) openFranchise -= 1;
        return openPf + openFranchise > 0;
      };
      walk: for (let k = 0; k < lines.length; k += 1) {
        const l = lines[k]!;
        // A line whose kinds of deduction are all capped in every year adds nothing more.
        const kinds = kindsOf[l]!;
        if ((kinds & 1 ? openPf : 0) + (kinds & 2 ? openFranchise : 0) === 0) continue;
        const n = samples[l]![s]!;
        if (tables) {
          const c = codes[l]![n] === undefined ? listDeductedActs(tables, l, n) : codes[l]![n];
          if (!c) continue;
          const u = units[l]![n]!;
          for (let i = 0; i < c.length; i += 1) if (!add(c[i]!, u[i]!)) break walk;
        } else {
          const line = profile.lines[l]!;
          for (let i = 0; i < n; i += 1) {
            const day = actDay(profile.periodStart, periodDays, i, n);
            const facts = line.segments[segmentIndex(line, day)]!;
            if (facts.deductionUnit !== 0 && !add(codeOf(facts.deductionKind, day - profile.periodStart), facts.deductionUnit)) break walk;
          }
        }
      }
      for (let t = 0; t < touchedCount; t += 1) perDay[touched[t]!] = 0;
      const firstYear = Math.min(pfPerYearCap, pf0) + Math.min(franchisePerYearCap, franchise0);
      const secondYear = Math.min(pfPerYearCap, pf1) + Math.min(franchisePerYearCap, franchise1);
      memo?.remember(slot, key, firstYear, secondYear);
      total += firstYear;
      total += secondYear;
    }
    out[s] = total;
  }
  return out;
}

/**
 * A person's deductions of a sampled year depend only on the counts of their lines, and
 * with Poisson counts the same combinations come back over and over: each is computed
 * once. Keys are the counts in mixed radix; an open-addressing table of fixed size, which
 * simply stops remembering when half full.
 */
class CountsMemo {
  private static readonly BITS = 11;
  private readonly keys = new Float64Array(1 << CountsMemo.BITS).fill(-1);
  readonly firstYear = new Float64Array(1 << CountsMemo.BITS);
  readonly secondYear = new Float64Array(1 << CountsMemo.BITS);
  private size = 0;

  private constructor(readonly strides: Float64Array) {}

  /** A memo for lines whose counts range over [0, radix); none when the keys would not be exact doubles. */
  static forRadices(radices: number[]): CountsMemo | null {
    const strides = new Float64Array(radices.length);
    let stride = 1;
    for (let k = 0; k < radices.length; k += 1) {
      strides[k] = stride;
      stride *= radices[k]!;
    }
    return stride <= Number.MAX_SAFE_INTEGER ? new CountsMemo(strides) : null;
  }

  /** The slot holding `key` (≥ 0), −2 − the free slot where it would go, or −1 when full. */
  find(key: number): number {
    const mask = (1 << CountsMemo.BITS) - 1;
    let slot = Math.imul((key >>> 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) >>> (32 - CountsMemo.BITS);
    for (;;) {
      const stored = this.keys[slot]!;
      if (stored === key) return slot;
      if (stored === -1) return this.size * 2 < mask ? -2 - slot : -1;
      slot = (slot + 1) & mask;
    }
  }

  remember(found: number, key: number, firstYear: number, secondYear: number): void {
    if (found === -1) return;
    const slot = -2 - found;
    this.keys[slot] = key;
    this.firstYear[slot] = firstYear;
    this.secondYear[slot] = secondYear;
    this.size += 1;
  }
}

interface CeilingGroup {
  lines: number[];
  period: 0 | 1;
  amount: number;
}

/**
 * A line under one offer. Most lines are linear in their count (one set of figures all
 * year, no waiting period, one ceiling period): N acts leave N × restPerAct and claim
 * N × claimPerAct. Others get a table over N (acts differ by date).
 */
interface LineModel {
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

function lineModel(terms: OfferTerms, stochastic: StochasticProfile, l: number): LineModel {
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
  tabulateByCounting(terms, l, ceiling, rest, [c0, c1]);
  return { ceiling, linear: false, restPerAct: 0, claimPerAct: 0, rest, claims: ceiling >= 0 ? [c0, c1] : null };
}

/**
 * rest[n] and claims[period][n] of a line whose figures change in the year, without
 * walking the n acts of each count (nmax² / 2 acts a line, per offer): the acts of a
 * year with n acts fall on days that grow with their rank, so between two days where the
 * line's figures may change (a new segment, the end of the waiting period, the ceiling's
 * new period) they form a run counted by a formula, and each run adds count × its act's
 * figures. Whole cents: the sums are those of the act-by-act walk exactly (the golden
 * digest was taken with the walk). Work: nmax × runs.
 */
function tabulateByCounting(terms: OfferTerms, l: number, ceiling: number, rest: Float64Array, claims: [Float64Array, Float64Array]): void {
  const profile = terms.profile;
  const line = profile.lines[l]!;
  const periodDays = profile.periodEnd - profile.periodStart;
  const changes = [...line.segmentStarts.slice(1), terms.waitEndDay(l)];
  if (ceiling >= 0) changes.push(terms.ceilingBoundary(ceiling));
  const cuts = [...new Set(changes)].filter((day) => day > profile.periodStart && day < profile.periodEnd).sort((a, b) => a - b);
  cuts.push(profile.periodEnd);
  // Acts of a year with n acts falling before `day`: the i with start + ⌊(2i + 1)·P / 2n⌋ < day,
  // that is (2i + 1)·P < 2n·t with t = day − start, so i < (⌊(2n·t − 1) / P⌋ + 1) / 2 (integers).
  const actsBefore = (n: number, day: number) => {
    const t = day - profile.periodStart;
    if (t <= 0) return 0;
    return Math.min(n, Math.floor((Math.floor((2 * n * t - 1) / periodDays) + 1) / 2));
  };
  // Each run's figures do not depend on n: taken once, at the run's first day.
  const runs = cuts.map((cut, k) => {
    const day = k === 0 ? profile.periodStart : cuts[k - 1]!;
    const t = terms.get(l, segmentIndex(line, day));
    if (terms.waiting(l, day)) return { cut, rest: t.price - t.secuGross, claim: 0, period: 0 };
    const rest = t.price - t.secuGross - t.fixed - (ceiling < 0 ? t.capped : 0);
    return { cut, rest, claim: ceiling < 0 ? 0 : t.capped, period: ceiling < 0 ? 0 : terms.ceilingPeriod(ceiling, day) };
  });
  for (let n = 1; n < rest.length; n += 1) {
    let first = 0;
    for (const run of runs) {
      const end = actsBefore(n, run.cut);
      const count = end - first;
      rest[n]! += count * run.rest;
      if (run.claim !== 0) claims[run.period]![n]! += count * run.claim;
      first = end;
    }
  }
}

export interface StochasticResult {
  /** Cents, not rounded. */
  expected: number;
  /** Cents: how far `expected` may be from the exact mean (0 when exact, see ceiling-mean.ts). */
  expectedMaxError: number;
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
  // Groups settled without a lattice first (every group of an ordinary profile); the
  // offer's budget is then shared by the groups left.
  let expectedMaxError = 0;
  const unsettled: { lines: CeilingLine[]; amount: number; lower: number; upper: number }[] = [];
  for (const group of groups.values()) {
    const lines: CeilingLine[] = group.lines.map((l) => ({ claims: models[l]!.claims![group.period], pmf: stochastic.pmf[l]! }));
    const cheap = settleCheaply(lines, group.amount);
    if (cheap.settled) {
      expected -= cheap.result.mean;
      expectedMaxError += cheap.result.maxError;
    } else unsettled.push({ lines, amount: group.amount, lower: cheap.lower, upper: cheap.upper });
  }
  for (const group of unsettled) {
    const paid = boundByLattice(group.lines, group.amount, group, stochastic.ceilingWork / unsettled.length);
    expected -= paid.mean;
    expectedMaxError += paid.maxError;
  }

  const S = stochastic.sampleCount;
  if (S === 0) return { expected, expectedMaxError, badYear: Number.NaN };
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
  return { expected, expectedMaxError, badYear: selectKth(totals, Math.ceil(0.9 * S) - 1) };
}
