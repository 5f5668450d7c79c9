import "server-only";
import { db } from "../db";
import * as catalogue from "./index";

/**
 * The public site's entry points, on the app's one client. Public reads only ever see
 * offers that are published and valid today.
 */
export function loadPublishedCatalogue(): Promise<catalogue.PublishedCatalogue> {
  return catalogue.loadPublishedCatalogue(db());
}

export function countPublishedOffers(): Promise<number> {
  return catalogue.countPublishedOffers(db());
}

/** A published offer valid today, or null (drafts, archived and expired offers stay hidden). */
export function getOffer(id: string): Promise<catalogue.CatalogueOffer | null> {
  return catalogue.getOffer(db(), id, { publishedOn: catalogue.todayInFrance() });
}
