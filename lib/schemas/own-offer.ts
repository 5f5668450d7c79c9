import { z } from "zod";
import { isoDateSchema } from "./money";

/**
 * Offers one person may keep. A person compares the few quotes (devis) they were sent and
 * their current contract, not a catalogue: 20 is more than anyone collects, and it bounds
 * what one account stores and adds to each of its rankings (every own offer is quoted with
 * the catalogue, on the same worker budget).
 */
export const MAX_OWN_OFFERS = 20;

/** Own offers get server-made ids ("perso-" and 24 hex digits), never one the browser chose. */
export const ownOfferIdSchema = z.string().regex(/^perso-[0-9a-f]{24}$/, "Offre introuvable");

/** The membership start of the current contract, or null when the offer is not the current contract. */
export const currentContractSinceSchema = isoDateSchema.nullable();

/**
 * The save form. The offer itself is checked by validateOwnOffer (the catalogue's zod
 * schema; the contrat responsable rules only as warnings), which reports paths in the offer.
 */
export const saveOwnOfferInputSchema = z.object({
  id: ownOfferIdSchema.optional(),
  expectedVersion: z.int().min(1).optional(),
  offer: z.unknown(),
  currentContractSince: currentContractSinceSchema,
});
export type SaveOwnOfferInput = z.output<typeof saveOwnOfferInputSchema>;
