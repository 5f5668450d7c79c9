import type { Offer } from "../schemas/offer";
import type { Profile } from "../schemas/profile";
import { buildBreakdown, reasonList } from "./breakdown";
import { compileCatalogue, lineTermsSlot, perCatalogue, type CompiledCatalogue, type CompiledOffer } from "./compile-offer";
import { compileProfile, periodLabel, type CompiledProfile } from "./compile-profile";
import { centsToMoney } from "./money";
import { ExpectedByTerms } from "./expected-by-terms";
import { expectLines } from "./expected-lines";
import { annualPremium, premiumColumns, premiumRefusal } from "./premium";
import { REFERENCE } from "./reference/secu-fr";
import { compareIds, findDominated, rankFigures, rankOrder, type Ranked } from "./ranking";
import { OfferTerms, actsByLine, reasonVector, scenarioRac, sharedLine, simulateYear, type SharedLine, type YearTotals } from "./scenario";
import { scheduleYear, type Schedule } from "./schedule";
import { DEFAULT_STOCHASTIC_OPTIONS, evaluateStochastic, prepareStochastic, type CeilingPayment, type StochasticOptions, type StochasticProfile, type StochasticResult } from "./stochastic";
import type { IneligibleOffer, OfferQuote, QuoteFigures, QuoteResult, ReasonAmount, SortKey } from "./types";
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

/** rankOffers' options: what a figure depends on (no breakdown, no bad year). */
export type RankOptions = Omit<QuoteOptions, "breakdown" | "badYear"> & {
  /**
   * Also quote the first n offers of the ranking (scenario and bad year, no breakdown), on
   * the same sampled years: the page a ranking is asked for first, in the same call.
   */
  quoteFirst?: number;
};

/**
 * The last profile's sampled years and deductions (tens of milliseconds for 50 000 years,
 * the same for 20 offers as for 10 000): a ranking without the bad year is followed by
 * the bad year of its page, on the same profile. Read only once made; the same inputs
 * give the same samples (fixed seed), so the figures are those of a fresh preparation.
 */
let lastPrepared: { key: string; stochastic: StochasticProfile } | null = null;

export function preparedFor(profile: Profile, year: number | undefined, options: StochasticOptions, prepare: () => StochasticProfile): StochasticProfile {
  // The ceilings' work budget is per offer (it depends on how many are quoted), not part of the samples.
  const { ceilingWork, ...sampling } = options;
  const key = JSON.stringify([profile, year ?? null, sampling]);
  if (lastPrepared?.key !== key) lastPrepared = { key, stochastic: prepare() };
  return { ...lastPrepared.stochastic, ceilingWork };
}

function isCompiledCatalogue(offers: readonly Offer[] | CompiledCatalogue): offers is CompiledCatalogue {
  return !Array.isArray(offers);
}

/** An offer's figures on the profile, computed once for the offers with the same terms (quoteOffers). */
interface SharedFigures {
  terms: OfferTerms;
  stochastic: StochasticResult | null;
  /** Scenario totals and reasons (ranking only: with a breakdown they come from it, per offer). */
  scenario: YearTotals | null;
  reasons: ReasonAmount[] | null;
}

/**
 * What offers share on one profile. Per care line, the offers with the same terms for it
 * (CompiledOffer.termsId) share one SharedLine: its acts' terms and yearly model are
 * computed once. Offers with the same terms on every line share every figure.
 */
class SharedTerms {
  readonly figures = new Map<string, SharedFigures>();
  /** byLine[line][termsId]. */
  private readonly byLine: SharedLine[][];
  /** Per line, where offers keep its terms number (CompiledOffer.termsIdAt). */
  private readonly slots: number[];
  /** The last offer's numbers, two UTF-16 code units each (the key's characters). */
  private readonly codes: number[];

  constructor(profile: CompiledProfile) {
    this.byLine = profile.lines.map(() => []);
    this.slots = profile.lines.map(lineTermsSlot);
    this.codes = new Array<number>(2 * profile.lines.length).fill(0);
  }

  /** The key of the offer's terms on this profile: its lines' terms numbers. */
  keyOf(offer: CompiledOffer): string {
    const codes = this.codes;
    for (let l = 0; l < this.slots.length; l += 1) {
      const id = offer.termsIdAt(this.slots[l]!);
      codes[2 * l] = id >>> 16;
      codes[2 * l + 1] = id & 0xffff;
    }
    return String.fromCharCode(...codes);
  }

  /** The shared parts of the offer's lines. */
  linesOf(offer: CompiledOffer): SharedLine[] {
    return this.slots.map((slot, l) => (this.byLine[l]![offer.termsIdAt(slot)] ??= sharedLine()));
  }
}

