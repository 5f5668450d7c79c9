import { Prisma } from "../generated/prisma/client";
import type { GuaranteeCategory } from "../schemas/care-category";
import type { Guarantee, Offer } from "../schemas/offer";
import type { CatalogueOfferStatus } from "./read-offers";

type Tx = Prisma.TransactionClient;

/**
 * Rows are sent as one JSON parameter per table and expanded by json_to_recordset: one
 * round trip for thousands of rows, where createMany costs about half a millisecond per
 * row (an import of 10 000 offers is ~300 000 rows). Values keep the engine's spelling,
 * which is the database's enum labels.
 */
const CHUNK = 2000;

async function insertJson(tx: Tx, rows: unknown[], insert: (json: string) => Prisma.Sql) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.$executeRaw(insert(JSON.stringify(rows.slice(start, start + CHUNK))));
  }
}

export interface NewOfferRow {
  offer: Offer;
  insurerId: string;
  status: CatalogueOfferStatus;
  validFrom: string | null;
  validTo: string | null;
}

export async function insertOfferRows(tx: Tx, rows: NewOfferRow[]): Promise<void> {
  const json = rows.map(({ offer, insurerId, status, validFrom, validTo }) => ({
    id: offer.id,
    insurerId,
    formula: offer.formula,
    level: offer.level,
    responsable: offer.responsable,
    networkName: offer.network?.name ?? null,
    networkLensesDiscount: offer.network?.lensesDiscountPercent ?? null,
    networkFrameDiscount: offer.network?.frameDiscountPercent ?? null,
    networkDentalDiscount: offer.network?.dentalDiscountPercent ?? null,
    networkHearingDiscount: offer.network?.hearingDiscountPercent ?? null,
    status,
    validFrom,
    validTo,
  }));
  await insertJson(tx, json, (rowsJson) => Prisma.sql`
    INSERT INTO "Offer" ("id", "insurerId", "formula", "level", "responsable", "networkName", "networkLensesDiscount",
      "networkFrameDiscount", "networkDentalDiscount", "networkHearingDiscount", "status", "validFrom", "validTo", "updatedAt")
    SELECT r."id", r."insurerId", r."formula", r."level", r."responsable", r."networkName", r."networkLensesDiscount",
      r."networkFrameDiscount", r."networkDentalDiscount", r."networkHearingDiscount", r."status", r."validFrom", r."validTo", CURRENT_TIMESTAMP
    FROM json_to_recordset(${rowsJson}::json) AS r("id" text, "insurerId" text, "formula" text, "level" int, "responsable" boolean,
      "networkName" "CareNetwork", "networkLensesDiscount" numeric, "networkFrameDiscount" numeric, "networkDentalDiscount" numeric,
      "networkHearingDiscount" numeric, "status" "OfferStatus", "validFrom" date, "validTo" date)`);
}

/** Guarantees, ceilings and premium bands of offers whose row exists and has no children yet. */
export async function insertOfferChildren(tx: Tx, offers: Offer[]): Promise<void> {
  const guarantees = offers.flatMap((offer) =>
    (Object.entries(offer.guarantees) as [GuaranteeCategory, Guarantee][]).map(([category, guarantee]) => ({
      offerId: offer.id,
      category,
      percentBr: guarantee.percentBr ?? null,
      percentBrNonOptam: guarantee.percentBrNonOptam ?? null,
      basis: guarantee.basis,
      fraisReels: guarantee.fraisReels,
      forfaitAmount: guarantee.forfait?.amount ?? null,
      forfaitPer: guarantee.forfait?.per ?? null,
      forfaitIncludesSecu: guarantee.forfait?.includesSecu ?? null,
      forfaitMaxPerYear: guarantee.forfait?.maxPerYear ?? null,
      glassesAmounts: guarantee.glassesAmounts ?? null,
      frameMax: guarantee.frameMax ?? null,
      waitingMonths: guarantee.waitingMonths,
      inNetwork: guarantee.inNetwork ?? null,
    })),
  );
  await insertJson(tx, guarantees, (rowsJson) => Prisma.sql`
    INSERT INTO "OfferGuarantee" ("offerId", "category", "percentBr", "percentBrNonOptam", "basis", "fraisReels", "forfaitAmount",
      "forfaitPer", "forfaitIncludesSecu", "forfaitMaxPerYear", "glassesAmounts", "frameMax", "waitingMonths", "inNetwork")
    SELECT r."offerId", r."category", r."percentBr", r."percentBrNonOptam", r."basis", r."fraisReels", r."forfaitAmount",
      r."forfaitPer", r."forfaitIncludesSecu", r."forfaitMaxPerYear", r."glassesAmounts", r."frameMax", r."waitingMonths", r."inNetwork"
    FROM json_to_recordset(${rowsJson}::json) AS r("offerId" text, "category" "GuaranteeCategory", "percentBr" numeric,
      "percentBrNonOptam" numeric, "basis" "RateBasis", "fraisReels" boolean, "forfaitAmount" numeric, "forfaitPer" "ForfaitPer",
      "forfaitIncludesSecu" boolean, "forfaitMaxPerYear" int, "glassesAmounts" jsonb, "frameMax" numeric, "waitingMonths" int, "inNetwork" jsonb)`);

  const ceilings = offers.flatMap((offer) =>
    offer.ceilings.map((ceiling, position) => ({
      offerId: offer.id,
      key: ceiling.id,
      position,
      categories: ceiling.categories,
      amount: ceiling.amount,
      period: ceiling.period,
      firstYearAmount: ceiling.firstYearAmount ?? null,
    })),
  );
  await insertJson(tx, ceilings, (rowsJson) => Prisma.sql`
    INSERT INTO "OfferCeiling" ("offerId", "key", "position", "categories", "amount", "period", "firstYearAmount")
    SELECT r."offerId", r."key", r."position", r."categories", r."amount", r."period", r."firstYearAmount"
    FROM json_to_recordset(${rowsJson}::json) AS r("offerId" text, "key" text, "position" int, "categories" "GuaranteeCategory"[],
      "amount" numeric, "period" "CeilingPeriod", "firstYearAmount" numeric)`);

  const bands = offers.flatMap((offer) =>
    offer.premiums.bands.map((band, position) => ({
      offerId: offer.id,
      position,
      minAge: band.minAge,
      maxAge: band.maxAge,
      monthly: band.monthly,
      departments: band.departments ?? [],
      childRankFrom: band.childRankFrom ?? null,
    })),
  );
  await insertJson(tx, bands, (rowsJson) => Prisma.sql`
    INSERT INTO "OfferPremiumBand" ("offerId", "position", "minAge", "maxAge", "monthly", "departments", "childRankFrom")
    SELECT r."offerId", r."position", r."minAge", r."maxAge", r."monthly", r."departments", r."childRankFrom"
    FROM json_to_recordset(${rowsJson}::json) AS r("offerId" text, "position" int, "minAge" int, "maxAge" int, "monthly" numeric,
      "departments" text[], "childRankFrom" int)`);
}
