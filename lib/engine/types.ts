import type { CareCategory, GuaranteeCategory, Sector } from "../schemas/care-category";

/** Why a euro is left to pay. Every cent of reste à charge carries exactly one reason. */
export const RAC_REASONS = [
  "participation-forfaitaire",
  "franchise",
  "out-of-parcours",
  "not-covered",
  "beyond-guarantee",
  "legal-cap",
  "above-price-cap",
  "ceiling-reached",
  "waiting-period",
] as const;
export type RacReason = (typeof RAC_REASONS)[number];

export const RAC_REASON_LABELS: Record<RacReason, string> = {
  "participation-forfaitaire": "Participation forfaitaire de 2 € (jamais remboursable par un contrat responsable)",
  franchise: "Franchise médicale (jamais remboursable par un contrat responsable)",
  "out-of-parcours": "Hors parcours de soins : majoration et dépassement autorisé non remboursables",
  "not-covered": "Non couvert par l'offre",
  "beyond-guarantee": "Dépassement au-delà de la garantie",
  "legal-cap": "Au-delà du plafond légal du contrat responsable",
  "above-price-cap": "Prix au-delà du prix limite 100 % Santé",
  "ceiling-reached": "Plafond annuel atteint",
  "waiting-period": "Délai de carence en cours",
};

/** Money in outputs: a decimal string with two decimals ("123.45"), safe for client components. */
export type MoneyString = string;

export interface Split {
  price: MoneyString;
  secu: MoneyString;
  mutuelle: MoneyString;
  rac: MoneyString;
}

export interface ReasonAmount {
  reason: RacReason;
  amount: MoneyString;
  message: string;
}

export interface ActBreakdown extends Split {
  date: string;
  br: MoneyString;
  reasons: ReasonAmount[];
}

/** Mean yearly figures (counts Poisson around the entered means), rounded to the cent. */
export interface ExpectedSplit extends Split {
  /** Mean number of acts (the entered mean). */
  count: number;
}

export interface LineBreakdown extends Split {
  lineIndex: number;
  category: CareCategory;
  label: string;
  sector: Sector | null;
  /** Whole acts in the scenario (the year as entered). */
  count: number;
  acts: ActBreakdown[];
  /** Expected figures of the line; null in scenario mode. Lines add up to the offer's expectedRac. */
  expected: ExpectedSplit | null;
}

export interface CategoryBreakdown extends Split {
  guarantee: GuaranteeCategory;
  label: string;
  lines: LineBreakdown[];
  /** Sum of the lines' expected figures; null in scenario mode. */
  expected: Split | null;
}

export interface BeneficiaryBreakdown extends Split {
  beneficiaryIndex: number;
  label: string;
  annualPremium: MoneyString;
  reasons: ReasonAmount[];
  categories: CategoryBreakdown[];
  /** Sum of the lines' expected figures; null in scenario mode. */
  expected: Split | null;
}

export interface OfferQuote {
  offerId: string;
  insurer: string;
  formula: string;
  level: number;
  responsable: boolean;
  rank: number;
  annualPremium: MoneyString;
  /** The year exactly as entered (counts rounded half-up to whole acts). */
  scenario: Split & { reasons: ReasonAmount[] };
  /** Mean yearly reste à charge, counts Poisson around the entered means (null in scenario mode). */
  expectedRac: MoneyString | null;
  /** 90th percentile of the yearly reste à charge, Monte-Carlo with a fixed seed (null in scenario mode). */
  badYearRac: MoneyString | null;
  /**
   * Absent: expectedRac is the exact mean (to the cent). "bounded": a shared ceiling was
   * too costly to convolve exactly (lib/engine/ceiling-mean.ts) and expectedRac is within
   * expectedMaxError (plus the rounding to the cent) of the exact mean.
   */
  expectedMethod?: "bounded";
  expectedMaxError?: MoneyString;
  /** annualPremium + expectedRac (+ the scenario RAC in scenario mode). */
  totalCost: MoneyString;
  /** Another offer both cheaper (premium) and leaving less to pay (expected RAC), or null. */
  dominatedBy: string | null;
  breakdown: BeneficiaryBreakdown[] | null;
}

export interface IneligibleOffer {
  offerId: string;
  insurer: string;
  formula: string;
  reason: string;
}

export type SortKey = "rac" | "total";

export interface QuoteResult {
  referenceVersion: string;
  period: { start: string; end: string };
  sort: SortKey;
  monteCarloSamples: number;
  offers: OfferQuote[];
  ineligible: IneligibleOffer[];
}

/**
 * quoteOffers with `output: "figures"`: the ranking as numbers only, for a caller that
 * shows a page of it (and quotes that page in full): no quote objects, no money strings,
 * no scenario year in full mode, no bad year. Typed arrays, so an engine thread can
 * transfer them instead of copying. By rank, best first; offers are numbered by their
 * position among the offers quoted (the catalogue, or the selection, in catalogue order).
 */
export interface QuoteFigures {
  referenceVersion: string;
  period: { start: string; end: string };
  sort: SortKey;
  monteCarloSamples: number;
  /** The eligible offers' positions, best first. */
  order: Int32Array<ArrayBuffer>;
  /** By rank: the annual premium in cents. */
  annualPremium: Float64Array<ArrayBuffer>;
  /** By rank, in cents: the expected RAC (full mode), or the scenario RAC (scenario mode), as quotes rank on. */
  rac: Float64Array<ArrayBuffer>;
  /** By rank: the position of OfferQuote.dominatedBy's offer, or −1. */
  dominatedBy: Int32Array<ArrayBuffer>;
  /** The eligible offers' positions by increasing premium, then RAC, then id: where a filtered ranking sweeps its dominance. */
  byPremium: Int32Array<ArrayBuffer>;
  /** RankOptions.quoteFirst's quotes (ranked among themselves): the first offers' scenario and bad year. */
  firstQuotes?: OfferQuote[];
  ineligible: IneligibleOffer[];
}
