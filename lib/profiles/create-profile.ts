import type { PrismaClient } from "@/lib/generated/prisma/client";
import { savedProfileInputSchema, type SavedProfileInput } from "@/lib/schemas/saved-profile";
import { MAX_SAVED_PROFILES, ProfileLimitError } from "./errors";
import { lockUser } from "./lock-user";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { SavedProfileDto } from "./types";

/**
 * Saves a care profile under a name for the user. The input is parsed again here (the
 * actions parse it too): lib/profiles is the last step before the database, whoever calls it.
 * Throws ProfileLimitError past MAX_SAVED_PROFILES; returns null for an unknown user.
 */
export async function createProfile(
  prisma: PrismaClient,
  { userId, ...input }: { userId: string } & SavedProfileInput,
): Promise<SavedProfileDto | null> {
  const { name, profile } = savedProfileInputSchema.parse(input);
  const row = await prisma.$transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return null;
    if ((await tx.savedProfile.count({ where: { userId } })) >= MAX_SAVED_PROFILES) throw new ProfileLimitError();
    return tx.savedProfile.create({ data: { userId, name, profile }, select: SAVED_PROFILE_SELECT });
  });
  return row ? toSavedProfileDto(row) : null;
}
