import Decimal from "decimal.js";
import type { ActBreakdown, ReasonAmount, Split } from "@/lib/engine";

/**
 * Repeated acts of a care line, as the explanation page shows them: consecutive acts with
 * the same figures and reasons (the same session every week, before the ceiling is
 * reached) make one row with their count and dates, instead of one row per act (a year of
 * daily boxes was 366 rows a line). A row's figures are the sums of its acts, so each row
 * still reconciles: billed = Sécu + mutuelle + reste à charge, to the cent.
 */
export interface ActGroup extends Split {
  count: number;
  firstDate: string;
  lastDate: string;
  /** One act's figures, when count > 1. */
  each: Split;
  reasons: ReasonAmount[];
}

const sameFigures = (a: ActBreakdown, b: ActBreakdown) =>
  a.price === b.price &&
  a.br === b.br &&
  a.secu === b.secu &&
  a.mutuelle === b.mutuelle &&
  a.rac === b.rac &&
  a.reasons.length === b.reasons.length &&
  a.reasons.every((reason, i) => reason.reason === b.reasons[i]!.reason && reason.amount === b.reasons[i]!.amount);

const times = (amount: string, count: number) => new Decimal(amount).times(count).toFixed(2);

export function groupRepeatedActs(acts: readonly ActBreakdown[]): ActGroup[] {
  const groups: { first: ActBreakdown; last: ActBreakdown; count: number }[] = [];
  for (const act of acts) {
    const current = groups.at(-1);
    if (current && sameFigures(current.first, act)) {
      current.last = act;
      current.count += 1;
    } else groups.push({ first: act, last: act, count: 1 });
  }
  return groups.map(({ first, last, count }) => ({
    count,
    firstDate: first.date,
    lastDate: last.date,
    each: { price: first.price, secu: first.secu, mutuelle: first.mutuelle, rac: first.rac },
    price: times(first.price, count),
    secu: times(first.secu, count),
    mutuelle: times(first.mutuelle, count),
    rac: times(first.rac, count),
    reasons: first.reasons.map((reason) => ({ ...reason, amount: times(reason.amount, count) })),
  }));
}
