-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "currentContractSince" DATE,
ADD COLUMN     "ownInsurerName" TEXT,
ADD COLUMN     "ownerId" TEXT,
ALTER COLUMN "insurerId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Offer_ownerId_idx" ON "Offer"("ownerId");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An offer is either the catalogue's (an insurer row, any status) or a person's own (a
-- typed insurer name, never published, never linked to the catalogue's insurers). Only a
-- person's own offer can be their current contract.
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_catalogue_or_owned" CHECK (
    ("ownerId" IS NULL AND "insurerId" IS NOT NULL AND "ownInsurerName" IS NULL AND "currentContractSince" IS NULL)
    OR ("ownerId" IS NOT NULL AND "insurerId" IS NULL AND "ownInsurerName" IS NOT NULL AND "status" = 'DRAFT')
);

-- A person's own offers are not the catalogue: writing them must not move the catalogue
-- revision (every instance's cache, every saved profile's "the catalogue changed"). The
-- guarantee, ceiling and premium-band rows of an owned offer are written while the offer
-- row exists (lib/own-offers deletes them before the offer), so the join tells.
-- Bodies are escape strings where \073 stands for the semicolon (see the earlier migrations).
CREATE FUNCTION "catalogue_bump_revision_if_new_catalogue_offers"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows WHERE "ownerId" IS NULL) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';
CREATE FUNCTION "catalogue_bump_revision_if_old_catalogue_offers"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows WHERE "ownerId" IS NULL) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';
CREATE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows r WHERE NOT EXISTS (
        SELECT 1 FROM "Offer" o WHERE o."id" = r."offerId" AND o."ownerId" IS NOT NULL)) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';
CREATE FUNCTION "catalogue_bump_revision_if_old_catalogue_children"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows r WHERE NOT EXISTS (
        SELECT 1 FROM "Offer" o WHERE o."id" = r."offerId" AND o."ownerId" IS NOT NULL)) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';

DROP TRIGGER "Offer_bump_revision_insert" ON "Offer";
DROP TRIGGER "Offer_bump_revision_update" ON "Offer";
DROP TRIGGER "Offer_bump_revision_delete" ON "Offer";
CREATE TRIGGER "Offer_bump_revision_insert" AFTER INSERT ON "Offer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_offers"();
CREATE TRIGGER "Offer_bump_revision_update" AFTER UPDATE ON "Offer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_offers"();
CREATE TRIGGER "Offer_bump_revision_delete" AFTER DELETE ON "Offer"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_catalogue_offers"();

DROP TRIGGER "OfferGuarantee_bump_revision_insert" ON "OfferGuarantee";
DROP TRIGGER "OfferGuarantee_bump_revision_update" ON "OfferGuarantee";
DROP TRIGGER "OfferGuarantee_bump_revision_delete" ON "OfferGuarantee";
CREATE TRIGGER "OfferGuarantee_bump_revision_insert" AFTER INSERT ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferGuarantee_bump_revision_update" AFTER UPDATE ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferGuarantee_bump_revision_delete" AFTER DELETE ON "OfferGuarantee"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_catalogue_children"();

DROP TRIGGER "OfferCeiling_bump_revision_insert" ON "OfferCeiling";
DROP TRIGGER "OfferCeiling_bump_revision_update" ON "OfferCeiling";
DROP TRIGGER "OfferCeiling_bump_revision_delete" ON "OfferCeiling";
CREATE TRIGGER "OfferCeiling_bump_revision_insert" AFTER INSERT ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferCeiling_bump_revision_update" AFTER UPDATE ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferCeiling_bump_revision_delete" AFTER DELETE ON "OfferCeiling"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_catalogue_children"();

DROP TRIGGER "OfferPremiumBand_bump_revision_insert" ON "OfferPremiumBand";
DROP TRIGGER "OfferPremiumBand_bump_revision_update" ON "OfferPremiumBand";
DROP TRIGGER "OfferPremiumBand_bump_revision_delete" ON "OfferPremiumBand";
CREATE TRIGGER "OfferPremiumBand_bump_revision_insert" AFTER INSERT ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferPremiumBand_bump_revision_update" AFTER UPDATE ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_catalogue_children"();
CREATE TRIGGER "OfferPremiumBand_bump_revision_delete" AFTER DELETE ON "OfferPremiumBand"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_catalogue_children"();
