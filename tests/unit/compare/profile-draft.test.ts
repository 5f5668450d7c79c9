import { describe, expect, it } from "vitest";
import { draftFromProfile, profileFromDraft } from "@/components/compare/profile-draft";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";

describe("profile form draft", () => {
  it.each(REFERENCE_PROFILES.map((preset) => [preset.id, preset.profile] as const))(
    "keeps every field of the %s preset, shown or not",
    (_id, input) => {
      const expected = profileSchema.parse(input);
      expect(profileSchema.parse(profileFromDraft(draftFromProfile(input)))).toEqual(expected);
    },
  );

  it("reads French decimals and keeps what cannot be read as typed, for the schema to refuse", () => {
    const draft = draftFromProfile({ startDate: "2026-01-01", department: "2a", beneficiaries: [{ label: "A", age: 30, care: [{ category: "gp", perYear: 1 }] }] });
    draft.beneficiaries[0]!.care[0]!.price = "1 234,50";
    draft.beneficiaries[0]!.care[0]!.perYear = "2,5";
    draft.beneficiaries[0]!.age = "trente";
    const raw = profileFromDraft(draft) as { department: string; beneficiaries: { age: unknown; care: { price: string; perYear: number }[] }[] };
    expect(raw.department).toBe("2A");
    expect(raw.beneficiaries[0]!.care[0]).toMatchObject({ price: "1234.50", perYear: 2.5 });
    expect(raw.beneficiaries[0]!.age).toBe("trente");
    const parsed = profileSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["beneficiaries", 0, "age"]);
  });

  it("shows the frame price and the lenses of free-price glasses as fields of their own", () => {
    const draft = draftFromProfile({ startDate: "2026-12-01", department: "75", beneficiaries: [{ label: "A", age: 30, care: [{ category: "gp", perYear: 1 }] }] });
    const line = draft.beneficiaries[0]!.care[0]!;
    Object.assign(line, { category: "glasses-class-b", price: "480", framePrice: "160,50", lensPair: "complex-complex" });
    const profile = profileSchema.parse(profileFromDraft(draft));
    expect(profile.beneficiaries[0]!.care[0]).toMatchObject({ price: "480.00", framePrice: "160.50", lensPair: "complex-complex" });
    expect(draftFromProfile(profile).beneficiaries[0]!.care[0]).toMatchObject({ framePrice: "160,50", lensPair: "complex-complex", hidden: {} });
  });
});
