import type { CatalogueOfferStatus } from "@/lib/catalogue/read-offers";
import type { AuditAction } from "@/lib/catalogue/admin/audit-log";

export const STATUS_LABELS: Record<CatalogueOfferStatus, string> = { DRAFT: "Brouillon", PUBLISHED: "Publiée", ARCHIVED: "Archivée" };

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: "Création",
  update: "Modification",
  publish: "Publication",
  archive: "Archivage",
  unpublish: "Retour en brouillon",
  duplicate: "Duplication",
  import: "Import",
};
