import { evaluateAct, type ActTerms } from "./act-terms";
import type { CeilingPeriods, CompiledProfile } from "./compile-profile";
import type { CompiledOffer } from "./compile-offer";
import { RAC_REASONS, type RacReason } from "./types";
import type { ScheduledAct, Schedule } from "./schedule";
import type { LineModel } from "./stochastic";

/** Index of each reason in a reason vector (a Float64Array of RAC_REASONS.length cents amounts). */
export const REASON_INDEX = Object.fromEntries(RAC_REASONS.map((reason, index) => [reason, index])) as Record<RacReason, number>;
const PF = REASON_INDEX["participation-forfaitaire"];
const FRANCHISE = REASON_INDEX.franchise;
const OUT_OF_PARCOURS = REASON_INDEX["out-of-parcours"];
const LEGAL_CAP = REASON_INDEX["legal-cap"];
const WAITING = REASON_INDEX["waiting-period"];
const CEILING = REASON_INDEX["ceiling-reached"];

export function reasonVector(): Float64Array {
  return new Float64Array(RAC_REASONS.length);
}

/** The Sécu/mutuelle/RAC split of one act, in cents, with the reasons for its RAC. */
export interface ActResult {
  line: number;
  day: number;
  br: number;
  price: number;
  secu: number;
  mutuelle: number;
  rac: number;
  reasons: Float64Array;
}

export interface YearTotals {
  price: number;
  secu: number;
  mutuelle: number;
  rac: number;
}

/**
 * What one care line computes under any offer with the same terms for it (the same
 * CompiledOffer.termsKey): its acts' terms per segment and its yearly model, filled on
 * first use and shared by those offers.
 */
export interface SharedLine {
  acts: (ActTerms | undefined)[];
  model: LineModel | undefined;
  /**
   * The scenario year's RAC of the line's acts when they draw on no ceiling (then it
   * depends on the line's terms alone); NaN when they do (walked with the other lines of
   * that ceiling, see scenarioRac).
   */
  scenarioRac: number | undefined;
}

export function sharedLine(): SharedLine {
  return { acts: [], model: undefined, scenarioRac: undefined };
}

/** Terms of every (line, segment) under one offer, computed on first use. */
export class OfferTerms {
  /** One per line: this offer's own, or shared with offers of the same terms for that line. */
  readonly lines: SharedLine[];
  /** By line, filled when first read (−1 before): a model of one line never reads the others'. */
  private readonly waitEnd: Int32Array;

  constructor(
    readonly profile: CompiledProfile,
    readonly offer: CompiledOffer,
    lines?: SharedLine[],
  ) {
    this.lines = lines ?? profile.lines.map(sharedLine);
    this.waitEnd = new Int32Array(profile.lines.length).fill(-1);
  }

  get(line: number, segment: number): ActTerms {
    const row = this.lines[line]!.acts;
    let terms = row[segment];
    if (terms === undefined) {
      const compiled = this.profile.lines[line]!;
      terms = evaluateAct(this.offer, compiled, compiled.segments[segment]!);
      row[segment] = terms;
    }
    return terms;
  }

  /** First day with a mutuelle share for this line. */
  waitEndDay(line: number): number {
    const known = this.waitEnd[line]!;
    if (known >= 0) return known;
    const day = this.profile.waitEndByMonths[this.offer.guaranteeAt(this.profile.lines[line]!.guaranteeIndex).waitingMonths]!;
    this.waitEnd[line] = day;
    return day;
  }

  /** Acts before the end of the waiting period get no mutuelle share (the Sécu still pays). */
  waiting(line: number, day: number): boolean {
    return day < this.waitEndDay(line);
  }

  /** Budget of a ceiling for the first (0) or second (1) period of the simulated year. */
  ceilingAmount(ceiling: number, period: number): number {
    const compiled = this.offer.ceilings[ceiling]!;
    return this.periodsOf(ceiling).firstYear[period] ? compiled.firstYearAmount : compiled.amount;
  }

  /** 2 when the simulated year straddles two periods of this ceiling (new calendar or membership year). */
  ceilingPeriodCount(ceiling: number): number {
    return this.periodsOf(ceiling).boundary < this.profile.periodEnd ? 2 : 1;
  }

  ceilingPeriod(ceiling: number, day: number): number {
    return day >= this.periodsOf(ceiling).boundary ? 1 : 0;
  }

  /** First day of a ceiling's second period. */
  ceilingBoundary(ceiling: number): number {
    return this.periodsOf(ceiling).boundary;
  }

  private periodsOf(ceiling: number): CeilingPeriods {
    return this.offer.ceilings[ceiling]!.period === "calendar" ? this.profile.calendar : this.profile.membership;
  }
}

/**
 * One year of acts under one offer: annual ceilings are consumed by the acts in the
 * order they occur. `reasons`, when given, receives the year's reasons; `onAct`, when
 * given, every act's split and reasons.
 */
