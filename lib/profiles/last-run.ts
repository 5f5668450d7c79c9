import type { ComparisonResult } from "@/lib/compare/types";
import type { LastRun } from "@/lib/schemas/saved-profile";

/** How many offers of the ranking a saved profile keeps with their figures. */
export const LAST_RUN_TOP = 5;

/** What a saved profile remembers of a comparison: its top offers, and every ranked offer's premium. */
export function lastRunOf(result: ComparisonResult, catalogueRevision: string, ranAt: Date, catalogueUpdatedAt?: Date): LastRun {
  return {
    ranAt: ranAt.toISOString(),
    catalogueRevision,
    ...(catalogueUpdatedAt ? { catalogueUpdatedAt: catalogueUpdatedAt.toISOString() } : {}),
    sort: result.sort,
    top: result.offers.slice(0, LAST_RUN_TOP).map(({ offerId, insurer, formula, annualPremium, expectedRac, totalCost }) => ({
      offerId,
      insurer,
      formula,
      annualPremium,
      expectedRac,
      totalCost,
    })),
    offers: result.offers.map(({ offerId, annualPremium }) => ({ offerId, annualPremium })),
  };
}
