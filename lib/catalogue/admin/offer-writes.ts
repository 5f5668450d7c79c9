import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { OfferNotFoundError, OfferValidationError } from "../errors";
import { readCatalogueOffers, type CatalogueOffer, type CatalogueOfferStatus } from "../read-offers";
import { validateOffer } from "../validate-offer";
import { writeValidOffer, type SaveOfferResult, type Tx } from "../write-offer";
import { assertAdmin, type AdminActor } from "./actor";
import { offerChanges, recordAudit, type AuditAction } from "./audit-log";

/** The offer id asked for a new offer is already taken: creating must never overwrite. */
export class OfferIdTakenError extends OfferValidationError {
  constructor(id: string) {
    super([{ path: ["id"], message: `L'identifiant « ${id} » est déjà utilisé par une autre offre : choisissez-en un autre.` }]);
    this.name = "OfferIdTakenError";
  }
}

async function readOne(tx: Pick<PrismaClient, "$queryRaw">, id: string): Promise<CatalogueOffer | null> {
  const [found] = await readCatalogueOffers(tx, Prisma.sql`o."id" = ${id}`);
  return found ?? null;
}

interface AuditedWrite {
  action: AuditAction;
  /** Prepended to the field diff (the source of a duplicate). */
  extraChanges?: { path: string; old: unknown; new: unknown }[];
}

/**
 * Runs one write and its audit entry in one transaction: the entry is the diff between
 * the offer as stored before and after, so it records exactly what the write changed.
 * An unchanged save writes no entry (nothing happened).
 */
async function auditedWrite(
  prisma: PrismaClient,
  actor: AdminActor,
  id: string,
  audit: AuditedWrite,
  write: (tx: Tx, before: CatalogueOffer | null) => Promise<SaveOfferResult>,
): Promise<SaveOfferResult> {
  return prisma.$transaction(async (tx) => {
    const before = await readOne(tx, id);
    const result = await write(tx, before);
    if (result.outcome === "unchanged") return result;
    const after = await readOne(tx, id);
    const changes = [...(audit.extraChanges ?? []), ...offerChanges(before, after)];
    await recordAudit(tx, { offerId: id, action: audit.action, actor, version: result.version, changes });
    return result;
  });
}

function validated(input: unknown) {
  const validation = validateOffer(input);
  if (!validation.ok) throw new OfferValidationError(validation.issues);
  return validation.offer;
}

export interface OfferDates {
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * The editor's save of an existing offer: refused with StaleVersionError when the stored
 * version moved since the editor read `expectedVersion` (never a silent overwrite), with
 * OfferValidationError (zod path, R871-2 rule named) when invalid. The status is kept:
 * saving a published offer changes what the public site shows.
 */
export async function adminSaveOffer(
  prisma: PrismaClient,
  actor: AdminActor,
  input: unknown,
  options: OfferDates & { expectedVersion: number },
): Promise<SaveOfferResult> {
  assertAdmin(actor);
  const offer = validated(input);
  return auditedWrite(prisma, actor, offer.id, { action: "update" }, async (tx, before) => {
    if (!before) throw new OfferNotFoundError(offer.id);
    return writeValidOffer(tx, offer, before, options);
  });
}

/** A new offer, created as a draft; an id already in use is refused, never overwritten. */
export async function adminCreateOffer(prisma: PrismaClient, actor: AdminActor, input: unknown, options: OfferDates = {}): Promise<SaveOfferResult> {
  assertAdmin(actor);
  const offer = validated(input);
  return auditedWrite(prisma, actor, offer.id, { action: "create" }, async (tx, before) => {
    if (before) throw new OfferIdTakenError(offer.id);
    return writeValidOffer(tx, offer, null, { ...options, status: "DRAFT" });
  });
}

const PUBLICATION_ACTIONS: Record<CatalogueOfferStatus, AuditAction> = { PUBLISHED: "publish", ARCHIVED: "archive", DRAFT: "unpublish" };

/** Draft → published → archived (and back to draft): terms untouched, version checked. */
export async function adminSetOfferStatus(
  prisma: PrismaClient,
  actor: AdminActor,
  id: string,
  options: { status: CatalogueOfferStatus; expectedVersion: number },
): Promise<SaveOfferResult> {
  assertAdmin(actor);
  return auditedWrite(prisma, actor, id, { action: PUBLICATION_ACTIONS[options.status] }, async (tx, before) => {
    if (!before) throw new OfferNotFoundError(id);
    return writeValidOffer(tx, before.offer, before, { status: options.status, expectedVersion: options.expectedVersion });
  });
}

/** "Dupliquer comme nouvelle formule": same terms under a new id and formula, as a draft. */
export async function duplicateOffer(
  prisma: PrismaClient,
  actor: AdminActor,
  sourceId: string,
  target: { id: string; formula: string },
): Promise<SaveOfferResult> {
  assertAdmin(actor);
  const source = await readOne(prisma, sourceId);
  if (!source) throw new OfferNotFoundError(sourceId);
  const offer = validated({ ...source.offer, id: target.id, formula: target.formula });
  return auditedWrite(
    prisma,
    actor,
    offer.id,
    { action: "duplicate", extraChanges: [{ path: "copieDe", old: null, new: sourceId }] },
    async (tx, before) => {
      if (before) throw new OfferIdTakenError(offer.id);
      return writeValidOffer(tx, offer, null, { status: "DRAFT" });
    },
  );
}
