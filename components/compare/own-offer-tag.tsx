import type { OwnOffersForRanking } from "@/lib/compare/run-comparison";
import type { OfferResult } from "@/lib/compare/types";

/** Whether `offerId` is one of the requester's own offers, and their current contract. */
export function ownershipOf(own: OwnOffersForRanking, offerId: string): OfferResult["ownership"] {
  const entry = own.offers.find((candidate) => candidate.offer.id === offerId);
  if (!entry) return undefined;
  return entry.currentContractSince === null ? "own" : "current";
}

/** « Mon offre » or « Mon contrat actuel » next to an offer's name, nothing for the catalogue's. */
export function OwnOfferTag({ ownership }: { ownership: OfferResult["ownership"] }) {
  if (!ownership) return null;
  return <span className="tag own">{ownership === "current" ? "Mon contrat actuel" : "Mon offre"}</span>;
}
