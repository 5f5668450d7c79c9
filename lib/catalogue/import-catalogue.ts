import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { FRENCH_ERRORS } from "../schemas/french-errors";
import { catalogueSchema, offerSchema, validateResponsable, type Offer } from "../schemas/offer";
import type { CatalogueIssue } from "./errors";
import { readCatalogueOffers } from "./read-offers";
import { pathKey } from "./validate-offer";
import { insertOfferChildren, insertOfferRows, type NewOfferRow } from "./bulk-insert";
import { insurerIdFor, writeValidOffer, type Tx } from "./write-offer";

export type ImportCatalogueResult =
  | { ok: true; dryRun: boolean; offers: number; created: number; updated: number; unchanged: number }
  | { ok: false; issues: CatalogueIssue[] };

/** The R871-2 violations of one parsed offer, at its place in the file. */
function responsableIssues(offer: Offer, index: number): CatalogueIssue[] {
  return validateResponsable(offer).map(({ rule, path, message }) => ({ rule, path: ["offers", index, ...path], message }));
}

/** Every reason to refuse the file, not just the first: zod issues, then R871-2 per offer. */
function catalogueIssues(input: unknown): { catalogue: Offer[] } | { issues: CatalogueIssue[] } {
  const parsed = catalogueSchema.safeParse(input, FRENCH_ERRORS);
  if (parsed.success) {
    // Every offer parsed: R871-2 is checked on them, not on a second parse of the file.
    const issues = parsed.data.offers.flatMap((offer, index) => responsableIssues(offer, index));
    return issues.length > 0 ? { issues } : { catalogue: parsed.data.offers };
  }
  const issues: CatalogueIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path.map(pathKey), message: issue.message }));
  const offers = (input as { offers?: unknown } | null)?.offers;
  if (Array.isArray(offers)) {
    // catalogueSchema checks duplicate ids only once every offer parses: check here too,
    // so one import run reports everything.
    const seen = new Set<unknown>();
    offers.forEach((raw, index) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === "string" && seen.has(id) && !issues.some((issue) => issue.path.join(".") === `offers.${index}.id`)) {
        issues.push({ path: ["offers", index, "id"], message: `Identifiant d'offre « ${id} » en double` });
      }
      seen.add(id);
    });
    // The offers that parse on their own are checked against R871-2 too.
    offers.forEach((raw, index) => {
      const offer = offerSchema.safeParse(raw, FRENCH_ERRORS);
      if (offer.success) issues.push(...responsableIssues(offer.data, index));
    });
  }
  const offerIndex = (issue: CatalogueIssue) => (issue.path[0] === "offers" && typeof issue.path[1] === "number" ? issue.path[1] : -1);
  return { issues: issues.sort((a, b) => offerIndex(a) - offerIndex(b)) };
}

class DryRunRollback extends Error {}

/**
 * Imports a catalogue file (`catalogueSchema`): its offers are created or updated and
 * published; offers absent from the file are left as they are. All or nothing: the file
 * is validated as a whole first (every invalid offer reported with its path), then
 * written in one transaction. `dryRun` performs the same writes and rolls them back, so
 * it also proves the database accepts them.
 */
export async function importCatalogue(
  prisma: PrismaClient,
  input: unknown,
  options: { dryRun?: boolean } = {},
): Promise<ImportCatalogueResult> {
  const checked = catalogueIssues(input);
  if ("issues" in checked) return { ok: false, issues: checked.issues };
  const offers = checked.catalogue;
  const dryRun = options.dryRun ?? false;
  const counts = { created: 0, updated: 0, unchanged: 0 };

  const write = async (tx: Tx) => {
    const existing = new Map(
      (await readCatalogueOffers(tx, Prisma.sql`o."id" = ANY(${offers.map((offer) => offer.id)}::text[])`)).map((found) => [found.offer.id, found]),
    );
    const fresh: Offer[] = [];
    for (const offer of offers) {
      const current = existing.get(offer.id);
      if (!current) {
        fresh.push(offer);
      } else {
        // Writes only what differs: "updated" or "unchanged".
        counts[(await writeValidOffer(tx, offer, current, { status: "PUBLISHED" })).outcome] += 1;
      }
    }
    const rows: NewOfferRow[] = [];
    for (const offer of fresh) {
      rows.push({ offer, insurerId: await insurerIdFor(tx, offer.insurer), status: "PUBLISHED", validFrom: null, validTo: null });
    }
    await insertOfferRows(tx, rows);
    await insertOfferChildren(tx, fresh);
    counts.created = fresh.length;
    if (dryRun) throw new DryRunRollback();
  };

  try {
    await prisma.$transaction(write, { timeout: 10 * 60_000, maxWait: 30_000 });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { ok: true, dryRun, offers: offers.length, ...counts };
}
