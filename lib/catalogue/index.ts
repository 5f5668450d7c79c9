/**
 * The catalogue in PostgreSQL. Every function takes the Prisma client to use, so scripts,
 * the seed and tests pass their own; the app calls the wrappers of ./server.ts, which
 * use db(). Reads return the engine's plain Offer (money as "30.00" strings): no Prisma
 * type or Decimal leaves this folder.
 */
export { OfferNotFoundError, OfferValidationError, StaleVersionError, type CatalogueIssue } from "./errors";
export { exportCatalogue, serializeCatalogue } from "./export-catalogue";
export { importCatalogue, type ImportCatalogueResult } from "./import-catalogue";
export {
  countPublishedOffers,
  loadPublishedCatalogue,
  type CatalogueInsurer,
  type InsurerKind,
  type PublishedCatalogue,
} from "./published-catalogue";
export { upsertInsurer } from "./insurers";
export { getOffer, todayInFrance, type CatalogueOffer, type CatalogueOfferStatus } from "./read-offers";
export { validateOffer, type OfferValidation } from "./validate-offer";
export {
  saveOffer,
  setOfferPublication,
  type OfferPublicationInput,
  type SaveOfferOptions,
  type SaveOfferResult,
  type SaveOutcome,
} from "./write-offer";
