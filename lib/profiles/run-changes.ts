import type { ComparisonResult } from "@/lib/compare/types";
import type { LastRun } from "@/lib/schemas/saved-profile";
import type { MoneyChange, OfferLabel, RunChanges } from "./types";

const label = (offer: { offerId: string; insurer: string; formula: string }): OfferLabel => ({
  offerId: offer.offerId,
  label: `${offer.insurer} — ${offer.formula}`,
});

const moved = (from: string, to: string): MoneyChange | null => (from === to ? null : { from, to });

/**
 * What changed between a saved profile's previous run and a new comparison: offers that
 * entered or left the ranking, premiums that moved (old → new), and the best offer. Figures
 * are only ever compared for one offer: when the best offer is another one, both are
 * named with their own figures instead of one "best RAC" made of two offers' numbers.
 * Pure, so the rules are tested without a database.
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
      topOfferFigures: null,
    };
  }
  const before = new Map(previous.offers.map((offer) => [offer.offerId, offer.annualPremium]));
  const after = new Set(next.offers.map((offer) => offer.offerId));
  // Names of offers that left: known only for those that were in the kept top.
  const previousNames = new Map(previous.top.map((offer) => [offer.offerId, label(offer).label]));
  const previousTop = previous.top[0] ?? null;

  const sameTop = (previousTop?.offerId ?? null) === (nextTop?.offerId ?? null);
  const formerTopNow = previousTop ? next.offers.find((offer) => offer.offerId === previousTop.offerId) : undefined;
  const topOfferFigures =
    sameTop && previousTop && nextTop
      ? { offer: label(nextTop), totalCost: moved(previousTop.totalCost, nextTop.totalCost), expectedRac: moved(previousTop.expectedRac, nextTop.expectedRac) }
      : null;
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
    topOfferChange: sameTop
      ? null
      : {
          from: previousTop && {
            ...label(previousTop),
            totalCost: previousTop.totalCost,
            expectedRac: previousTop.expectedRac,
            now: formerTopNow ? { totalCost: formerTopNow.totalCost, expectedRac: formerTopNow.expectedRac } : null,
          },
          to: nextTop && { ...label(nextTop), totalCost: nextTop.totalCost, expectedRac: nextTop.expectedRac },
        },
    topOfferFigures: topOfferFigures && (topOfferFigures.totalCost || topOfferFigures.expectedRac) ? topOfferFigures : null,
  };
}
