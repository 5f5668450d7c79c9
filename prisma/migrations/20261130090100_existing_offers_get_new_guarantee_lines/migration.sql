-- Offers stored before catalogue format 2 get the new guarantee lines as the version-1
-- import upgrade gives them (lib/schemas/offer.ts upgradeCatalogue): a contrat
-- responsable pays the ticket modérateur (100 % BR) on psychologist and paramedical
-- acts, nothing else is promised. A separate migration: PostgreSQL cannot use enum
-- values added in the same transaction.
INSERT INTO "OfferGuarantee" ("offerId", "category", "percentBr")
SELECT o."id", c."category"::"GuaranteeCategory",
  CASE WHEN o."responsable" AND c."category" <> 'dental-implants' THEN 100 END
FROM "Offer" o
CROSS JOIN (VALUES ('psychologist'), ('paramedical'), ('dental-implants')) AS c("category")
ON CONFLICT DO NOTHING;
