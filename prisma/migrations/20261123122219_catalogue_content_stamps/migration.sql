-- Per-offer content stamps, so that the catalogue cache reloads only the offers that
-- changed instead of the whole catalogue (seconds for 10 000 offers). A stamp is only
-- compared for equality with the one cached with the offer's content, both read in one
-- snapshot, so a sequence is enough here (unlike the catalogue revision). The sequence is
-- used by the triggers only, not as a column default: Prisma would manage it as its own.
CREATE SEQUENCE "catalogue_content_stamp";

-- AlterTable
ALTER TABLE "Insurer" ADD COLUMN     "contentStamp" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "contentStamp" BIGINT NOT NULL DEFAULT 0;

UPDATE "Insurer" SET "contentStamp" = nextval('catalogue_content_stamp');
UPDATE "Offer" SET "contentStamp" = nextval('catalogue_content_stamp');

-- Prisma's pg adapter runs a migration script split on every semicolon, even inside a
-- function body, so bodies are escape strings where \073 stands for the semicolon.

-- Any new or updated offer or insurer row gets a new stamp.
CREATE FUNCTION "catalogue_restamp_row"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    NEW."contentStamp" := nextval(''catalogue_content_stamp'')\073
    RETURN NEW\073
END\073
';
CREATE TRIGGER "Offer_restamp" BEFORE INSERT OR UPDATE ON "Offer" FOR EACH ROW EXECUTE FUNCTION "catalogue_restamp_row"();
CREATE TRIGGER "Insurer_restamp" BEFORE INSERT OR UPDATE ON "Insurer" FOR EACH ROW EXECUTE FUNCTION "catalogue_restamp_row"();

-- A change to an offer's guarantees, ceilings or premium bands restamps the offer, once
-- per statement (transition tables), so a bulk import stays one update per table.
CREATE FUNCTION "catalogue_restamp_offers_of_new_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Offer" SET "contentStamp" = nextval(''catalogue_content_stamp'')
    WHERE "id" IN (SELECT DISTINCT "offerId" FROM new_rows)\073
    RETURN NULL\073
END\073
';
CREATE FUNCTION "catalogue_restamp_offers_of_old_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "Offer" SET "contentStamp" = nextval(''catalogue_content_stamp'')
    WHERE "id" IN (SELECT DISTINCT "offerId" FROM old_rows)\073
    RETURN NULL\073
END\073
';

CREATE TRIGGER "OfferGuarantee_restamp_insert" AFTER INSERT ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferGuarantee_restamp_update" AFTER UPDATE ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferGuarantee_restamp_delete" AFTER DELETE ON "OfferGuarantee"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_old_rows"();

CREATE TRIGGER "OfferCeiling_restamp_insert" AFTER INSERT ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferCeiling_restamp_update" AFTER UPDATE ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferCeiling_restamp_delete" AFTER DELETE ON "OfferCeiling"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_old_rows"();

CREATE TRIGGER "OfferPremiumBand_restamp_insert" AFTER INSERT ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferPremiumBand_restamp_update" AFTER UPDATE ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_new_rows"();
CREATE TRIGGER "OfferPremiumBand_restamp_delete" AFTER DELETE ON "OfferPremiumBand"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_restamp_offers_of_old_rows"();
