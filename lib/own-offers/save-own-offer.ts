import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { insertOfferChildren } from "../catalogue/bulk-insert";
import { OfferValidationError } from "../catalogue/errors";
import { offerTermsColumns } from "../catalogue/write-offer";
import { lockUser } from "../profiles/lock-user";
import type { Offer, ResponsableViolation } from "../schemas/offer";
import { MAX_OWN_OFFERS, type SaveOwnOfferInput } from "../schemas/own-offer";
import { OwnOfferLimitError, OwnOfferStaleError } from "./errors";
import { validateOwnOffer } from "./validate-own-offer";

export interface SaveOwnOfferResult {
  id: string;
  version: number;
  /** The contrat responsable rules the offer departs from: shown, never blocking. */
  warnings: ResponsableViolation[];
}

const newOwnOfferId = () => `perso-${randomBytes(12).toString("hex")}`;
const dateColumn = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00.000Z`));

function columns(offer: Offer, currentContractSince: string | null) {
  return { ownInsurerName: offer.insurer.name, ...offerTermsColumns(offer), currentContractSince: dateColumn(currentContractSince) };
}

/**
 * Creates (no `id`) or updates (an `id` of the caller's) one of the caller's own offers.
 * The id is the server's: a new one is random, and an update matches the owner in its
 * where clause, so another person's id is "not found" (null). Refuses an offer the engine
 * cannot read (OfferValidationError), a 21st offer (OwnOfferLimitError) and, with
 * `expectedVersion`, a save over a newer one (OwnOfferStaleError). Marking this offer the
 * current contract unmarks the caller's previous one in the same transaction.
 */
export async function saveOwnOffer(
  prisma: PrismaClient,
  { userId, id, expectedVersion, offer: input, currentContractSince }: { userId: string } & SaveOwnOfferInput,
): Promise<SaveOwnOfferResult | null> {
  const offerId = id ?? newOwnOfferId();
  // The person chooses no id: the one in the form (a placeholder for a new offer) is replaced.
  const validation = validateOwnOffer(typeof input === "object" && input !== null ? { ...input, id: offerId } : input);
  if (!validation.ok) throw new OfferValidationError(validation.issues);
  const offer = validation.offer;
  return prisma.$transaction(async (tx) => {
    // Two saves of one person run one after the other: the count and the current-contract mark hold.
    if (!(await lockUser(tx, userId))) return null;
    let version: number;
    if (id === undefined) {
      const count = await tx.offer.count({ where: { ownerId: userId } });
      if (count >= MAX_OWN_OFFERS) throw new OwnOfferLimitError();
      await tx.offer.create({ data: { id: offerId, ownerId: userId, status: "DRAFT", ...columns(offer, currentContractSince) } });
      version = 1;
    } else {
      const current = await tx.offer.findFirst({ where: { id, ownerId: userId }, select: { version: true } });
      if (!current) return null;
      if (expectedVersion !== undefined && expectedVersion !== current.version) throw new OwnOfferStaleError();
      await tx.offer.updateMany({
        where: { id, ownerId: userId },
        data: { ...columns(offer, currentContractSince), version: { increment: 1 } },
      });
      // Children replaced as a whole, while the offer row exists (the revision triggers look it up).
      await tx.offerGuarantee.deleteMany({ where: { offerId: id, offer: { ownerId: userId } } });
      await tx.offerCeiling.deleteMany({ where: { offerId: id, offer: { ownerId: userId } } });
      await tx.offerPremiumBand.deleteMany({ where: { offerId: id, offer: { ownerId: userId } } });
      version = current.version + 1;
    }
    await insertOfferChildren(tx, [offer]);
    if (currentContractSince !== null) {
      await tx.offer.updateMany({
        where: { ownerId: userId, id: { not: offerId }, currentContractSince: { not: null } },
        data: { currentContractSince: null },
      });
    }
    return { id: offerId, version, warnings: validation.warnings };
  });
}
