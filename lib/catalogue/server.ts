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

/**
 * An offer the public once saw that is no longer offered today: archived, or published
 * but outside its validity dates. Drafts stay unknown (they were never public).
 */
export async function isWithdrawnOffer(id: string): Promise<boolean> {
  const offer = await db().offer.findUnique({ where: { id }, select: { status: true } });
  return offer?.status === "ARCHIVED" || offer?.status === "PUBLISHED";
}