/** What a quote or a ranking starts from, once its work is known to fit the budget. */
interface Run {
  compiled: CompiledProfile;
  schedule: Schedule;
  catalogue: CompiledCatalogue;
  stochasticOptions: StochasticOptions;
  /** Null in scenario mode. */
  stochastic: StochasticProfile | null;
  shared: SharedTerms;
  sort: SortKey;
}

/**
 * The work is estimated first (work-budget.ts): past the budget, a QuoteTooLargeError and
 * nothing computed.
 */
function startRun(offers: readonly Offer[] | CompiledCatalogue, profile: Profile, options: QuoteOptions, breakdown: boolean): Run {
  const offerCount = isCompiledCatalogue(offers) ? offers.offers.length : offers.length;
  const mode = options.mode ?? "full";
  const compiled = compileProfile(profile, options.year);
  const schedule = scheduleYear(
    compiled,
    compiled.lines.map((line) => line.scenarioCount),
  );
  const stochasticOptions = {
    ...DEFAULT_STOCHASTIC_OPTIONS,
    ceilingWork: ceilingWorkPerOffer(offerCount),
    ...options.monteCarlo,
  };
  const work = estimateQuoteWork(compiled, { offerCount, mode, breakdown, stochastic: stochasticOptions });
  if (work > quoteWorkBudget(offerCount, stochasticOptions)) throw new QuoteTooLargeError(work);
  // Compiled after the budget check: a refusal costs nothing.
  const catalogue = isCompiledCatalogue(offers) ? offers : compileCatalogue(offers);
  const stochastic = mode === "full" ? preparedFor(profile, options.year, stochasticOptions, () => prepareStochastic(compiled, stochasticOptions)) : null;
  return { compiled, schedule, catalogue, stochasticOptions, stochastic, shared: new SharedTerms(compiled), sort: options.sort ?? "total" };
}

/**
 * Quotes every offer of a catalogue for one household profile and ranks them. Inputs
 * are the parsed (zod output) Offer and Profile; the result is plain data.
 */
