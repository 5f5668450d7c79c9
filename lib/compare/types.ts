import type { MoneyString, SortKey, Split } from "@/lib/engine";
import type { LeavingOption } from "@/lib/own-offers/leaving-date";
import type { ResultView } from "./result-filters";
import type { CssResult } from "@/lib/engine/css";

/** One ranked offer, as a saved profile remembers it: plain data, safe for client components. */
export interface RankedOffer {
  offerId: string;
  /** One of the signed-in person's own offers ("current": the one marked as their current contract); absent for the catalogue's. */
  ownership?: "own" | "current";
  insurer: string;
  /** A fictitious insurer of the demo catalogue. */
  illustrative: boolean;
  formula: string;
  level: number;
  responsable: boolean;
  network: string | null;
  hasWaitingPeriod: boolean;
  /** Place in the ranking it belongs to (the filtered one on the results page), from 1. */
  rank: number;
  monthlyPremium: MoneyString;
  annualPremium: MoneyString;
  expectedRac: MoneyString;
  totalCost: MoneyString;
  /** Another offer of the same ranking both cheaper and leaving less to pay, or null. */
  dominatedBy: string | null;
}

/** An offer of the results page: its ranking figures, the year as entered and the bad year. */
export interface OfferResult extends RankedOffer {
  /** The scenario's totals; its reasons are on the explanation page, not in the ranking. */
  scenario: Split;
  badYearRac: MoneyString;
}

/** The whole ranking of a profile, without the bad year (saved profiles remember it). */
export interface ComparisonResult {
  /** The profile in the URL format (lib/compare/profile-url.ts). */
  encodedProfile: string;
  sort: SortKey;
  period: { start: string; end: string };
  referenceVersion: string;
  offers: RankedOffer[];
  ineligibleCount: number;
}

/** One offer as the premium / expected RAC chart draws it (amounts in cents). */
export interface ChartPoint {
  offerId: string;
  label: string;
  premiumCents: number;
  racCents: number;
}

/**
 * What the premium / expected RAC chart draws: every offer of the filtered ranking that
 * no other beats (the frontier, by increasing premium) and a deterministic sample of the
 * beaten ones, so the answer stays small whatever the catalogue's size.
 */
export interface ChartData {
  frontier: ChartPoint[];
  /** Frontier offers left out past the bound, evenly (0 unless the frontier is huge). */
  frontierOmitted: number;
  beatenSample: ChartPoint[];
  beatenCount: number;
}

/**
 * One page of a ranking, as the results page shows it: sorted, filtered and paged on the
 * server; counts are over the whole ranking.
 */
export interface ComparisonView {
  encodedProfile: string;
  period: { start: string; end: string };
  referenceVersion: string;
  /** The sort, filters and page applied (a page past the last one is the last one). */
  view: ResultView;
  pageSize: number;
  pageCount: number;
  /** Offers ranked for the profile, before the filters. */
  rankedCount: number;
  /** Offers left by the filters. */
  matchingCount: number;
  ineligibleCount: number;
  /** The cheapest monthly premium of the whole ranking, to explain an empty filtered list. */
  cheapestMonthly: MoneyString | null;
  offers: OfferResult[];
  /** "Insurer — formula" of the offers that dominate an offer of the page. */
  dominatorNames: Record<string, string>;
  chart: ChartData;
  /** How many of the signed-in person's own offers are ranked (the « Mes offres seulement » switch shows when there are). */
  ownOfferCount?: number;
  currentContract?: CurrentContract;
  /** The Complémentaire santé solidaire, when the household's resources were given (never in a shared link). */
  css?: CssResult;
}

/**
 * The person's current contract (one of their own offers), its membership start, when
 * they can leave it, and its yearly figures, which every other offer is set against
 * (absent when it cannot cover the profile: no premium for someone's age, say).
 */
export interface CurrentContract {
  offerId: string;
  name: string;
  since: string;
  leaving: LeavingOption;
  figures?: Pick<OfferResult, "annualPremium" | "expectedRac" | "totalCost" | "badYearRac">;
}
