import { evaluateAct, type ActTerms } from "./act-terms";
import type { CeilingPeriods, CompiledProfile } from "./compile-profile";
import type { CompiledOffer } from "./compile-offer";
import { RAC_REASONS, type RacReason } from "./types";
import type { Schedule } from "./schedule";
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
}

export function sharedLine(): SharedLine {
  return { acts: [], model: undefined };
}

/** Terms of every (line, segment) under one offer, computed on first use. */
export class OfferTerms {
  /** One per line: this offer's own, or shared with offers of the same terms for that line. */
  readonly lines: SharedLine[];
  private readonly waitEnd: number[];

  constructor(
    readonly profile: CompiledProfile,
    readonly offer: CompiledOffer,
    lines?: SharedLine[],
  ) {
    this.lines = lines ?? profile.lines.map(sharedLine);
    this.waitEnd = profile.lines.map((line) => profile.waitEndByMonths[offer.guarantee(line.guarantee).waitingMonths]!);
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
    return this.waitEnd[line]!;
  }

  /** Acts before the end of the waiting period get no mutuelle share (the Sécu still pays). */
  waiting(line: number, day: number): boolean {
    return day < this.waitEnd[line]!;
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
        let paidCapped = t.capped;
        if (t.ceiling >= 0 && t.capped > 0) {
          const period = terms.ceilingPeriod(t.ceiling, act.day);
          const slot = t.ceiling * 2 + period;
          const left = Math.max(0, terms.ceilingAmount(t.ceiling, period) - used[slot]!);
          paidCapped = Math.min(t.capped, left);
          used[slot]! += paidCapped;
          lostToCeiling = t.capped - paidCapped;
        }
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
