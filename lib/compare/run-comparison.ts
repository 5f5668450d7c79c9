import "server-only";
import Decimal from "decimal.js";
import { loadPublishedCatalogue } from "@/lib/catalogue/server";
import { type OfferQuote, type QuoteOptions, type SortKey } from "@/lib/engine";
import { ceilingWorkPerOffer } from "@/lib/engine/work-budget";
import { NETWORK_LABELS } from "@/lib/schemas/care-category";
import type { Offer } from "@/lib/schemas/offer";
import type { Profile } from "@/lib/schemas/profile";
import { quoteOffersOffThread } from "./engine-thread";
import { encodeProfile } from "./profile-url";
import type { ComparisonResult, OfferResult } from "./types";

/**
 * Sampled years for the participation forfaitaire and franchises, which every offer
 * shares: 10 000 instead of the engine's default 50 000 cuts the fixed cost of a
 * comparison from ~55 ms to ~11 ms; it moves no ranking (the amount is the same for all
 * offers) and the expected figure by cents. The work allowed per offer on shared ceilings
 * is the ranking's (it depends on the catalogue's size), also when one offer is quoted.
 * Every page uses the same values, so the ranking, the explanation and the side-by-side
 * view show the same figures.
 */
function monteCarlo(catalogueSize: number): QuoteOptions["monteCarlo"] {
  return { deductionSampleCount: 10_000, ceilingWork: ceilingWorkPerOffer(catalogueSize) };
}

/**
 * Recent comparisons by catalogue revision, sort and profile. After a submit the page
 * is rendered again for its shareable URL, and a shared link is opened by several
 * people: both ask for a ranking just computed. A new catalogue revision changes the key.
 */
const recentComparisons = new Map<string, ComparisonResult>();
const RECENT_COMPARISONS = 100;

/** Ranks the published catalogue for a profile: scenario, expected and bad-year figures. */
export async function runComparison(profile: Profile, sort: SortKey): Promise<ComparisonResult> {
  const catalogue = await loadPublishedCatalogue();
  const encodedProfile = encodeProfile(profile);
  const key = `${catalogue.revision}|${sort}|${encodedProfile}`;
  const recent = recentComparisons.get(key);
  if (recent) return recent;

  const result = await quoteOffersOffThread(catalogue, profile, { sort, breakdown: false, monteCarlo: monteCarlo(catalogue.offers.length) });
  const byId = new Map(catalogue.offers.map((offer) => [offer.id, offer]));
  const illustrative = new Set(catalogue.insurers.filter((insurer) => insurer.illustrative).map((insurer) => insurer.name));
  const comparison: ComparisonResult = {
    encodedProfile,
    sort,
    period: result.period,
    referenceVersion: result.referenceVersion,
    offers: result.offers.map((quote) => toOfferResult(quote, byId.get(quote.offerId)!, illustrative.has(quote.insurer))),
    ineligibleCount: result.ineligible.length,
  };
  recentComparisons.set(key, comparison);
  // A Map iterates in insertion order: the first key is the oldest.
  if (recentComparisons.size > RECENT_COMPARISONS) recentComparisons.delete(recentComparisons.keys().next().value!);
  return comparison;
}

/** One offer's full quote with the per-act breakdown, for the explanation page. */
export async function explainOffer(
  profile: Profile,
  offerId: string,
): Promise<{ quote: OfferQuote; period: { start: string; end: string } } | null> {
  const catalogue = await loadPublishedCatalogue();
  if (!catalogue.offers.some((candidate) => candidate.id === offerId)) return null;
  const result = await quoteOffersOffThread(catalogue, profile, { breakdown: true, monteCarlo: monteCarlo(catalogue.offers.length) }, [offerId]);
  const quote = result.offers[0];
  return quote ? { quote, period: result.period } : null;
}

function toOfferResult(quote: OfferQuote, offer: Offer, illustrative: boolean): OfferResult {
  return {
    offerId: quote.offerId,
    insurer: quote.insurer,
    illustrative,
    formula: quote.formula,
    level: quote.level,
    responsable: quote.responsable,
    network: offer.network ? NETWORK_LABELS[offer.network.name] : null,
    hasWaitingPeriod: Object.values(offer.guarantees).some((guarantee) => guarantee.waitingMonths > 0),
    rank: quote.rank,
    monthlyPremium: new Decimal(quote.annualPremium).div(12).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    annualPremium: quote.annualPremium,
    scenario: { price: quote.scenario.price, secu: quote.scenario.secu, mutuelle: quote.scenario.mutuelle, rac: quote.scenario.rac },
    // Full mode always fills both: the engine leaves them null only in scenario mode.
    expectedRac: quote.expectedRac ?? quote.scenario.rac,
    badYearRac: quote.badYearRac ?? quote.scenario.rac,
    totalCost: quote.totalCost,
    dominatedBy: quote.dominatedBy,
  };
}

/** Two or three offers quoted with their breakdown, for the side-by-side page. */
export async function quoteSelectedOffers(profile: Profile, offerIds: readonly string[]): Promise<OfferQuote[]> {
  const catalogue = await loadPublishedCatalogue();
  const options = { breakdown: true, monteCarlo: monteCarlo(catalogue.offers.length) };
  const quotes = (await quoteOffersOffThread(catalogue, profile, options, offerIds)).offers;
  // In the order the person picked them.
  return offerIds.flatMap((id) => quotes.filter((quote) => quote.offerId === id));
}
