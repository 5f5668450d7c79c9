import { evaluateAct, type ActTerms } from "./act-terms";
import type { CompiledProfile } from "./compile-profile";
import type { CompiledOffer } from "./compile-offer";
import { addMonths } from "./dates";
import type { RacReason } from "./types";
import type { Schedule } from "./schedule";

/** The Sécu/mutuelle/RAC split of one act, in cents, with the reasons for its RAC. */
export interface ActResult {
  line: number;
  day: number;
  br: number;
  price: number;
  secu: number;
  mutuelle: number;
  rac: number;
  reasons: Partial<Record<RacReason, number>>;
}

export interface YearTotals {
  price: number;
  secu: number;
  mutuelle: number;
  rac: number;
}

/** Terms of every (line, segment) under one offer, computed on first use. */
export class OfferTerms {
  private readonly cache: (ActTerms | undefined)[][];
  private readonly waitEnd: number[];

  constructor(
    readonly profile: CompiledProfile,
    readonly offer: CompiledOffer,
  ) {
    this.cache = profile.lines.map(() => []);
    this.waitEnd = profile.lines.map((line) =>
      addMonths(profile.startDay, offer.guarantees[line.guarantee].waitingMonths),
    );
  }

  get(line: number, segment: number): ActTerms {
    const row = this.cache[line]!;
    let terms = row[segment];
    if (terms === undefined) {
      const compiled = this.profile.lines[line]!;
      terms = evaluateAct(this.offer, compiled, compiled.segments[segment]!, compiled.segmentStarts[segment]!);
      row[segment] = terms;
    }
    return terms;
  }

  /** Acts before the end of the waiting period get no mutuelle share (the Sécu still pays). */
  waiting(line: number, day: number): boolean {
    return day < this.waitEnd[line]!;
  }

  /** Budget of a ceiling for the first (0) or second (1) period of the simulated year. */
  ceilingAmount(ceiling: number, period: number): number {
    const compiled = this.offer.ceilings[ceiling]!;
    const periods = compiled.period === "calendar" ? this.profile.calendar : this.profile.membership;
    return periods.firstYear[period] ? compiled.firstYearAmount : compiled.amount;
  }

  /** 2 when the simulated year straddles two periods of this ceiling (new calendar or membership year). */
  ceilingPeriodCount(ceiling: number): number {
    const compiled = this.offer.ceilings[ceiling]!;
    const periods = compiled.period === "calendar" ? this.profile.calendar : this.profile.membership;
    return periods.boundary < this.profile.periodEnd ? 2 : 1;
  }

  ceilingPeriod(ceiling: number, day: number): number {
    const compiled = this.offer.ceilings[ceiling]!;
    const periods = compiled.period === "calendar" ? this.profile.calendar : this.profile.membership;
    return day >= periods.boundary ? 1 : 0;
  }
}

/**
 * One year of acts under one offer: annual ceilings are consumed by the acts in the
 * order they occur. With `onAct`, every act's split and reasons are reported.
 */
export function simulateYear(terms: OfferTerms, schedule: Schedule, onAct?: (act: ActResult) => void): YearTotals {
  const totals: YearTotals = { price: 0, secu: 0, mutuelle: 0, rac: 0 };
  const ceilingCount = terms.offer.ceilings.length;
  const used = new Array<number>(ceilingCount * 2);
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
          const slot = t.ceiling * 2 + terms.ceilingPeriod(t.ceiling, act.day);
          const left = Math.max(0, terms.ceilingAmount(t.ceiling, slot & 1) - used[slot]!);
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
      if (onAct) {
        const facts = terms.profile.lines[act.line]!.segments[act.segment]!;
        const reasons: Partial<Record<RacReason, number>> = {};
        const add = (reason: RacReason, amount: number) => {
          if (amount > 0) reasons[reason] = (reasons[reason] ?? 0) + amount;
        };
        add(facts.deductionKind === "franchise" ? "franchise" : "participation-forfaitaire", act.deduction);
        add("out-of-parcours", t.nonCoverable);
        add(t.uncoveredReason, t.uncovered);
        add("legal-cap", t.legalCap);
        add("waiting-period", waiting ? t.fixed + t.capped : 0);
        add("ceiling-reached", lostToCeiling);
        onAct({ line: act.line, day: act.day, br: facts.br, price: t.price, secu, mutuelle, rac, reasons });
      }
    }
  }
  return totals;
}
