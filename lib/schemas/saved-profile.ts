import { z } from "zod";
import { moneySchema } from "./money";
import { profileSchema } from "./profile";

/** A saved profile's name, as the person types it: trimmed, 1 to 80 characters. */
export const savedProfileNameSchema = z
  .string()
  .trim()
  .min(1, "Donnez un nom à ce profil")
  .max(80, "80 caractères au plus pour le nom du profil");

/**
 * A saved profile's id as it arrives from a browser: a string of bounded length. Whether
 * it exists, and belongs to the caller, is decided by the query itself (lib/profiles).
 */
export const savedProfileIdSchema = z.string().trim().min(1, "Profil manquant").max(64, "Identifiant de profil invalide");

export const sortKeySchema = z.enum(["rac", "total"]);

export const savedProfileInputSchema = z.object({
  name: savedProfileNameSchema,
  profile: profileSchema,
});
export type SavedProfileInput = z.input<typeof savedProfileInputSchema>;

const lastRunOfferSchema = z.object({
  offerId: z.string(),
  insurer: z.string(),
  formula: z.string(),
  annualPremium: moneySchema,
  expectedRac: moneySchema,
  totalCost: moneySchema,
});

/**
 * The result of a saved profile's last run, kept in SavedProfile.lastRun: the top offers
 * with their figures for display, and every ranked offer's premium so the next run can
 * tell which offers appeared, disappeared or changed price.
 */
export const lastRunSchema = z.object({
  ranAt: z.iso.datetime(),
  catalogueRevision: z.string(),
  /** When the catalogue last changed before this run (absent from runs saved before it was kept). */
  catalogueUpdatedAt: z.iso.datetime().optional(),
  sort: sortKeySchema,
  top: z.array(lastRunOfferSchema),
  offers: z.array(z.object({ offerId: z.string(), annualPremium: moneySchema })),
});
export type LastRun = z.output<typeof lastRunSchema>;
export type LastRunOffer = z.output<typeof lastRunOfferSchema>;
