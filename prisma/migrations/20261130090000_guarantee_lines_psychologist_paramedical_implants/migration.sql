-- Catalogue format 2: guarantee lines for psychologists, paramedical acts and dental
-- implants, and forfaits limited to a number of acts a year ("4 séances × 30 €").

-- AlterEnum
ALTER TYPE "GuaranteeCategory" ADD VALUE 'psychologist';
ALTER TYPE "GuaranteeCategory" ADD VALUE 'paramedical';
ALTER TYPE "GuaranteeCategory" ADD VALUE 'dental-implants';

-- AlterTable
ALTER TABLE "OfferGuarantee" ADD COLUMN     "forfaitMaxPerYear" INTEGER;

-- A count only qualifies a forfait, and is at least one act.
ALTER TABLE "OfferGuarantee" ADD CONSTRAINT "OfferGuarantee_forfait_max_per_year_check" CHECK (
    "forfaitMaxPerYear" IS NULL OR ("forfaitAmount" IS NOT NULL AND "forfaitMaxPerYear" BETWEEN 1 AND 366));
