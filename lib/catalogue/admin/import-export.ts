import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { CatalogueIssue } from "../errors";
import { exportCatalogue, serializeCatalogue } from "../export-catalogue";
import { importCatalogue } from "../import-catalogue";
import { readCatalogueOffers, type CatalogueOffer } from "../read-offers";
import { assertAdmin, type AdminActor } from "./actor";
import { offerChanges, recordAudit } from "./audit-log";

export type AdminImportReport =
  | { ok: true; dryRun: boolean; offers: number; created: number; updated: number; unchanged: number }
  | { ok: false; issues: CatalogueIssue[] };

/** The export file of `npm run catalogue:export`: every published offer, byte-stable. */
export async function adminExportCatalogue(prisma: PrismaClient, actor: AdminActor): Promise<string> {
  assertAdmin(actor);
  return serializeCatalogue(await exportCatalogue(prisma));
}

/**
 * Why a file is not JSON, in French and with where it goes wrong (line and column), since
 * the parser's own message is English ("Expected double-quoted property name…").
 */
export function jsonSyntaxMessage(text: string, error: unknown): string {
  const advice = "Un catalogue exporté depuis cette page montre le format attendu.";
  if (text.trim() === "") return `Le fichier est vide. ${advice}`;
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (position === undefined) return `Ce fichier n’est pas du JSON valide (il se termine trop tôt ou ne commence pas comme un catalogue). ${advice}`;
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `Ce fichier n’est pas du JSON valide : erreur ligne ${line}, colonne ${column}. ${advice}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: CatalogueIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: jsonSyntaxMessage(text, error) }] };
  }
}

const idsOf = (value: unknown): string[] => {
  const offers = (value as { offers?: unknown } | null)?.offers;
  return Array.isArray(offers) ? offers.map((offer) => (offer as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === "string") : [];
};

async function snapshot(prisma: PrismaClient, ids: string[]): Promise<Map<string, CatalogueOffer>> {
  const offers = await readCatalogueOffers(prisma, Prisma.sql`o."id" = ANY(${ids}::text[])`);
  return new Map(offers.map((stored) => [stored.offer.id, stored]));
}

/**
 * The import of `npm run catalogue:import`, from the admin page: `dryRun` validates and
 * performs the writes inside a rolled-back transaction (the report the admin reads before
 * applying). A real import records one audit entry per created or changed offer, diffed
 * from snapshots taken around the import's own transaction.
 */
export async function adminImportCatalogue(prisma: PrismaClient, actor: AdminActor, text: string, options: { dryRun: boolean }): Promise<AdminImportReport> {
  assertAdmin(actor);
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (options.dryRun) return importCatalogue(prisma, parsed.value, { dryRun: true });

  const ids = idsOf(parsed.value);
  const before = await snapshot(prisma, ids);
  const result = await importCatalogue(prisma, parsed.value);
  if (!result.ok) return result;
  const after = await snapshot(prisma, ids);
  await prisma.$transaction(async (tx) => {
    for (const [id, stored] of after) {
      const changes = offerChanges(before.get(id) ?? null, stored);
      if (changes.length > 0) await recordAudit(tx, { offerId: id, action: "import", actor, version: stored.version, changes });
    }
  });
  return result;
}
