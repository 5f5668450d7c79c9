import type { Offer } from "../schemas/offer";
import type { Profile } from "../schemas/profile";
import { buildBreakdown, reasonList } from "./breakdown";
import { CompiledOffer } from "./compile-offer";
import { compileProfile, periodLabel } from "./compile-profile";
import { centsToMoney } from "./money";
import { expectLines } from "./expected-lines";
import { annualPremium } from "./premium";
import { REFERENCE } from "./reference/secu-fr";
import { compareIds, findDominated, rankOrder, type Ranked } from "./ranking";
import { OfferTerms, reasonVector, simulateYear } from "./scenario";
import { scheduleYear } from "./schedule";
import { DEFAULT_STOCHASTIC_OPTIONS, evaluateStochastic, prepareStochastic, type CeilingPayment, type StochasticOptions } from "./stochastic";
import type { IneligibleOffer, OfferQuote, QuoteResult, SortKey } from "./types";
import { QuoteTooLargeError, ceilingWorkPerOffer, estimateQuoteWork, quoteWorkBudget } from "./work-budget";

export interface QuoteOptions {
  /** "total" (premium + expected RAC, the default) or "rac" (expected RAC). */
  sort?: SortKey;
  /** Care year; default: the first twelve months from the profile's start date. */
  year?: number;
  /** Per-act breakdown for every offer (default true); false for ranking only. */
  breakdown?: boolean;
  /**
   * "full" (default): scenario, expected and bad year. "scenario": the year as entered
   * only; expectedRac and badYearRac are null and ranking uses the scenario RAC.
   */
  mode?: "full" | "scenario";
  /**
   * Full mode only: false leaves badYearRac null. The bad year needs every sampled year
   * of every offer, so a ranking that shows a page of offers asks it for that page only.
   */
  badYear?: boolean;
  monteCarlo?: Partial<StochasticOptions>;
}

/**
 * Quotes every offer of a catalogue for one household profile and ranks them. Inputs
 * are the parsed (zod output) Offer and Profile; the result is plain data. The work is
 * estimated first (work-budget.ts): past the budget, a QuoteTooLargeError and nothing
 * computed.
 */
export function quoteOffers(offers: readonly Offer[], profile: Profile, options: QuoteOptions = {}): QuoteResult {
  const sort = options.sort ?? "total";
  const mode = options.mode ?? "full";
  const withBreakdown = options.breakdown ?? true;
  const compiled = compileProfile(profile, options.year);
  const schedule = scheduleYear(
    compiled,
    compiled.lines.map((line) => line.scenarioCount),
  );
  const stochasticOptions = {
    ...DEFAULT_STOCHASTIC_OPTIONS,
    ceilingWork: ceilingWorkPerOffer(offers.length),
    ...options.monteCarlo,
  };
  const work = estimateQuoteWork(compiled, { offerCount: offers.length, mode, breakdown: withBreakdown, stochastic: stochasticOptions });
  if (work > quoteWorkBudget(offers.length, stochasticOptions)) throw new QuoteTooLargeError(work);
  const stochastic = mode === "full" ? prepareStochastic(compiled, stochasticOptions) : null;
  const scratch = new Float64Array(stochasticOptions.sampleCount);

  const ranked: Ranked<OfferQuote>[] = [];
  const ineligible: IneligibleOffer[] = [];
  for (const offer of offers) {
    const premium = annualPremium(offer, compiled.beneficiaries, compiled.department);
    if (!premium.ok) {
      ineligible.push({ offerId: offer.id, insurer: offer.insurer.name, formula: offer.formula, reason: premium.reason });
      continue;
    }
    const terms = new OfferTerms(compiled, new CompiledOffer(offer));
    let expected: number | null = null;
    let badYear: number | null = null;
    let expectedMaxError = 0;
    let ceilings: CeilingPayment[] = [];
    if (stochastic) {
      const result = evaluateStochastic(terms, stochastic, scratch, options.badYear ?? true);
      expected = Math.max(0, Math.round(result.expected));
      badYear = Number.isNaN(result.badYear) ? null : result.badYear;
      expectedMaxError = result.expectedMaxError;
      ceilings = result.ceilings;
    }
    let scenario;
    let reasons;
    let breakdown = null;
    if (withBreakdown) {
      const lines = stochastic && expected !== null ? expectLines(terms, stochastic, expected, ceilings) : null;
      const built = buildBreakdown(terms, schedule, premium.perBeneficiary, lines);
      scenario = built.totals;
      reasons = built.reasons;
      breakdown = built.beneficiaries;
    } else {
      reasons = reasonVector();
      scenario = simulateYear(terms, schedule, reasons);
    }
    expected ??= scenario.rac;
    const quote: OfferQuote = {
      offerId: offer.id,
      insurer: offer.insurer.name,
      formula: offer.formula,
      level: offer.level,
      responsable: offer.responsable,
      rank: 0,
      annualPremium: centsToMoney(premium.total),
      // Written out, not spread from the breakdown's split(): a spread costs ~10 % of a scenario-mode quote.
      scenario: {
        price: centsToMoney(scenario.price),
        secu: centsToMoney(scenario.secu),
        mutuelle: centsToMoney(scenario.mutuelle),
        rac: centsToMoney(scenario.rac),
        reasons: reasonList(reasons),
      },
      expectedRac: stochastic ? centsToMoney(expected) : null,
      badYearRac: badYear === null ? null : centsToMoney(badYear),
      totalCost: centsToMoney(premium.total + expected),
      dominatedBy: null,
      breakdown,
    };
    // Only on bounded figures: exact quotes keep the shape (and bytes) they always had.
    if (expectedMaxError > 0) {
      quote.expectedMethod = "bounded";
      quote.expectedMaxError = centsToMoney(Math.ceil(expectedMaxError));
    }
    ranked.push({ id: offer.id, premium: premium.total, rac: expected, value: quote });
  }

  const order = rankOrder(ranked, sort);
  const dominated = findDominated(ranked);
  const quotes = order.map((entry, index) => {
    entry.value.rank = index + 1;
    entry.value.dominatedBy = dominated.get(entry.id) ?? null;
    return entry.value;
  });
  ineligible.sort((a, b) => compareIds(a.offerId, b.offerId));
  return {
    referenceVersion: REFERENCE.version,
    period: periodLabel(compiled),
    sort,
    monteCarloSamples: stochastic ? stochastic.sampleCount : 0,
    offers: quotes,
    ineligible,
  };
}
