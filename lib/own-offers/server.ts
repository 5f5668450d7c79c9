import "server-only";
import { getCurrentUser } from "../auth/session";
import { NO_OWN_OFFERS, type OwnOffersForRanking } from "../compare/run-comparison";
import { db } from "../db";
import type { SaveOwnOfferInput } from "../schemas/own-offer";
import * as ownOffers from "./index";

export const listOwnOffers = (input: { userId: string }) => ownOffers.listOwnOffers(db(), input);
export const getOwnOffer = (input: { userId: string; id: string }) => ownOffers.getOwnOffer(db(), input);
export const ownOffersForRanking = (input: { userId: string }) => ownOffers.ownOffersForRanking(db(), input);
export const saveOwnOffer = (input: { userId: string } & SaveOwnOfferInput) => ownOffers.saveOwnOffer(db(), input);
export const deleteOwnOffer = (input: { userId: string; id: string }) => ownOffers.deleteOwnOffer(db(), input);

/**
 * The own offers of whoever makes this request, for the comparison pages: the session is
 * read here, on the server, never taken from the link (a shared link shows each person
 * their own offers, and an anonymous visitor none).
 */
export async function ownOffersOfRequester(): Promise<OwnOffersForRanking> {
  const user = await getCurrentUser();
  return user ? ownOffers.ownOffersForRanking(db(), { userId: user.id }) : NO_OWN_OFFERS;
}
