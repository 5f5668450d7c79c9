import type { SortKey } from "@/lib/engine";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lastRunSchema } from "@/lib/schemas/saved-profile";
import { profileSchema } from "@/lib/schemas/profile";
import { lastRunOf } from "./last-run";
import { runChanges } from "./run-changes";
import { SAVED_PROFILE_SELECT, toSavedProfileDto } from "./to-dto";
import type { CompareProfile, RerunResult } from "./types";

/**
 * Runs one of the user's saved profiles against today's catalogue, stores the result as
 * its last run and returns what changed since the previous one. Null, with nothing
 * computed or written, when no profile of theirs has this id. `sort` defaults to the
 * previous run's, then to total cost (the results page's default).
 */
export async function rerunProfile(
  prisma: PrismaClient,
  { userId, id, sort, now = new Date() }: { userId: string; id: string; sort?: SortKey; now?: Date },
  compare: CompareProfile,
): Promise<RerunResult | null> {
  const saved = await prisma.savedProfile.findFirst({ where: { id, userId }, select: { profile: true, lastRun: true } });
  if (!saved) return null;
  const previous = lastRunSchema.safeParse(saved.lastRun);
  const previousRun = previous.success ? previous.data : null;
  const { catalogueRevision, catalogueUpdatedAt, result } = await compare(profileSchema.parse(saved.profile), sort ?? previousRun?.sort ?? "total");
  const lastRun = lastRunOf(result, catalogueRevision, now, catalogueUpdatedAt);
  // Owner in the write's filter too: a profile deleted meanwhile is not brought back.
  const { count } = await prisma.savedProfile.updateMany({ where: { id, userId }, data: { lastRun, lastRunAt: now } });
  if (count === 0) return null;
  const row = await prisma.savedProfile.findFirst({ where: { id, userId }, select: SAVED_PROFILE_SELECT });
  if (!row) return null;
  return { profile: toSavedProfileDto(row), changes: runChanges(previousRun, result, catalogueRevision) };
}
