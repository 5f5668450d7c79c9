import { encodeProfile } from "@/lib/compare/profile-url";
import { lastRunSchema } from "@/lib/schemas/saved-profile";
import { storedProfileSchema } from "@/lib/schemas/profile";
import type { SavedProfileDto } from "./types";

/** The columns every read selects: never the user relation. */
export const SAVED_PROFILE_SELECT = { id: true, name: true, profile: true, lastRun: true, createdAt: true, updatedAt: true } as const;

export interface SavedProfileRow {
  id: string;
  name: string;
  profile: unknown;
  lastRun: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A row as plain data. The JSON columns are parsed again: a profile saved under an older
 * schema fails loudly here rather than reaching the engine half-valid, and a last run
 * that no longer parses is dropped (the next run starts afresh). A profile whose year the
 * reference table no longer covers is still listed: running it is what gets refused.
 */
export function toSavedProfileDto(row: SavedProfileRow): SavedProfileDto {
  const profile = storedProfileSchema.parse(row.profile);
  const lastRun = lastRunSchema.safeParse(row.lastRun);
  return {
    id: row.id,
    name: row.name,
    profile,
    encodedProfile: encodeProfile(profile),
    lastRun: lastRun.success ? lastRun.data : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
