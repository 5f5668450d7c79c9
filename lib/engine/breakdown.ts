import { GUARANTEE_CATEGORY_LABELS, type GuaranteeCategory } from "../schemas/care-category";
import { isoDate } from "./dates";
import { centsToMoney } from "./money";
import type { LineExpectation } from "./expected-lines";
import { reasonVector, simulateYear, type ActResult, type OfferTerms, type YearTotals } from "./scenario";
import type { Schedule } from "./schedule";
import {
  RAC_REASONS,
  RAC_REASON_LABELS,
  type ActBreakdown,
  type BeneficiaryBreakdown,
  type CategoryBreakdown,
  type LineBreakdown,
  type RacReason,
  type ReasonAmount,
  type Split,
} from "./types";

type Sums = YearTotals;

const zero = (): Sums => ({ price: 0, secu: 0, mutuelle: 0, rac: 0 });
const addTo = (sums: Sums, part: Sums) => {
  sums.price += part.price;
  sums.secu += part.secu;
  sums.mutuelle += part.mutuelle;
  sums.rac += part.rac;
};

/** Cents totals as money strings. */
const split = (sums: Sums): Split => ({
  price: centsToMoney(sums.price),
  secu: centsToMoney(sums.secu),
  mutuelle: centsToMoney(sums.mutuelle),
  rac: centsToMoney(sums.rac),
});

export function reasonList(reasons: Float64Array): ReasonAmount[] {
  const list: ReasonAmount[] = [];
  RAC_REASONS.forEach((reason: RacReason, index) => {
    const amount = reasons[index]!;
    if (amount > 0) list.push({ reason, amount: centsToMoney(amount), message: RAC_REASON_LABELS[reason] });
  });
  return list;
}

function mergeReasons(into: Float64Array, from: Float64Array) {
  for (let i = 0; i < into.length; i += 1) into[i]! += from[i]!;
}

/**
 * The scenario year under one offer, per beneficiary, guarantee category, care line and
 * act; each level's figures are the exact sums of the level below. With `expected` (one
 * per line), each line, category and beneficiary also carries its expected figures,
 * summed the same way.
 */
export function buildBreakdown(
  terms: OfferTerms,
  schedule: Schedule,
  premiums: number[],
  expected: LineExpectation[] | null = null,
): { beneficiaries: BeneficiaryBreakdown[]; totals: Sums; reasons: Float64Array } {
  const profile = terms.profile;
  const actsByLine = profile.lines.map((): ActResult[] => []);
  const allReasons = reasonVector();
  const totals = simulateYear(terms, schedule, allReasons, (act) => actsByLine[act.line]!.push(act));

  const beneficiaries = profile.beneficiaries.map((beneficiary): BeneficiaryBreakdown => {
    const beneficiarySums = zero();
    const beneficiaryExpected = zero();
    const beneficiaryReasons = reasonVector();
    const categories = new Map<GuaranteeCategory, { sums: Sums; expected: Sums; lines: LineBreakdown[] }>();
    for (const lineIndex of beneficiary.lineIndexes) {
      const line = profile.lines[lineIndex]!;
      const lineSums = zero();
      const acts: ActBreakdown[] = actsByLine[lineIndex]!.map((act) => {
        addTo(lineSums, act);
        addTo(beneficiarySums, act);
        mergeReasons(beneficiaryReasons, act.reasons);
        return {
          date: isoDate(act.day),
          br: centsToMoney(act.br),
          ...split(act),
          reasons: reasonList(act.reasons),
        };
      });
      let category = categories.get(line.guarantee);
      if (!category) {
        category = { sums: zero(), expected: zero(), lines: [] };
        categories.set(line.guarantee, category);
      }
      addTo(category.sums, lineSums);
      const lineExpected = expected?.[lineIndex];
      if (lineExpected) {
        addTo(category.expected, lineExpected);
        addTo(beneficiaryExpected, lineExpected);
      }
      category.lines.push({
        lineIndex: line.lineIndex,
        category: line.category,
        label: line.label,
        sector: line.sector,
        count: acts.length,
        ...split(lineSums),
        acts,
        expected: lineExpected ? { count: lineExpected.count, ...split(lineExpected) } : null,
      });
    }
    return {
      beneficiaryIndex: beneficiary.index,
      label: beneficiary.label,
      annualPremium: centsToMoney(premiums[beneficiary.index] ?? 0),
      ...split(beneficiarySums),
      reasons: reasonList(beneficiaryReasons),
      categories: [...categories].map(
        ([guarantee, { sums, expected: categoryExpected, lines }]): CategoryBreakdown => ({
          guarantee,
          label: GUARANTEE_CATEGORY_LABELS[guarantee],
          ...split(sums),
          lines,
          expected: expected ? split(categoryExpected) : null,
        }),
      ),
      expected: expected ? split(beneficiaryExpected) : null,
    };
  });
  return { beneficiaries, totals, reasons: allReasons };
}
