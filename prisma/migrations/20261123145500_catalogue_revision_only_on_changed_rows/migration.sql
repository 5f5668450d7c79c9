-- The catalogue revision moves only when a statement changed rows. A statement-level
-- trigger fires even for a statement that matched nothing (an update of an unknown id,
-- the restamp of no offer), and each such no-op told every app instance and every saved
-- profile that the catalogue had changed. Transition tables tell whether rows changed.
-- TRUNCATE has no transition table: it keeps the unconditional bump.

-- Prisma's pg adapter runs a migration script split on every semicolon, even inside a
-- function body, so bodies are escape strings where \073 stands for the semicolon.
CREATE FUNCTION "catalogue_bump_revision_if_new_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';
CREATE FUNCTION "catalogue_bump_revision_if_old_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows) THEN
        UPDATE "CatalogueRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1\073
    END IF\073
    RETURN NULL\073
END\073
';

DROP TRIGGER "Insurer_bump_revision" ON "Insurer";
CREATE TRIGGER "Insurer_bump_revision_insert" AFTER INSERT ON "Insurer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "Insurer_bump_revision_update" AFTER UPDATE ON "Insurer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "Insurer_bump_revision_delete" AFTER DELETE ON "Insurer"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_rows"();
CREATE TRIGGER "Insurer_bump_revision_truncate" AFTER TRUNCATE ON "Insurer"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();

DROP TRIGGER "Offer_bump_revision" ON "Offer";
CREATE TRIGGER "Offer_bump_revision_insert" AFTER INSERT ON "Offer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "Offer_bump_revision_update" AFTER UPDATE ON "Offer"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "Offer_bump_revision_delete" AFTER DELETE ON "Offer"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_rows"();
CREATE TRIGGER "Offer_bump_revision_truncate" AFTER TRUNCATE ON "Offer"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();

DROP TRIGGER "OfferGuarantee_bump_revision" ON "OfferGuarantee";
CREATE TRIGGER "OfferGuarantee_bump_revision_insert" AFTER INSERT ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferGuarantee_bump_revision_update" AFTER UPDATE ON "OfferGuarantee"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferGuarantee_bump_revision_delete" AFTER DELETE ON "OfferGuarantee"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_rows"();
CREATE TRIGGER "OfferGuarantee_bump_revision_truncate" AFTER TRUNCATE ON "OfferGuarantee"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();

DROP TRIGGER "OfferCeiling_bump_revision" ON "OfferCeiling";
CREATE TRIGGER "OfferCeiling_bump_revision_insert" AFTER INSERT ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferCeiling_bump_revision_update" AFTER UPDATE ON "OfferCeiling"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferCeiling_bump_revision_delete" AFTER DELETE ON "OfferCeiling"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_rows"();
CREATE TRIGGER "OfferCeiling_bump_revision_truncate" AFTER TRUNCATE ON "OfferCeiling"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();

DROP TRIGGER "OfferPremiumBand_bump_revision" ON "OfferPremiumBand";
CREATE TRIGGER "OfferPremiumBand_bump_revision_insert" AFTER INSERT ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferPremiumBand_bump_revision_update" AFTER UPDATE ON "OfferPremiumBand"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_new_rows"();
CREATE TRIGGER "OfferPremiumBand_bump_revision_delete" AFTER DELETE ON "OfferPremiumBand"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision_if_old_rows"();
CREATE TRIGGER "OfferPremiumBand_bump_revision_truncate" AFTER TRUNCATE ON "OfferPremiumBand"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_bump_revision"();
