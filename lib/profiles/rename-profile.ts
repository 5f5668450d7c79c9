import type { PrismaClient } from "@/lib/generated/prisma/client";
import { savedProfileNameSchema } from "@/lib/schemas/saved-profile";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { SavedProfileDto } from "./types";

/** Renames one of the user's profiles; null when no profile of theirs has this id (nothing is written). */
export async function renameProfile(
  prisma: PrismaClient,
  { userId, id, name }: { userId: string; id: string; name: string },
): Promise<SavedProfileDto | null> {
  const newName = savedProfileNameSchema.parse(name);
  // The owner is part of the update's own filter: someone else's id updates no row.
  const { count } = await prisma.savedProfile.updateMany({ where: { id, userId }, data: { name: newName } });
  if (count === 0) return null;
  const row = await prisma.savedProfile.findFirst({ where: { id, userId }, select: SAVED_PROFILE_SELECT });
  return row ? toSavedProfileDto(row) : null;
}
