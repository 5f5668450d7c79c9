import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type * as Db from "../generated/prisma/enums";
import { FRENCH_ERRORS } from "../schemas/french-errors";
import { isoDateSchema } from "../schemas/money";
import type { Offer } from "../schemas/offer";
import { insertOfferChildren, insertOfferRows } from "./bulk-insert";
import { canonicalJson } from "./canonical-json";
import { type CatalogueIssue, OfferNotFoundError, OfferValidationError, StaleVersionError } from "./errors";
import { readCatalogueOffers, type CatalogueOffer, type CatalogueOfferStatus } from "./read-offers";
import { validateOffer } from "./validate-offer";

export type Tx = Prisma.TransactionClient;

/** Publication fields a write may set; absent ones keep their stored value (DRAFT, unbounded, for a new offer). */
export interface OfferPublicationInput {
  status?: CatalogueOfferStatus;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface SaveOfferOptions extends OfferPublicationInput {
  /** The version the editor read: the save is refused with StaleVersionError if it moved. Omit to upsert (seed, import). */
  expectedVersion?: number;
}

export type SaveOutcome = "created" | "updated" | "unchanged";
export interface SaveOfferResult {
  id: string;
  version: number;
  outcome: SaveOutcome;
}

/** Prisma names enum values without hyphens ("doctor_gp"); the database and the engine spell them "doctor-gp". */
export const dbEnum = <T extends string>(value: string) => value.replaceAll("-", "_") as T;

const insurerIds = new WeakMap<Tx, Map<string, string>>();

/** The insurer's id, created on first sight; its kind follows the offer when the offer states one. */
export async function insurerIdFor(tx: Tx, insurer: Offer["insurer"]): Promise<string> {
  const known = insurerIds.get(tx) ?? new Map<string, string>();
  insurerIds.set(tx, known);
  const kind = insurer.kind === undefined ? undefined : dbEnum<Db.InsurerKind>(insurer.kind);
  const cacheKey = `${insurer.name}\u0000${kind ?? ""}`;
  const cached = known.get(cacheKey);
  if (cached) return cached;
  const existing = await tx.insurer.findUnique({ where: { name: insurer.name }, select: { id: true, kind: true } });
  let id: string;
  if (!existing) {
    id = (await tx.insurer.create({ data: { name: insurer.name, kind: kind ?? null }, select: { id: true } })).id;
  } else {
    id = existing.id;
    if (kind !== undefined && existing.kind !== kind) await tx.insurer.update({ where: { id }, data: { kind } });
  }
  known.set(cacheKey, id);
  return id;
}

function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined) {
  const issues: CatalogueIssue[] = [];
  for (const [field, day] of [["validFrom", validFrom], ["validTo", validTo]] as const) {
    const parsed = isoDateSchema.nullish().safeParse(day, FRENCH_ERRORS);
    if (!parsed.success) issues.push({ path: [field], message: parsed.error.issues[0]!.message });
  }
  if (issues.length === 0 && validFrom && validTo && validFrom > validTo) {
    issues.push({ path: ["validTo"], message: "La fin de validité précède le début de validité." });
  }
  if (issues.length > 0) throw new OfferValidationError(issues);
}

const isoDate = (day: string | null | undefined) => (day === null || day === undefined ? day : new Date(`${day}T00:00:00.000Z`));

/** The offer row's own terms, the same for a catalogue offer and a person's own offer. */
export function offerTermsColumns(offer: Offer) {
  return {
    formula: offer.formula,
    level: offer.level,
    responsable: offer.responsable,
    networkName: offer.network ? dbEnum<Db.CareNetwork>(offer.network.name) : null,
    networkLensesDiscount: offer.network?.lensesDiscountPercent ?? null,
    networkFrameDiscount: offer.network?.frameDiscountPercent ?? null,
    networkDentalDiscount: offer.network?.dentalDiscountPercent ?? null,
    networkHearingDiscount: offer.network?.hearingDiscountPercent ?? null,
  };
}

function offerColumns(offer: Offer, insurerId: string) {
  return { insurerId, ...offerTermsColumns(offer) };
}

