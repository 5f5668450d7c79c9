import { describe, expect, test } from "vitest";
import { compileProfile } from "@/lib/engine/compile-profile";
import { preparedFor } from "@/lib/engine/quote";
import { DEFAULT_STOCHASTIC_OPTIONS, prepareStochastic } from "@/lib/engine/stochastic";
import { referenceProfile } from "@/seed/factories/profiles";

const OPTIONS = { ...DEFAULT_STOCHASTIC_OPTIONS, deductionSampleCount: 5_000 };

describe("Années tirées : préparées une fois pour le classement puis pour sa page", () => {
  test("le même profil reprend les mêmes tirages (seul le budget des plafonds suit le nombre d'offres) ; un autre profil a les siens", () => {
    const family = referenceProfile("couple-avec-enfants");
    const prepare = (profile = family) => () => prepareStochastic(compileProfile(profile), OPTIONS);
    const ranking = preparedFor(family, undefined, { ...OPTIONS, ceilingWork: 400 }, prepare());
    const page = preparedFor(structuredClone(family), undefined, { ...OPTIONS, ceilingWork: 200_000 }, () => {
      throw new Error("prepared again");
    });
    expect(page.samples).toBe(ranking.samples);
    expect(page.expectedDeductions).toBe(ranking.expectedDeductions);
    expect([ranking.ceilingWork, page.ceilingWork]).toEqual([400, 200_000]);

    const senior = referenceProfile("senior");
    const other = preparedFor(senior, undefined, OPTIONS, prepare(senior));
    expect(other.samples).not.toBe(ranking.samples);
    expect(other).toEqual(prepareStochastic(compileProfile(senior), OPTIONS));
    // Another sample count, another preparation.
    const more = { ...OPTIONS, sampleCount: 2_000 };
    expect(preparedFor(senior, undefined, more, () => prepareStochastic(compileProfile(senior), more)).sampleCount).toBe(2_000);
  });
});
