import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/result";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { catalogueSchema, offerSchema } from "@/lib/schemas/offer";
import { agesWithoutPremium, describeAgeGaps, overlappingBands } from "@/lib/schemas/premium-bands";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";

const band = (minAge: number, maxAge: number, extra: { departments?: string[]; childRankFrom?: number } = {}) => ({ minAge, maxAge, monthly: "30.00", ...extra });

describe("premium bands: overlaps refused, gaps reported", () => {
  it("two national bands sharing ages overlap; other départements or child ranks do not", () => {
    expect(overlappingBands([band(0, 40), band(36, 120)])).toEqual([
      { index: 1, other: 0, message: "La tranche 2 (36 à 120 ans) chevauche la tranche 1 (0 à 40 ans) : un même âge aurait deux cotisations." },
    ]);
    expect(overlappingBands([band(0, 120), band(0, 120, { departments: ["75"] }), band(0, 17, { childRankFrom: 3 })])).toEqual([]);
    expect(overlappingBands([band(0, 120, { departments: ["75", "92"] }), band(30, 40, { departments: ["92"] })])).toHaveLength(1);
    expect(overlappingBands([band(0, 35), band(36, 120)])).toEqual([]);
  });

  it("the offer schema refuses an overlap at the later band, in French", () => {
    const offer = buildDemoCatalogue().offers[0]!;
    const parsed = offerSchema.safeParse({ ...offer, premiums: { bands: [band(0, 40), band(36, 120)] } }, FRENCH_ERRORS);
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)["premiums.bands.1.minAge"]).toContain("chevauche la tranche 1");
  });

  it("a 36–39 gap leaves a 37-year-old without a premium: the ages are named", () => {
    const gaps = agesWithoutPremium([band(0, 35), band(40, 120)]);
    expect(gaps).toEqual([{ from: 36, to: 39 }]);
    expect(describeAgeGaps(gaps)).toBe("36 à 39 ans");
    expect(describeAgeGaps(agesWithoutPremium([band(0, 17), band(19, 64), band(66, 110)]))).toBe("18 ans, 65 ans et 111 à 120 ans");
    expect(agesWithoutPremium([band(0, 120)])).toEqual([]);
    expect(agesWithoutPremium([band(0, 120, { departments: ["75"] })])).toEqual([]);
  });

  it("the demo catalogue has no overlapping band", () => {
    expect(catalogueSchema.safeParse(buildDemoCatalogue()).success).toBe(true);
  });
});