export function quoteOffers(offers: readonly Offer[] | CompiledCatalogue, profile: Profile, options: QuoteOptions = {}): QuoteResult {
  const withBreakdown = options.breakdown ?? true;
  const { compiled, schedule, catalogue, stochasticOptions, stochastic, shared, sort } = startRun(offers, profile, options, withBreakdown);
  const scratch = new Float64Array(stochasticOptions.sampleCount);
  const withBadYear = options.badYear ?? true;

  const premiumPicks = new Map<number, Int32Array>();
  const ranked: Ranked<OfferQuote>[] = [];
  const ineligible: IneligibleOffer[] = [];
  for (const compiledOffer of catalogue.offers) {
    const offer = compiledOffer.offer;
    const premium = annualPremium(compiledOffer, compiled.beneficiaries, compiled.department, premiumPicks);
    if (!premium.ok) {
      ineligible.push({ offerId: offer.id, insurer: offer.insurer.name, formula: offer.formula, reason: premium.reason });
      continue;
    }
    // Offers with the same terms for every line of the profile (regional and age variants
    // of one formula) share their figures: computed for the first, read by the others.
    const key = shared.keyOf(compiledOffer);
    let figures = shared.figures.get(key);
    if (figures === undefined) {
      const terms = new OfferTerms(compiled, compiledOffer, shared.linesOf(compiledOffer));
      let stochasticResult: StochasticResult | null = null;
      if (stochastic) stochasticResult = evaluateStochastic(terms, stochastic, scratch, withBadYear);
      let scenario: YearTotals | null = null;
      let reasons: ReasonAmount[] | null = null;
      if (!withBreakdown) {
        const vector = reasonVector();
        scenario = simulateYear(terms, schedule, vector);
        reasons = reasonList(vector);
      }
      figures = { terms, stochastic: stochasticResult, scenario, reasons };
      shared.figures.set(key, figures);
    }
    const { terms } = figures;
    let expected: number | null = null;
    let badYear: number | null = null;
    let expectedMaxError = 0;
    let ceilings: CeilingPayment[] = [];
    if (figures.stochastic) {
      const result = figures.stochastic;
      expected = Math.max(0, Math.round(result.expected));
      badYear = Number.isNaN(result.badYear) ? null : result.badYear;
      expectedMaxError = result.expectedMaxError;
      ceilings = result.ceilings;
    }
    let scenario: YearTotals;
    let reasons: ReasonAmount[];
    let breakdown = null;
    if (withBreakdown) {
      const lines = stochastic && expected !== null ? expectLines(terms, stochastic, expected, ceilings) : null;
      const built = buildBreakdown(terms, schedule, premium.perBeneficiary, lines);
      scenario = built.totals;
      reasons = reasonList(built.reasons);
      breakdown = built.beneficiaries;
    } else {
      scenario = figures.scenario!;
      reasons = figures.reasons!;
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
        reasons,
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

/** The catalogue's offer ids by position, listed once per catalogue (see premiumColumns). */
const offerIdsOf = perCatalogue((catalogue): readonly string[] => catalogue.offers.map((offer) => offer.offer.id));

/**
 * The ranking of quoteOffers as figures only (QuoteFigures), for a caller that quotes
 * only the page it shows: per offer its premium and the RAC it is ranked on, computed as
 * for a quote (the same shared terms and figures) but kept in typed arrays, then the same
 * order and dominating offers (rankFigures). Same work budget.
 */
export function rankOffers(offers: readonly Offer[] | CompiledCatalogue, profile: Profile, options: RankOptions = {}): QuoteFigures {
  const { compiled, schedule, catalogue, stochastic, shared, sort } = startRun(offers, profile, options, false);
  const count = catalogue.offers.length;
  const positions = new Int32Array(count);
  const ids: string[] = [];
  const premiums = new Float64Array(count);
  const racs = new Float64Array(count);
  const racByKey = new Map<string, number>();
  const premiumPicks = new Map<number, Int32Array>();
  const byLine = actsByLine(compiled, schedule);
  const scenarioScratch = { used: [], walk: new Uint8Array(compiled.beneficiaries.length) };
  const ineligible: IneligibleOffer[] = [];
  // The bad year is not asked: no sampled year is walked, only the means, shared by line.
  const expected = stochastic ? new ExpectedByTerms(compiled, stochastic).expectedOfAll(catalogue) : null;
  let eligible = 0;
  const premiumFigures = premiumColumns(catalogue);
  const offerIds = offerIdsOf(catalogue);
  for (let position = 0; position < count; position += 1) {
    const premium = premiumFigures.totalAt(position, compiled.beneficiaries, compiled.department, premiumPicks);
    if (premium < 0) {
      const compiledOffer = catalogue.offers[position]!;
      const offer = compiledOffer.offer;
      const reason = premiumRefusal(compiledOffer, compiled.beneficiaries, compiled.department, premiumPicks);
      ineligible.push({ offerId: offer.id, insurer: offer.insurer.name, formula: offer.formula, reason });
      continue;
    }
    let rac: number;
    // As a quote: the expected figure rounded (full mode), else the scenario year's RAC.
    if (expected) rac = Math.max(0, Math.round(expected[position]!));
    else {
      const compiledOffer = catalogue.offers[position]!;
      const key = shared.keyOf(compiledOffer);
      const known = racByKey.get(key);
      if (known === undefined) {
        rac = scenarioRac(new OfferTerms(compiled, compiledOffer, shared.linesOf(compiledOffer)), schedule, byLine, scenarioScratch);
        racByKey.set(key, rac);
      } else rac = known;
    }
    positions[eligible] = position;
    ids.push(offerIds[position]!);
    premiums[eligible] = premium;
    racs[eligible] = rac;
    eligible += 1;
  }
  const premium = premiums.subarray(0, eligible);
  const rac = racs.subarray(0, eligible);
  const ranked = rankFigures(ids, premium, rac, sort);
  const order = new Int32Array(eligible);
  const annualPremiumByRank = new Float64Array(eligible);
  const racByRank = new Float64Array(eligible);
  const dominatedBy = new Int32Array(eligible);
  const byPremium = new Int32Array(eligible);
  for (let rank = 0; rank < eligible; rank += 1) {
    byPremium[rank] = positions[ranked.byPremium[rank]!]!;
    const entry = ranked.order[rank]!;
    order[rank] = positions[entry]!;
    annualPremiumByRank[rank] = premium[entry]!;
    racByRank[rank] = rac[entry]!;
    const dominating = ranked.dominatedBy[rank]!;
    dominatedBy[rank] = dominating < 0 ? -1 : positions[dominating]!;
  }
  ineligible.sort((a, b) => compareIds(a.offerId, b.offerId));
  const { quoteFirst = 0, ...quoteOptions } = options;
  // In catalogue order, as selectOffers would give them, without a look-up of every offer's id.
  const first: CompiledCatalogue = { offers: Array.from(order.slice(0, quoteFirst).sort(), (position) => catalogue.offers[position]!) };
  return {
    referenceVersion: REFERENCE.version,
    period: periodLabel(compiled),
    sort,
    monteCarloSamples: stochastic ? stochastic.sampleCount : 0,
    order,
    annualPremium: annualPremiumByRank,
    rac: racByRank,
    dominatedBy,
    byPremium,
    ineligible,
    ...(first.offers.length > 0 ? { firstQuotes: quoteOffers(first, profile, { ...quoteOptions, breakdown: false, badYear: true }).offers } : {}),
  };
}
