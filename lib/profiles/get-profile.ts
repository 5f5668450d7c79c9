import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { SavedProfileDto } from "./types";

/** One of the user's profiles, or null: another user's id matches nothing, the owner is in the where clause. */
export async function getProfile(prisma: PrismaClient, { userId, id }: { userId: string; id: string }): Promise<SavedProfileDto | null> {
  const row = await prisma.savedProfile.findFirst({ where: { id, userId }, select: SAVED_PROFILE_SELECT });
  return row ? toSavedProfileDto(row) : null;
}
