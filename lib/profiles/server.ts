import "server-only";
import { loadPublishedCatalogue } from "@/lib/catalogue/server";
import { runComparison } from "@/lib/compare/run-comparison";
import type { SortKey } from "@/lib/engine";
import type { SavedProfileInput } from "@/lib/schemas/saved-profile";
import type { Profile } from "@/lib/schemas/profile";
import { db } from "../db";
import * as profiles from "./index";

/**
 * The comparison the results page shows, with the revision of the catalogue it ran on.
 * runComparison reads the catalogue itself: the revision is read before and after, and a
 * change in between (a publication at that instant) runs it once more, so the stored
 * revision is the one the figures come from.
 */
async function compareWithRevision(profile: Profile, sort: SortKey) {
  for (let attempt = 1; ; attempt += 1) {
    const before = (await loadPublishedCatalogue()).revision;
    const result = await runComparison(profile, sort);
    const after = (await loadPublishedCatalogue()).revision;
    // Three publications during three comparisons: keep the last figures with the later revision.
    if (after === before || attempt === 3) {
      // Said to the person as "catalogue mis à jour le …": a revision number means nothing to them.
      const stamp = await db().catalogueRevision.findUnique({ where: { id: 1 }, select: { changedAt: true } });
      return { catalogueRevision: after, catalogueUpdatedAt: stamp?.changedAt, result };
    }
  }
}

export const listProfiles = (input: { userId: string }) => profiles.listProfiles(db(), input);
export const getProfile = (input: { userId: string; id: string }) => profiles.getProfile(db(), input);
/** Saved with the ranking the results page shows for it (same catalogue, same sort). */
export const createProfile = (input: { userId: string; sort?: SortKey } & SavedProfileInput) => profiles.createProfile(db(), input, compareWithRevision);
export const renameProfile = (input: { userId: string; id: string; name: string }) => profiles.renameProfile(db(), input);
export const duplicateProfile = (input: { userId: string; id: string }) => profiles.duplicateProfile(db(), input);
export const deleteProfile = (input: { userId: string; id: string }) => profiles.deleteProfile(db(), input);
export const rerunProfile = (input: { userId: string; id: string; sort?: SortKey }) => profiles.rerunProfile(db(), input, compareWithRevision);
export const exportUserData = (input: { userId: string }) => profiles.exportUserData(db(), input);
export const deleteAccount = (input: { userId: string }) => profiles.deleteAccount(db(), input);
