import type { MoneyString, ReasonAmount, SortKey, Split } from "@/lib/engine";

/** One ranked offer as the results page shows it: plain data, safe for client components. */
export interface OfferResult {
  offerId: string;
  insurer: string;
  /** A fictitious insurer of the demo catalogue. */
  illustrative: boolean;
  formula: string;
  level: number;
  responsable: boolean;
  network: string | null;
  hasWaitingPeriod: boolean;
  rank: number;
  monthlyPremium: MoneyString;
  annualPremium: MoneyString;
  scenario: Split & { reasons: ReasonAmount[] };
  expectedRac: MoneyString;
  badYearRac: MoneyString;
  totalCost: MoneyString;
  dominatedBy: string | null;
}

export interface ComparisonResult {
  /** The profile in the URL format (lib/compare/profile-url.ts). */
  encodedProfile: string;
  sort: SortKey;
  period: { start: string; end: string };
  referenceVersion: string;
  offers: OfferResult[];
  ineligibleCount: number;
}
