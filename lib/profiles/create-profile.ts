import type { SortKey } from "@/lib/engine";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { profileSchema } from "@/lib/schemas/profile";
import { savedProfileInputSchema, type SavedProfileInput } from "@/lib/schemas/saved-profile";
import { lastRunOf } from "./last-run";
import { MAX_SAVED_PROFILES, ProfileLimitError } from "./errors";
import { lockUser } from "./lock-user";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { CompareProfile, SavedProfileDto } from "./types";

/**
 * Saves a care profile under a name for the user. The input is parsed again here (the
 * actions parse it too): lib/profiles is the last step before the database, whoever calls it.
 * With `compare`, the profile is saved with its ranking as its last run (the one the
 * results page just showed, sorted by `sort`), so the account page has figures at once.
 * Throws ProfileLimitError past MAX_SAVED_PROFILES; returns null for an unknown user.
 */
export async function createProfile(
  prisma: PrismaClient,
  { userId, sort = "total", now = new Date(), ...input }: { userId: string; sort?: SortKey; now?: Date } & SavedProfileInput,
  compare?: CompareProfile,
): Promise<SavedProfileDto | null> {
  const { name, profile } = savedProfileInputSchema.parse(input);
  const ran = compare ? await compare(profileSchema.parse(profile), sort) : null;
  const lastRun = ran ? lastRunOf(ran.result, ran.catalogueRevision, now, ran.catalogueUpdatedAt) : undefined;
  const row = await prisma.$transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return null;
    if ((await tx.savedProfile.count({ where: { userId } })) >= MAX_SAVED_PROFILES) throw new ProfileLimitError();
    return tx.savedProfile.create({
      data: { userId, name, profile, ...(lastRun ? { lastRun, lastRunAt: now } : {}) },
      select: SAVED_PROFILE_SELECT,
    });
  });
  return row ? toSavedProfileDto(row) : null;
}
