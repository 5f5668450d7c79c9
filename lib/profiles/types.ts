import type { ComparisonResult } from "@/lib/compare/types";
import type { SortKey } from "@/lib/engine";
import type { LastRun } from "@/lib/schemas/saved-profile";
import type { Profile } from "@/lib/schemas/profile";

/** A saved profile as pages and client components see it: plain data, dates as ISO strings. */
export interface SavedProfileDto {
  id: string;
  name: string;
  profile: Profile;
  /** The profile in the /comparer?p= format, to open it in the comparison. */
  encodedProfile: string;
  lastRun: LastRun | null;
  createdAt: string;
  updatedAt: string;
}

/** An offer named for display in a list of changes. */
export interface OfferLabel {
  offerId: string;
  /** "Insurer — formula"; only the id is known for an offer that left the catalogue. */
  label: string;
}

/** What moved between two runs of the same saved profile. */
export interface RunChanges {
  /** No earlier run to compare with. */
  firstRun: boolean;
  catalogueChanged: boolean;
  newOffers: OfferLabel[];
  goneOffers: OfferLabel[];
  premiumChanges: (OfferLabel & { from: string; to: string })[];
  /**
   * Set when the best-ranked offer is another one than last time: both named, each with
   * its own figures (the former best as it was then and, when still ranked, as it is now).
   */
  topOfferChange: {
    from: (OfferFigures & { now: Figures | null }) | null;
    to: OfferFigures | null;
  } | null;
  /** Set when the best-ranked offer is the same and its own figures moved: before → after, like with like. */
  topOfferFigures: { offer: OfferLabel; totalCost: MoneyChange | null; expectedRac: MoneyChange | null } | null;
}

/** An offer's yearly figures for the household. */
export interface Figures {
  totalCost: string;
  expectedRac: string;
}
export type OfferFigures = OfferLabel & Figures;
export interface MoneyChange {
  from: string;
  to: string;
}

export interface RerunResult {
  profile: SavedProfileDto;
  changes: RunChanges;
}

/**
 * Runs the comparison of a profile against the published catalogue, with the catalogue
 * revision it was computed on. Given to rerunProfile so lib/profiles stays on the client
 * it is passed (the app gives runComparison on db(), see ./server.ts).
 */
export type CompareProfile = (
  profile: Profile,
  sort: SortKey,
) => Promise<{ catalogueRevision: string; /** When the catalogue last changed. */ catalogueUpdatedAt?: Date; result: ComparisonResult }>;

/** Everything kept about a user, for the RGPD export (art. 15 and 20): no password hash, no session token. */
export interface UserDataExport {
  exportedAt: string;
  user: { email: string; name: string | null; role: "USER" | "ADMIN"; createdAt: string; emailVerified: string | null };
  profiles: {
    name: string;
    profile: unknown;
    createdAt: string;
    updatedAt: string;
    lastRunAt: string | null;
    lastRun: unknown;
  }[];
  /** Offers the person entered from their own papers, in the catalogue format. */
  ownOffers: { offer: unknown; currentContractSince: string | null; createdAt: string; updatedAt: string }[];
}
