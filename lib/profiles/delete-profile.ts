import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Deletes one of the user's profiles; false when no profile of theirs has this id (nothing is deleted). */
export async function deleteProfile(prisma: PrismaClient, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  const { count } = await prisma.savedProfile.deleteMany({ where: { id, userId } });
  return count === 1;
}
