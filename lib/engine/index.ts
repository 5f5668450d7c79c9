/**
 * The reste-à-charge engine: pure computation, no I/O. Inputs are the parsed outputs of
 * the zod schemas in lib/schemas; outputs are plain data (money as "123.45" strings).
 */
export { quoteOffers, rankOffers, type QuoteOptions, type RankOptions } from "./quote";
export { compileCatalogue, selectOffers, type CompiledCatalogue } from "./compile-offer";
export { validateResponsable, type ResponsableRule, type ResponsableViolation } from "./responsable";
export { REFERENCE, SOURCES } from "./reference/secu-fr";
export { ProfileError, simulatedPeriod } from "./compile-profile";
export { usualPrices } from "./usual-prices";
export { QuoteTooLargeError, estimateQuoteWork, quoteWorkBudget } from "./work-budget";
export {
  RAC_REASONS,
  RAC_REASON_LABELS,
  type ActBreakdown,
  type BeneficiaryBreakdown,
  type CategoryBreakdown,
  type ExpectedSplit,
  type IneligibleOffer,
  type LineBreakdown,
  type MoneyString,
  type OfferQuote,
  type QuoteFigures,
  type QuoteResult,
  type RacReason,
  type ReasonAmount,
  type SortKey,
  type Split,
} from "./types";
