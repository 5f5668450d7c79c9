import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type * as Db from "../../generated/prisma/enums";
import { NETWORKS, type NetworkName } from "../../schemas/care-category";
import type { CatalogueOfferStatus } from "../read-offers";
import { dbEnum } from "../write-offer";
import { assertAdmin, type AdminActor } from "./actor";

export const OFFER_PAGE_SIZE = 20;

export interface OfferListFilters {
  /** Searched in the id, the formula and the insurer's name, case-insensitively. */
  q?: string;
  insurerId?: string;
  status?: CatalogueOfferStatus;
  level?: number;
  /** A network's engine spelling, or "none" for offers without a network. */
  network?: NetworkName | "none";
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface OfferListItem {
  id: string;
  insurerName: string;
  formula: string;
  level: number;
  responsable: boolean;
  network: NetworkName | null;
  status: CatalogueOfferStatus;
  version: number;
  updatedAt: string;
}

export interface OfferListPage {
  items: OfferListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** Prisma names enum values without hyphens ("carte_blanche"); the engine writes "carte-blanche". */
const engineNetwork = (value: string | null) => (value === null ? null : (value.replaceAll("_", "-") as NetworkName));

export function offerListWhere(filters: OfferListFilters): Prisma.OfferWhereInput {
  const q = filters.q?.trim();
  // A person's own offers are theirs alone: the catalogue's are the ones with an insurer row.
  const where: Prisma.OfferWhereInput = { ownerId: null };
  if (filters.status) where.status = filters.status;
  if (filters.level !== undefined) where.level = filters.level;
  if (filters.insurerId) where.insurerId = filters.insurerId;
  if (filters.network === "none") where.networkName = null;
  else if (filters.network && NETWORKS.includes(filters.network)) where.networkName = dbEnum<Db.CareNetwork>(filters.network);
  if (q) {
    where.OR = [
      { id: { contains: q, mode: "insensitive" } },
      { formula: { contains: q, mode: "insensitive" } },
      { insurer: { name: { contains: q, mode: "insensitive" } } },
    ];
  }
  return where;
}

/**
 * One page of the admin offers list. Filters, order and pagination are in the query
 * (count + LIMIT/OFFSET in one snapshot), so a 10 000-offer catalogue is never loaded
 * to show 20 rows. A page past the end is brought back to the last one.
 */
export async function listOffers(prisma: PrismaClient, actor: AdminActor, filters: OfferListFilters = {}): Promise<OfferListPage> {
  assertAdmin(actor);
  const pageSize = Math.min(Math.max(filters.pageSize ?? OFFER_PAGE_SIZE, 1), 100);
  const where = offerListWhere(filters);
  const total = await prisma.offer.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(filters.page ?? 1), 1), pageCount);
  const rows = await prisma.offer.findMany({
    where,
    orderBy: [{ insurer: { name: "asc" } }, { level: "asc" }, { formula: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      formula: true,
      level: true,
      responsable: true,
      networkName: true,
      status: true,
      version: true,
      updatedAt: true,
      insurer: { select: { name: true } },
    },
  });
  // ownerId null: the check constraint Offer_catalogue_or_owned gives every such offer an insurer.
  return {
    items: rows.map((row) => ({
      id: row.id,
      insurerName: row.insurer!.name,
      formula: row.formula,
      level: row.level,
      responsable: row.responsable,
      network: engineNetwork(row.networkName),
      status: row.status,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    })),
    total,
    page,
    pageCount,
    pageSize,
  };
}