export function simulateYear(
  terms: OfferTerms,
  schedule: Schedule,
  reasons: Float64Array | null,
  onAct?: (act: ActResult) => void,
): YearTotals {
  const totals: YearTotals = { price: 0, secu: 0, mutuelle: 0, rac: 0 };
  const ceilingCount = terms.offer.ceilings.length;
  const used = new Array<number>(ceilingCount * 2);
  const lines = terms.profile.lines;
  for (const acts of schedule.acts) {
    used.fill(0);
    for (const act of acts) {
      const t = terms.get(act.line, act.segment);
      const secu = t.secuGross - act.deduction;
      const waiting = terms.waiting(act.line, act.day);
      let mutuelle = 0;
      let lostToCeiling = 0;
      if (!waiting) {
        const paidCapped = paidFromCeiling(terms, t, act.day, used);
        lostToCeiling = t.capped - paidCapped;
        mutuelle = t.fixed + paidCapped;
      }
      const rac = t.price - secu - mutuelle;
      totals.price += t.price;
      totals.secu += secu;
      totals.mutuelle += mutuelle;
      totals.rac += rac;
      if (reasons === null && onAct === undefined) continue;
      const facts = lines[act.line]!.segments[act.segment]!;
      const r = onAct ? reasonVector() : reasons!;
      r[facts.deductionKind === "franchise" ? FRANCHISE : PF]! += act.deduction;
      r[OUT_OF_PARCOURS]! += t.nonCoverable;
      r[REASON_INDEX[t.uncoveredReason]]! += t.uncovered;
      r[LEGAL_CAP]! += t.legalCap;
      if (waiting) r[WAITING]! += t.fixed + t.capped;
      r[CEILING]! += lostToCeiling;
      if (onAct) {
        if (reasons) for (let i = 0; i < r.length; i += 1) reasons[i]! += r[i]!;
        onAct({ line: act.line, day: act.day, br: facts.br, price: t.price, secu, mutuelle, rac, reasons: r });
      }
    }
  }
  return totals;
}

/**
 * What an act's capped part gets paid: all of it without a ceiling, else what the
 * ceiling has left in its period (`used`: consumed so far, by ceiling × 2 + period).
 */
function paidFromCeiling(terms: OfferTerms, t: ActTerms, day: number, used: number[]): number {
  if (t.ceiling < 0 || t.capped <= 0) return t.capped;
  const period = terms.ceilingPeriod(t.ceiling, day);
  const slot = t.ceiling * 2 + period;
  const left = Math.max(0, terms.ceilingAmount(t.ceiling, period) - used[slot]!);
  const paid = Math.min(t.capped, left);
  used[slot]! += paid;
  return paid;
}

/** Arrays scenarioRac reuses from one offer to the next: ceilings' consumption, beneficiaries to walk. */
export interface ScenarioScratch {
  used: number[];
  walk: Uint8Array;
}

/** The schedule's acts by line (offer-independent: computed once per quote for scenarioRac). */
export function actsByLine(profile: CompiledProfile, schedule: Schedule): ScheduledAct[][] {
  const byLine: ScheduledAct[][] = profile.lines.map(() => []);
  for (const acts of schedule.acts) for (const act of acts) byLine[act.line]!.push(act);
  return byLine;
}

/**
 * simulateYear's RAC alone (the figures output in scenario mode), in whole cents, so
 * the same whatever the order of the sums. Lines are independent but for the ceilings
 * they share: a line whose offer has no ceiling for it leaves a RAC that depends on its
 * terms only, computed once for the offers sharing them (SharedLine.scenarioRac); the
 * lines drawing on a ceiling are walked in date order as simulateYear does.
 */
export function scenarioRac(terms: OfferTerms, schedule: Schedule, byLine: ScheduledAct[][], scratch: ScenarioScratch): number {
  const { used, walk } = scratch;
  let rac = 0;
  let walking = false;
  walk.fill(0);
  const lines = terms.profile.lines;
  for (let l = 0; l < byLine.length; l += 1) {
    const shared = terms.lines[l]!;
    if (shared.scenarioRac === undefined) shared.scenarioRac = terms.offer.guaranteeAt(lines[l]!.guaranteeIndex).ceiling >= 0 ? Number.NaN : lineRac(terms, byLine[l]!, used);
    if (Number.isNaN(shared.scenarioRac)) {
      walk[lines[l]!.beneficiaryIndex] = 1;
      walking = true;
    } else rac += shared.scenarioRac;
  }
  if (!walking) return rac;
  used.length = terms.offer.ceilings.length * 2;
  for (let b = 0; b < schedule.acts.length; b += 1) {
    if (walk[b] === 0) continue;
    used.fill(0);
    for (const act of schedule.acts[b]!) if (Number.isNaN(terms.lines[act.line]!.scenarioRac)) rac += actRac(terms, act, used);
  }
  return rac;
}

function lineRac(terms: OfferTerms, acts: readonly ScheduledAct[], used: number[]): number {
  let rac = 0;
  for (const act of acts) rac += actRac(terms, act, used);
  return rac;
}

/** One act's RAC as simulateYear computes it. */
function actRac(terms: OfferTerms, act: ScheduledAct, used: number[]): number {
  const t = terms.get(act.line, act.segment);
  const mutuelle = terms.waiting(act.line, act.day) ? 0 : t.fixed + paidFromCeiling(terms, t, act.day, used);
  return t.price - (t.secuGross - act.deduction) - mutuelle;
}
