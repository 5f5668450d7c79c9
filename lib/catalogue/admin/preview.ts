import type { PrismaClient } from "../../generated/prisma/client";
import { quoteOffers, type QuoteOptions, type QuoteResult } from "../../engine";
import type { Offer } from "../../schemas/offer";
import type { Profile } from "../../schemas/profile";
import { REFERENCE_PROFILES, referenceProfile } from "../../../seed/factories/profiles";
import type { CatalogueIssue } from "../errors";
import { getOffer, todayInFrance } from "../read-offers";
import { validateOffer } from "../validate-offer";
import { assertAdmin, type AdminActor } from "./actor";

/**
 * Same sampling as the public comparison (lib/compare/run-comparison.ts), so the figures
 * of the preview are the ones visitors will see once the offer is published.
 */
const MONTE_CARLO = { deductionSampleCount: 10_000 };

/** One offer on one profile: money as "123.45" strings; null fields when the offer cannot cover the profile. */
export type PreviewFigures =
  | { eligible: true; expectedRac: string; totalCost: string; annualPremium: string }
  | { eligible: false; reason: string };

export interface PreviewRow {
  profileId: string;
  label: string;
  description: string;
  /** The offer as edited (unsaved form content). */
  edited: PreviewFigures;
  /** The version visitors see today; null when none is published. */
  published: PreviewFigures | null;
}

export type OfferPreview = { ok: true; rows: PreviewRow[]; publishedVersion: number | null } | { ok: false; issues: CatalogueIssue[] };

/** How the engine is run: the app passes its worker pool (lib/compare/engine-thread.ts); scripts and tests, the engine itself. */
export type QuoteLooseOffers = (offers: readonly Offer[], profile: Profile, options: QuoteOptions) => Promise<QuoteResult>;

const onThisThread: QuoteLooseOffers = async (offers, profile, options) => quoteOffers(offers, profile, options);

async function figures(run: QuoteLooseOffers, offer: Offer, profileId: (typeof REFERENCE_PROFILES)[number]["id"]): Promise<PreviewFigures> {
  const result = await run([offer], referenceProfile(profileId), { breakdown: false, monteCarlo: MONTE_CARLO });
  const quote = result.offers[0];
  if (!quote) return { eligible: false, reason: result.ineligible[0]?.reason ?? "Offre non proposée pour ce profil." };
  return { eligible: true, expectedRac: quote.expectedRac ?? quote.scenario.rac, totalCost: quote.totalCost, annualPremium: quote.annualPremium };
}

/**
 * The reste à charge (expected) and total yearly cost of an edited offer on the four
 * reference profiles of the public site, next to the published version of the same
 * offer, so an admin sees what an edit does before it goes live. Invalid input is
 * answered with its issues (nothing is computed on an offer the engine would refuse).
 */
export async function previewOffer(
  prisma: PrismaClient,
  actor: AdminActor,
  input: unknown,
  quote: QuoteLooseOffers = onThisThread,
): Promise<OfferPreview> {
  assertAdmin(actor);
  const validation = validateOffer(input);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const edited = validation.offer;
  const published = await getOffer(prisma, edited.id, { publishedOn: todayInFrance() });
  return {
    ok: true,
    publishedVersion: published?.version ?? null,
    rows: await Promise.all(
      REFERENCE_PROFILES.map(async (profile) => ({
        profileId: profile.id,
        label: profile.label,
        description: profile.description,
        edited: await figures(quote, edited, profile.id),
        published: published ? await figures(quote, published.offer, profile.id) : null,
      })),
    ),
  };
}
