import { describe, expect, it } from "vitest";
import { decodeProfile, encodeProfile, MAX_ENCODED_PROFILE_LENGTH } from "@/lib/compare/profile-url";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";

describe("profile in the URL", () => {
  it.each(REFERENCE_PROFILES.map((preset) => [preset.id, preset.profile] as const))("round-trips the %s profile", (_id, input) => {
    const profile = profileSchema.parse(input);
    const encoded = encodeProfile(profile);
    expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    const decoded = decodeProfile(encoded);
    expect(decoded).toEqual({ ok: true, profile });
  });

  it("never carries the household's resources: they are no part of the profile, so a shared link cannot leak them", () => {
    const family = REFERENCE_PROFILES.find((preset) => preset.id === "couple-avec-enfants")!;
    const profile = profileSchema.parse({ ...family.profile, householdResources: "9000.00" });
    expect(profile).not.toHaveProperty("householdResources");
    const decoded = decodeProfile(encodeProfile(profile));
    expect(decoded.ok && decoded.profile).not.toHaveProperty("householdResources");
  });

  it("stays compact: the 12-line family profile fits in a short link", () => {
    const family = REFERENCE_PROFILES.find((preset) => preset.id === "couple-avec-enfants")!;
    expect(encodeProfile(profileSchema.parse(family.profile)).length).toBeLessThan(800);
  });

  it.each([
    ["an unknown version", "2.abc"],
    ["no payload", "1."],
    ["a payload that is not deflate", "1.bm90LWRlZmxhdGU"],
    ["a valid encoding of an invalid profile", encodeProfile({ startDate: "hier", department: "75", beneficiaries: [] } as never)],
    ["an oversized link", `1.${"A".repeat(MAX_ENCODED_PROFILE_LENGTH)}`],
  ])("refuses %s with a French message", (_label, encoded) => {
    const decoded = decodeProfile(encoded);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? "" : decoded.message).toMatch(/lien de comparaison est invalide/);
  });

  it("a link past a household limit says which limit, in French", () => {
    const care = Array.from({ length: 3 }, (_, l) => ({ category: "alternative-medicine" as const, perYear: 366, price: (0.51 + l * 0.07).toFixed(2) }));
    const decoded = decodeProfile(encodeProfile({ startDate: "2026-07-01", department: "75", beneficiaries: [{ label: "A", age: 40, care }] }));
    expect(decoded).toEqual({
      ok: false,
      message: "Ce lien de comparaison est invalide ou incomplet. Nombre par an de « Médecine douce (séance) » : au plus 104.",
    });
  });
});
