/**
 * Offers a person entered from their own papers (a tableau de garanties, a devis): stored
 * in the catalogue's tables with an owner, never published, read and written only here,
 * with the owner in every where clause. Plain data out; the app calls ./server.ts.
 */
export { deleteOwnOffer } from "./delete-own-offer";
export { OWN_OFFER_NOT_FOUND_MESSAGE, OwnOfferLimitError, OwnOfferStaleError } from "./errors";
export { getOwnOffer, listOwnOffers, ownOffersForRanking, type OwnOffer } from "./read-own-offers";
export { saveOwnOffer, type SaveOwnOfferResult } from "./save-own-offer";
export { validateOwnOffer, type OwnOfferValidation } from "./validate-own-offer";
