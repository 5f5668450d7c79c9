import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { OFFER_JSON } from "../catalogue/read-offers";
import type { Offer } from "../schemas/offer";

type Queryable = Pick<PrismaClient, "$queryRaw">;

/** An offer a person entered, as their pages and rankings use it: plain data. */
export interface OwnOffer {
  offer: Offer;
  /** "YYYY-MM-DD": the membership start when this is the person's current contract; else null. */
  currentContractSince: string | null;
  version: number;
  /** Renewed by a trigger on any write to the offer or its lines (lib/catalogue's content stamps). */
  contentStamp: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The caller's own offers matching `where`, oldest first. The owner is always in the where
 * clause (STYLE §6): another person's id reads as absent. The LEFT JOIN is what lets an
 * owned offer (no insurer row) through; the catalogue's reads JOIN and never see one.
 */
async function readOwned(client: Queryable, userId: string, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<OwnOffer[]> {
  const rows = await client.$queryRaw<{ offers: string }[]>`
    SELECT coalesce(json_agg(json_build_object(
      'offer', ${OFFER_JSON},
      'currentContractSince', to_char(o."currentContractSince", 'YYYY-MM-DD'),
      'version', o."version",
      'contentStamp', o."contentStamp"::text,
      'createdAt', to_char(o."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'updatedAt', to_char(o."updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ) ORDER BY o."createdAt", o."id"), '[]'::json)::text AS "offers"
    FROM "Offer" o LEFT JOIN "Insurer" i ON i."id" = o."insurerId"
    WHERE o."ownerId" = ${userId} AND ${where}`;
  return JSON.parse(rows[0]!.offers) as OwnOffer[];
}

export function listOwnOffers(client: Queryable, { userId }: { userId: string }): Promise<OwnOffer[]> {
  return readOwned(client, userId);
}

/** One own offer of the caller, or null (unknown, or another person's). */
export async function getOwnOffer(client: Queryable, { userId, id }: { userId: string; id: string }): Promise<OwnOffer | null> {
  const [found] = await readOwned(client, userId, Prisma.sql`o."id" = ${id}`);
  return found ?? null;
}

/**
 * What a ranking needs of the caller's own offers, with a stamp that moves whenever one of
 * them changes (the content stamp is renewed on any write to the offer or its lines, the
 * current-contract date included), is added or is deleted: the key under which a ranking
 * that includes them may be reused. Owned ids are random and the person's own, so no two
 * people share a stamp unless neither has any own offer.
 */
export async function ownOffersForRanking(client: Queryable, { userId }: { userId: string }): Promise<{ offers: OwnOffer[]; stamp: string }> {
  const offers = await readOwned(client, userId);
  return { offers, stamp: offers.map((own) => `${own.offer.id}:${own.contentStamp}`).join(",") };
}
