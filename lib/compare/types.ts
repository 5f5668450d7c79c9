import type { MoneyString, SortKey, Split } from "@/lib/engine";

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
  /** The scenario's totals; its reasons are on the explanation page, not in the ranking. */
  scenario: Split;
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
