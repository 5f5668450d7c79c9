import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Offer } from "../schemas/offer";

export type CatalogueOfferStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

/** What the admin needs around an engine offer: publication state and the version to send back. */
export interface CatalogueOffer {
  offer: Offer;
  status: CatalogueOfferStatus;
  /** Inclusive "YYYY-MM-DD" dates, null when unbounded. */
  validFrom: string | null;
  validTo: string | null;
  version: number;
  updatedAt: string;
}

type Queryable = Pick<PrismaClient, "$queryRaw">;

/**
 * The engine's Offer, built by PostgreSQL in one pass (json_build_object keeps key order;
 * json_strip_nulls drops the optional fields that are unset, as zod's output has them
 * absent). Money comes out as numeric::text, which is already "30.00"; percentages as
 * JSON numbers. Reading thousands of offers this way is one query and one JSON.parse,
 * instead of a row per guarantee, band and ceiling to reassemble in JavaScript.
 * A person's own offer has no insurer row (read with a LEFT JOIN by lib/own-offers): its
 * insurer is the name they typed. The catalogue's reads JOIN "Insurer", so they never
 * see an owned offer.
 */
export const OFFER_JSON = Prisma.sql`json_build_object(
  'id', o."id",
  'insurer', json_strip_nulls(json_build_object('name', coalesce(i."name", o."ownInsurerName"), 'kind', i."kind")),
  'formula', o."formula",
  'level', o."level",
  'responsable', o."responsable",
  'network', CASE WHEN o."networkName" IS NULL THEN NULL ELSE json_build_object(
    'name', o."networkName",
    'lensesDiscountPercent', o."networkLensesDiscount",
    'frameDiscountPercent', o."networkFrameDiscount",
    'dentalDiscountPercent', o."networkDentalDiscount",
    'hearingDiscountPercent', o."networkHearingDiscount") END,
  'premiums', json_build_object('bands', (
    SELECT json_agg(json_strip_nulls(json_build_object(
      'minAge', b."minAge",
      'maxAge', b."maxAge",
      'monthly', b."monthly"::text,
      'departments', CASE WHEN cardinality(b."departments") = 0 THEN NULL ELSE to_json(b."departments") END,
      'childRankFrom', b."childRankFrom")) ORDER BY b."position")
    FROM "OfferPremiumBand" b WHERE b."offerId" = o."id")),
  'guarantees', (
    SELECT json_object_agg(g."category", json_strip_nulls(json_build_object(
      'percentBr', g."percentBr",
      'percentBrNonOptam', g."percentBrNonOptam",
      'basis', g."basis",
      'fraisReels', g."fraisReels",
      'forfait', CASE WHEN g."forfaitAmount" IS NULL THEN NULL ELSE json_strip_nulls(json_build_object(
        'amount', g."forfaitAmount"::text, 'per', g."forfaitPer", 'includesSecu', g."forfaitIncludesSecu",
        'maxPerYear', g."forfaitMaxPerYear")) END,
      'glassesAmounts', g."glassesAmounts",
      'frameMax', g."frameMax"::text,
      'waitingMonths', g."waitingMonths",
      'inNetwork', g."inNetwork")) ORDER BY g."category")
    FROM "OfferGuarantee" g WHERE g."offerId" = o."id"),
  'ceilings', coalesce((
    SELECT json_agg(json_strip_nulls(json_build_object(
      'id', c."key",
      'categories', c."categories",
      'amount', c."amount"::text,
      'period', c."period",
      'firstYearAmount', c."firstYearAmount"::text)) ORDER BY c."position")
    FROM "OfferCeiling" c WHERE c."offerId" = o."id"), '[]'::json)
)`;

/** Offers matching `where` (on "Offer" o and "Insurer" i), ordered by id. */
export async function readOffers(client: Queryable, where: Prisma.Sql): Promise<Offer[]> {
  const rows = await client.$queryRaw<{ offers: string }[]>`
    SELECT coalesce(json_agg(${OFFER_JSON} ORDER BY o."id"), '[]'::json)::text AS "offers"
    FROM "Offer" o JOIN "Insurer" i ON i."id" = o."insurerId"
    WHERE ${where}`;
  return JSON.parse(rows[0]!.offers) as Offer[];
}

/** Offers with their publication state, ordered by id. */
export async function readCatalogueOffers(client: Queryable, where: Prisma.Sql): Promise<CatalogueOffer[]> {
  const rows = await client.$queryRaw<{ offers: string }[]>`
    SELECT coalesce(json_agg(json_build_object(
      'offer', ${OFFER_JSON},
      'status', o."status",
      'validFrom', to_char(o."validFrom", 'YYYY-MM-DD'),
      'validTo', to_char(o."validTo", 'YYYY-MM-DD'),
      'version', o."version",
      'updatedAt', to_char(o."updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    ) ORDER BY o."id"), '[]'::json)::text AS "offers"
    FROM "Offer" o JOIN "Insurer" i ON i."id" = o."insurerId"
    WHERE ${where}`;
  return JSON.parse(rows[0]!.offers) as CatalogueOffer[];
}

/** Published and within its validity dates on `day` ("YYYY-MM-DD", inclusive bounds). */
export function publishedOn(day: string): Prisma.Sql {
  return Prisma.sql`o."status" = 'PUBLISHED'
    AND (o."validFrom" IS NULL OR o."validFrom" <= ${day}::date)
    AND (o."validTo" IS NULL OR o."validTo" >= ${day}::date)`;
}

// Built once: every catalogue load asks for the day, and building a formatter costs ~30 times formatting with one.
const FRENCH_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in France, the calendar the validity dates are written in. */
export function todayInFrance(now: Date = new Date()): string {
  return FRENCH_DAY.format(now);
}

/** One offer with its publication state, whatever its status; null when unknown. */
export async function getOffer(client: Queryable, id: string, options: { publishedOn?: string } = {}): Promise<CatalogueOffer | null> {
  const where = options.publishedOn ? Prisma.sql`o."id" = ${id} AND ${publishedOn(options.publishedOn)}` : Prisma.sql`o."id" = ${id}`;
  const [found] = await readCatalogueOffers(client, where);
  return found ?? null;
}
