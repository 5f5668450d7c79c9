import { deflateRawSync, inflateRawSync } from "node:zlib";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { type Profile, type ProfileInput, profileSchema } from "@/lib/schemas/profile";

/**
 * The profile in the URL, so a result can be bookmarked or shared: "1." + base64url of
 * the deflated JSON. The leading version lets a later format keep old links working.
 */
const VERSION = "1";
/** A profile of the largest allowed size encodes far below this; longer input is refused before inflating. */
export const MAX_ENCODED_PROFILE_LENGTH = 12_000;
const MAX_INFLATED_BYTES = 256 * 1024;

export function encodeProfile(profile: ProfileInput): string {
  return `${VERSION}.${deflateRawSync(Buffer.from(JSON.stringify(profile)), { level: 9 }).toString("base64url")}`;
}

export type DecodedProfile = { ok: true; profile: Profile } | { ok: false; message: string };

export function decodeProfile(encoded: string): DecodedProfile {
  const invalid = { ok: false as const, message: "Ce lien de comparaison est invalide ou incomplet." };
  if (encoded.length > MAX_ENCODED_PROFILE_LENGTH) return invalid;
  const [version, payload] = encoded.split(".", 2);
  if (version !== VERSION || !payload) return invalid;
  let json: unknown;
  try {
    json = JSON.parse(inflateRawSync(Buffer.from(payload, "base64url"), { maxOutputLength: MAX_INFLATED_BYTES }).toString("utf8"));
  } catch {
    return invalid;
  }
  const parsed = profileSchema.safeParse(json, FRENCH_ERRORS);
  if (parsed.success) return { ok: true, profile: parsed.data };
  // A well-formed link for a year the reference table does not cover says so, in its own words.
  const period = parsed.error.issues.find((issue) => issue.code === "custom" && issue.path.join(".") === "startDate");
  if (period) return { ok: false, message: period.message };
  // A limit of the schema (too many acts, lines, people) says which, as the form would.
  const custom = parsed.error.issues.find((issue) => issue.code === "custom" || issue.code === "too_big");
  return custom ? { ok: false, message: `${invalid.message} ${custom.message}.` } : invalid;
}
