-- Offers stored before catalogue format 2 get the new guarantee lines, empty, as the
-- version-1 import upgrade gives them (lib/schemas/offer.ts upgradeCatalogue): every
-- offer has every guarantee line. A separate migration: PostgreSQL cannot use enum
-- values added in the same transaction.
INSERT INTO "OfferGuarantee" ("offerId", "category")
SELECT o."id", c."category"::"GuaranteeCategory"
FROM "Offer" o
CROSS JOIN (VALUES ('psychologist'), ('paramedical'), ('dental-implants')) AS c("category")
ON CONFLICT DO NOTHING;
