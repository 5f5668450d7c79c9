-- The placeholder "Offer" table held only an insurer name and a formula: no guarantee,
-- no premium, nothing the engine can score or the catalogue format can carry. Its rows
-- came from the placeholder seed, which the demo catalogue replaces: they are dropped
-- here rather than turned into offers with invented terms.
DELETE FROM "Offer";

-- CreateEnum
CREATE TYPE "InsurerKind" AS ENUM ('mutuelle', 'assureur', 'institution-de-prevoyance');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CareNetwork" AS ENUM ('santeclair', 'kalixia', 'itelis', 'carte-blanche', 'seveane');

-- CreateEnum
CREATE TYPE "GuaranteeCategory" AS ENUM ('doctor-gp', 'doctor-specialist', 'lab-imaging', 'pharmacy', 'hospital-daily-charge', 'private-room', 'surgeon-fees', 'heavy-act-charge', 'glasses', 'contact-lenses', 'dental-care', 'dental-prosthesis', 'orthodontics', 'hearing-aids', 'alternative-medicine');

-- CreateEnum
CREATE TYPE "RateBasis" AS ENUM ('secu-included', 'tm-plus', 'hors-secu');

-- CreateEnum
CREATE TYPE "ForfaitPer" AS ENUM ('act', 'day', 'equipment', 'year');

-- CreateEnum
CREATE TYPE "CeilingPeriod" AS ENUM ('calendar', 'membership');

-- DropIndex
DROP INDEX "Offer_insurer_formula_key";

-- AlterTable
ALTER TABLE "Offer" DROP COLUMN "insurer",
ADD COLUMN     "insurerId" TEXT NOT NULL,
ADD COLUMN     "level" INTEGER NOT NULL,
ADD COLUMN     "networkDentalDiscount" DECIMAL(5,2),
ADD COLUMN     "networkFrameDiscount" DECIMAL(5,2),
ADD COLUMN     "networkHearingDiscount" DECIMAL(5,2),
ADD COLUMN     "networkLensesDiscount" DECIMAL(5,2),
ADD COLUMN     "networkName" "CareNetwork",
ADD COLUMN     "responsable" BOOLEAN NOT NULL,
ADD COLUMN     "status" "OfferStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Insurer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "InsurerKind",
    "registrationNumber" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Insurer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferGuarantee" (
    "offerId" TEXT NOT NULL,
    "category" "GuaranteeCategory" NOT NULL,
    "percentBr" DECIMAL(6,2),
    "percentBrNonOptam" DECIMAL(6,2),
    "basis" "RateBasis" NOT NULL DEFAULT 'secu-included',
    "fraisReels" BOOLEAN NOT NULL DEFAULT false,
    "forfaitAmount" DECIMAL(11,2),
    "forfaitPer" "ForfaitPer",
    "forfaitIncludesSecu" BOOLEAN,
    "glassesAmounts" JSONB,
    "frameMax" DECIMAL(11,2),
    "waitingMonths" INTEGER NOT NULL DEFAULT 0,
    "inNetwork" JSONB,

    CONSTRAINT "OfferGuarantee_pkey" PRIMARY KEY ("offerId","category")
);

-- CreateTable
CREATE TABLE "OfferCeiling" (
    "offerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "categories" "GuaranteeCategory"[],
    "amount" DECIMAL(11,2) NOT NULL,
    "period" "CeilingPeriod" NOT NULL,
    "firstYearAmount" DECIMAL(11,2),

    CONSTRAINT "OfferCeiling_pkey" PRIMARY KEY ("offerId","key")
);

-- CreateTable
CREATE TABLE "OfferPremiumBand" (
    "offerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "minAge" INTEGER NOT NULL,
    "maxAge" INTEGER NOT NULL,
    "monthly" DECIMAL(11,2) NOT NULL,
    "departments" TEXT[],
    "childRankFrom" INTEGER,

    CONSTRAINT "OfferPremiumBand_pkey" PRIMARY KEY ("offerId","position")
);

-- CreateTable
CREATE TABLE "CatalogueRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Insurer_name_key" ON "Insurer"("name");

-- CreateIndex
CREATE INDEX "Offer_status_idx" ON "Offer"("status");

-- CreateIndex
CREATE INDEX "Offer_insurerId_idx" ON "Offer"("insurerId");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_insurerId_fkey" FOREIGN KEY ("insurerId") REFERENCES "Insurer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferGuarantee" ADD CONSTRAINT "OfferGuarantee_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferCeiling" ADD CONSTRAINT "OfferCeiling_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPremiumBand" ADD CONSTRAINT "OfferPremiumBand_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards for writes that bypass lib/catalogue (raw SQL, a future tool): the invariants the
-- engine format relies on.
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_level_check" CHECK ("level" BETWEEN 1 AND 5),
ADD CONSTRAINT "Offer_validity_check" CHECK ("validFrom" IS NULL OR "validTo" IS NULL OR "validFrom" <= "validTo"),
ADD CONSTRAINT "Offer_network_check" CHECK (
    ("networkName" IS NULL) = ("networkLensesDiscount" IS NULL)
    AND ("networkName" IS NULL) = ("networkFrameDiscount" IS NULL)
    AND ("networkName" IS NULL) = ("networkDentalDiscount" IS NULL)
    AND ("networkName" IS NULL) = ("networkHearingDiscount" IS NULL)),
ADD CONSTRAINT "Offer_version_check" CHECK ("version" >= 1);
ALTER TABLE "OfferGuarantee" ADD CONSTRAINT "OfferGuarantee_forfait_check" CHECK (
    ("forfaitAmount" IS NULL) = ("forfaitPer" IS NULL) AND ("forfaitAmount" IS NULL) = ("forfaitIncludesSecu" IS NULL)),
ADD CONSTRAINT "OfferGuarantee_waiting_check" CHECK ("waitingMonths" BETWEEN 0 AND 12);
ALTER TABLE "OfferPremiumBand" ADD CONSTRAINT "OfferPremiumBand_age_check" CHECK ("minAge" <= "maxAge");

-- The catalogue revision: one row, bumped by a statement-level trigger on every catalogue
-- table. The bump commits (or rolls back) with the change itself, so an app instance that
-- reads an unchanged revision knows its cached catalogue is current, whoever wrote and
-- however (lib/catalogue, another instance, raw SQL). A sequence would not do: nextval
-- is visible before the change commits, and a reader could cache the old rows under the
-- new number.
INSERT INTO "CatalogueRevision" ("id", "revision", "changedAt") VALUES (1, 0, CURRENT_TIMESTAMP);

-- Prisma's pg adapter runs a migration script split on every semicolon, even inside a
-- dollar-quoted body, so the body is an escape string where \073 stands for the semicolon.
CREATE FUNCTION "catalogue_bump_revision"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    RETURN NULL\073
END\073
';

CREATE TRIGGER "Insurer_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Insurer"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
CREATE TRIGGER "Offer_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Offer"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
CREATE TRIGGER "OfferGuarantee_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfferGuarantee"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
CREATE TRIGGER "OfferCeiling_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfferCeiling"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
CREATE TRIGGER "OfferPremiumBand_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfferPremiumBand"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
