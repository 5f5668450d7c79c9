"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ACTION_BODY_LIMIT_BYTES, IMPORT_TOO_LARGE_MESSAGE } from "@/lib/actions/limits";
import { adminAction } from "@/lib/actions/user-action";
import {
  adminExportCatalogue,
  adminImportCatalogue,
  adminSaveOffer,
  adminSetOfferStatus,
  createInsurer,
  deleteInsurer,
  duplicateOffer,
  insurerInputSchema,
  previewOffer,
  updateInsurer,
} from "@/lib/catalogue/admin";
import { quoteLooseOffersOffThread } from "@/lib/compare/engine-thread";
import { db } from "@/lib/db";
import { catalogueResult, flatten } from "./catalogue-result";

// Every action below is a public endpoint: adminAction checks the session and the ADMIN
// role before the handler runs, and the lib functions check the role again.

const offerIdSchema = z.string().min(1).max(64);
const dateSchema = z.iso.date("Date attendue au format AAAA-MM-JJ").nullable();

/** The offer itself is validated by lib/catalogue (zod + R871-2), which reports paths in the offer. */
const saveOfferSchema = z.object({ offer: z.unknown(), expectedVersion: z.int().min(1), validFrom: dateSchema, validTo: dateSchema });
const save = adminAction(saveOfferSchema, ({ offer, expectedVersion, validFrom, validTo }, user) =>
  catalogueResult(async () => {
    const saved = await adminSaveOffer(db(), user, offer, { expectedVersion, validFrom, validTo });
    revalidatePath("/admin", "layout");
    return saved;
  }),
);
export async function saveOfferAction(raw: unknown) {
  return flatten(await save(raw));
}

const statusSchema = z.object({ id: offerIdSchema, status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]), expectedVersion: z.int().min(1) });
const setStatus = adminAction(statusSchema, ({ id, status, expectedVersion }, user) =>
  catalogueResult(async () => {
    const saved = await adminSetOfferStatus(db(), user, id, { status, expectedVersion });
    revalidatePath("/admin", "layout");
    return saved;
  }),
);
export async function setOfferStatusAction(raw: unknown) {
  return flatten(await setStatus(raw));
}

const duplicateSchema = z.object({ sourceId: offerIdSchema, id: z.string(), formula: z.string() });
const duplicate = adminAction(duplicateSchema, ({ sourceId, id, formula }, user) =>
  catalogueResult(async () => {
    const saved = await duplicateOffer(db(), user, sourceId, { id, formula });
    revalidatePath("/admin", "layout");
    return saved;
  }),
);
export async function duplicateOfferAction(raw: unknown) {
  return flatten(await duplicate(raw));
}

const preview = adminAction(z.unknown(), (offer, user) => previewOffer(db(), user, offer, quoteLooseOffersOffThread));
/** The edited offer on the reference profiles next to its published version; writes nothing. */
export async function previewOfferAction(raw: unknown) {
  return preview(raw);
}

const insurerSchema = z.object({ id: z.string().nullable(), insurer: insurerInputSchema });
const saveInsurer = adminAction(insurerSchema, ({ id, insurer }, user) =>
  catalogueResult(async () => {
    const saved = id === null ? await createInsurer(db(), user, insurer) : await updateInsurer(db(), user, id, insurer);
    revalidatePath("/admin", "layout");
    return saved;
  }),
);
export async function saveInsurerAction(raw: unknown) {
  return flatten(await saveInsurer(raw));
}

const removeInsurer = adminAction(z.object({ id: z.string().min(1) }), ({ id }, user) =>
  catalogueResult(async () => {
    await deleteInsurer(db(), user, id);
    revalidatePath("/admin", "layout");
    return { id };
  }),
);
export async function deleteInsurerAction(raw: unknown) {
  return flatten(await removeInsurer(raw));
}

/** An action body is at most 1 MB (lib/actions/limits.ts), about 300 offers: beyond, `npm run catalogue:import`. */
const importSchema = z.object({ text: z.string().min(1, "Choisissez un fichier").max(ACTION_BODY_LIMIT_BYTES, IMPORT_TOO_LARGE_MESSAGE), dryRun: z.boolean() });
const importFile = adminAction(importSchema, async ({ text, dryRun }, user) => {
  const report = await adminImportCatalogue(db(), user, text, { dryRun });
  if (!dryRun && report.ok) revalidatePath("/admin", "layout");
  return report;
});
export async function importCatalogueAction(raw: unknown) {
  return importFile(raw);
}

const exportFile = adminAction(z.object({}), (_input, user) => adminExportCatalogue(db(), user));
export async function exportCatalogueAction(raw: unknown) {
  return exportFile(raw);
}