/** Does writing `offer` with `publication` change anything stored in `current`? */
function differs(current: CatalogueOffer, offer: Offer, publication: OfferPublicationInput): boolean {
  // An offer that does not state the insurer's kind leaves the stored kind alone.
  const incoming = offer.insurer.kind === undefined && current.offer.insurer.kind !== undefined
    ? { ...offer, insurer: { ...offer.insurer, kind: current.offer.insurer.kind } }
    : offer;
  return (
    canonicalJson(current.offer) !== canonicalJson(incoming) ||
    (publication.status !== undefined && publication.status !== current.status) ||
    (publication.validFrom !== undefined && publication.validFrom !== current.validFrom) ||
    (publication.validTo !== undefined && publication.validTo !== current.validTo)
  );
}

/**
 * Writes an already validated offer inside `tx`. `current` is its stored state (null if
 * new). Children are replaced as a whole: an offer is edited and versioned as one unit.
 */
export async function writeValidOffer(
  tx: Tx,
  offer: Offer,
  current: CatalogueOffer | null,
  options: SaveOfferOptions,
): Promise<SaveOfferResult> {
  checkValidity(options.validFrom === undefined ? current?.validFrom : options.validFrom, options.validTo === undefined ? current?.validTo : options.validTo);
  const publication = {
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.validFrom !== undefined ? { validFrom: isoDate(options.validFrom) } : {}),
    ...(options.validTo !== undefined ? { validTo: isoDate(options.validTo) } : {}),
  };
  if (current === null) {
    if (options.expectedVersion !== undefined) throw new OfferNotFoundError(offer.id);
    await insertOfferRows(tx, [
      {
        offer,
        insurerId: await insurerIdFor(tx, offer.insurer),
        status: options.status ?? "DRAFT",
        validFrom: options.validFrom ?? null,
        validTo: options.validTo ?? null,
      },
    ]);
    await insertOfferChildren(tx, [offer]);
    return { id: offer.id, version: 1, outcome: "created" };
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new StaleVersionError(offer.id, options.expectedVersion, current.version);
  }
  if (!differs(current, offer, options)) return { id: offer.id, version: current.version, outcome: "unchanged" };

  const insurerId = await insurerIdFor(tx, offer.insurer);
  // The version in the WHERE clause makes the check and the write one atomic step: of two
  // editors who read the same version, the second one's update matches no row.
  const updated = await tx.offer.updateMany({
    where: { id: offer.id, version: current.version },
    data: { ...offerColumns(offer, insurerId), ...publication, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const now = await tx.offer.findUnique({ where: { id: offer.id }, select: { version: true } });
    if (!now) throw new OfferNotFoundError(offer.id);
    throw new StaleVersionError(offer.id, options.expectedVersion ?? current.version, now.version);
  }
  await tx.offerGuarantee.deleteMany({ where: { offerId: offer.id } });
  await tx.offerCeiling.deleteMany({ where: { offerId: offer.id } });
  await tx.offerPremiumBand.deleteMany({ where: { offerId: offer.id } });
  await insertOfferChildren(tx, [offer]);
  return { id: offer.id, version: current.version + 1, outcome: "updated" };
}

/**
 * Creates or updates one offer (the admin editor's save, the seed's upsert). Refuses an
 * invalid offer (OfferValidationError: zod issues or the R871-2 rule broken) and, with
 * `expectedVersion`, an offer saved by someone else since it was read (StaleVersionError).
 * Saving identical content writes nothing, so neither the version nor the catalogue
 * revision moves.
 */
export async function saveOffer(prisma: PrismaClient, input: unknown, options: SaveOfferOptions = {}): Promise<SaveOfferResult> {
  const validation = validateOffer(input);
  if (!validation.ok) throw new OfferValidationError(validation.issues);
  const offer = validation.offer;
  return prisma.$transaction(async (tx) => {
    const [current] = await readCatalogueOffers(tx, Prisma.sql`o."id" = ${offer.id}`);
    return writeValidOffer(tx, offer, current ?? null, options);
  });
}

/** Publishes, archives or re-dates an offer without touching its terms. */
export async function setOfferPublication(
  prisma: PrismaClient,
  id: string,
  publication: OfferPublicationInput & { expectedVersion: number },
): Promise<SaveOfferResult> {
  return prisma.$transaction(async (tx) => {
    const [current] = await readCatalogueOffers(tx, Prisma.sql`o."id" = ${id}`);
    if (!current) throw new OfferNotFoundError(id);
    return writeValidOffer(tx, current.offer, current, publication);
  });
}
