import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { CatalogueOffer } from "../read-offers";
import { assertAdmin, type AdminActor } from "./actor";
import { diffJson, type AuditChange } from "./diff";

export type AuditAction = "create" | "update" | "publish" | "archive" | "unpublish" | "duplicate" | "import";

export interface AuditEntry {
  id: string;
  offerId: string;
  action: AuditAction;
  actorEmail: string;
  version: number;
  changes: AuditChange[];
  /** ISO timestamp. */
  createdAt: string;
}

/** What the audit compares: the engine offer plus its publication fields, as one JSON record. */
export function auditedState(stored: CatalogueOffer | null): Record<string, unknown> | null {
  if (!stored) return null;
  return { ...stored.offer, status: stored.status, validFrom: stored.validFrom, validTo: stored.validTo };
}

/** The diff between two stored states of an offer (null = did not exist). */
export function offerChanges(before: CatalogueOffer | null, after: CatalogueOffer | null): AuditChange[] {
  return diffJson(auditedState(before), auditedState(after));
}

type Writer = Pick<Prisma.TransactionClient, "offerAuditEntry">;

/** Records one change, in the caller's transaction so the entry commits (or not) with the write. */
export async function recordAudit(
  tx: Writer,
  entry: { offerId: string; action: AuditAction; actor: AdminActor; version: number; changes: AuditChange[] },
): Promise<void> {
  await tx.offerAuditEntry.create({
    data: {
      offerId: entry.offerId,
      action: entry.action,
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      version: entry.version,
      changes: entry.changes as unknown as Prisma.InputJsonValue,
    },
  });
}

/** An offer's history, newest first; kept whatever the offer's status (archived included). */
export async function listAuditEntries(prisma: PrismaClient, actor: AdminActor, offerId: string): Promise<AuditEntry[]> {
  assertAdmin(actor);
  const rows = await prisma.offerAuditEntry.findMany({ where: { offerId }, orderBy: [{ createdAt: "desc" }, { version: "desc" }] });
  return rows.map((row) => ({
    id: row.id,
    offerId: row.offerId,
    action: row.action as AuditAction,
    actorEmail: row.actorEmail,
    version: row.version,
    changes: row.changes as unknown as AuditChange[],
    createdAt: row.createdAt.toISOString(),
  }));
}
