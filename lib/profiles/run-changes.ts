import type { ComparisonResult } from "@/lib/compare/types";
import type { LastRun } from "@/lib/schemas/saved-profile";
import type { OfferLabel, RunChanges } from "./types";

const label = (offer: { offerId: string; insurer: string; formula: string }): OfferLabel => ({
  offerId: offer.offerId,
  label: `${offer.insurer} — ${offer.formula}`,
});

/**
 * What changed between a saved profile's previous run and a new comparison: offers that
 * entered or left the ranking, premiums that moved (old → new), and the best offer or its
 * expected out-of-pocket cost. Pure, so the rules are tested without a database.
 */
export function runChanges(previous: LastRun | null, next: ComparisonResult, nextRevision: string): RunChanges {
  const nextTop = next.offers[0] ?? null;
  if (!previous) {
    return {
      firstRun: true,
      catalogueChanged: false,
      newOffers: [],
      goneOffers: [],
      premiumChanges: [],
      topOfferChange: null,
      expectedRacChange: null,
    };
  }
  const before = new Map(previous.offers.map((offer) => [offer.offerId, offer.annualPremium]));
  const after = new Set(next.offers.map((offer) => offer.offerId));
  // Names of offers that left: known only for those that were in the kept top.
  const previousNames = new Map(previous.top.map((offer) => [offer.offerId, label(offer).label]));
  const previousTop = previous.top[0] ?? null;

  const sameTop = (previousTop?.offerId ?? null) === (nextTop?.offerId ?? null);
  const previousRac = previousTop?.expectedRac ?? null;
  const nextRac = nextTop?.expectedRac ?? null;
  return {
    firstRun: false,
    catalogueChanged: previous.catalogueRevision !== nextRevision,
    newOffers: next.offers.filter((offer) => !before.has(offer.offerId)).map(label),
    goneOffers: previous.offers
      .filter((offer) => !after.has(offer.offerId))
      .map((offer) => ({ offerId: offer.offerId, label: previousNames.get(offer.offerId) ?? offer.offerId })),
    premiumChanges: next.offers.flatMap((offer) => {
      const from = before.get(offer.offerId);
      return from !== undefined && from !== offer.annualPremium ? [{ ...label(offer), from, to: offer.annualPremium }] : [];
    }),
    topOfferChange: sameTop ? null : { from: previousTop && label(previousTop), to: nextTop && label(nextTop) },
    expectedRacChange: previousRac === nextRac ? null : { from: previousRac, to: nextRac },
  };
}
