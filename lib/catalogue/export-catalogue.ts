import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { CATALOGUE_FORMAT_VERSION, type Catalogue } from "../schemas/offer";
import { canonicalJson } from "./canonical-json";
import { readOffers } from "./read-offers";

/**
 * Every published offer, whatever its validity dates, in the engine's catalogue format
 * (`catalogueSchema`, the `--catalogue` input of `npm run quote`). Drafts, archived
 * offers, validity dates and registration numbers are database-only and not exported.
 */
export async function exportCatalogue(prisma: PrismaClient): Promise<Catalogue> {
  return { formatVersion: CATALOGUE_FORMAT_VERSION, offers: await readOffers(prisma, Prisma.sql`o."status" = 'PUBLISHED'`) };
}

/** The file form: offers by id, keys in schema order, two-space indent, final newline. */
export function serializeCatalogue(catalogue: Catalogue): string {
  return `${canonicalJson({ ...catalogue, offers: [...catalogue.offers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) }, 2)}\n`;
}
