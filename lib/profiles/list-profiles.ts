import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { SavedProfileDto } from "./types";

/** The user's saved profiles, most recently changed first (the [userId, updatedAt] index). */
export async function listProfiles(prisma: PrismaClient, { userId }: { userId: string }): Promise<SavedProfileDto[]> {
  const rows = await prisma.savedProfile.findMany({
    where: { userId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: SAVED_PROFILE_SELECT,
  });
  return rows.map(toSavedProfileDto);
}
