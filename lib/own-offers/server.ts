import "server-only";
import { db } from "../db";
import type { SaveOwnOfferInput } from "../schemas/own-offer";
import * as ownOffers from "./index";

export const listOwnOffers = (input: { userId: string }) => ownOffers.listOwnOffers(db(), input);
export const getOwnOffer = (input: { userId: string; id: string }) => ownOffers.getOwnOffer(db(), input);
export const ownOffersForRanking = (input: { userId: string }) => ownOffers.ownOffersForRanking(db(), input);
export const saveOwnOffer = (input: { userId: string } & SaveOwnOfferInput) => ownOffers.saveOwnOffer(db(), input);
export const deleteOwnOffer = (input: { userId: string; id: string }) => ownOffers.deleteOwnOffer(db(), input);
