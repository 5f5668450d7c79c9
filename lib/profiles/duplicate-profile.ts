import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_SAVED_PROFILES, ProfileLimitError } from "./errors";
import { lockUser } from "./lock-user";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { SavedProfileDto } from "./types";

const COPY_SUFFIX = " (copie)";
const MAX_NAME_LENGTH = 80;

/** "<name> (copie)", the original name shortened so the copy's name stays within 80 characters. */
export function copyName(name: string): string {
  return `${name.slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

/**
 * Copies one of the user's profiles, with its last run (same profile, same figures), under
 * "<name> (copie)". Null when no profile of theirs has this id; ProfileLimitError past the limit.
 */
export async function duplicateProfile(prisma: PrismaClient, { userId, id }: { userId: string; id: string }): Promise<SavedProfileDto | null> {
  const row = await prisma.$transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return null;
    const source = await tx.savedProfile.findFirst({ where: { id, userId }, select: { name: true, profile: true, lastRun: true, lastRunAt: true } });
    if (!source) return null;
    if ((await tx.savedProfile.count({ where: { userId } })) >= MAX_SAVED_PROFILES) throw new ProfileLimitError();
    return tx.savedProfile.create({
      data: {
        userId,
        name: copyName(source.name),
        profile: source.profile ?? Prisma.JsonNull,
        lastRun: source.lastRun ?? Prisma.DbNull,
        lastRunAt: source.lastRunAt,
      },
      select: SAVED_PROFILE_SELECT,
    });
  });
  return row ? toSavedProfileDto(row) : null;
}
