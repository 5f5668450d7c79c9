/**
 * The admin side of the catalogue: every function takes the Prisma client and the acting
 * user, and refuses a non-admin (AdminAccessError) before reading or writing anything.
 */
export { AdminAccessError, assertAdmin, type AdminActor } from "./actor";
export { listAuditEntries, type AuditAction, type AuditEntry } from "./audit-log";
export { diffJson, type AuditChange } from "./diff";
export { adminExportCatalogue, adminImportCatalogue, type AdminImportReport } from "./import-export";
export { createInsurer, deleteInsurer, INSURER_KINDS, insurerInputSchema, listInsurers, updateInsurer, type AdminInsurer, type InsurerInput } from "./insurers";
export { listOffers, OFFER_PAGE_SIZE, type OfferListFilters, type OfferListItem, type OfferListPage } from "./list-offers";
export { adminCreateOffer, adminSaveOffer, adminSetOfferStatus, duplicateOffer, OfferIdTakenError, type OfferDates } from "./offer-writes";
export { previewOffer, type OfferPreview, type PreviewFigures, type PreviewRow } from "./preview";
