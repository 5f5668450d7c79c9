import { describe, expect, test } from "vitest";
import { QuoteTooLargeError, estimateQuoteWork, quoteOffers, quoteWorkBudget } from "@/lib/engine";
import { EXACT_MAP_WORK, expectedCeilingPayment, exactMapWork, type CeilingLine } from "@/lib/engine/ceiling-mean";
import { compileProfile } from "@/lib/engine/compile-profile";
import { poissonPmf, seededRandom } from "@/lib/engine/distribution";
import { DEFAULT_STOCHASTIC_OPTIONS } from "@/lib/engine/stochastic";
import { profileSchema, type Profile } from "@/lib/schemas/profile";
import { REFERENCE_PROFILE_IDS, referenceProfile } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

/** Issue 12 §1's input, past the schema's limits (built line by line): what the engine alone must bound. */
function issueProfile(people: number, lines: number, category: "alternative-medicine" | "gp", perYear = 366): Profile {
  const parsed = profileSchema.parse({ startDate: "2026-07-01", department: "75", beneficiaries: [{ label: "P", age: 40, care: [] }] });
  const line = (l: number) =>
    profileSchema.parse({
      startDate: "2026-07-01",
      department: "75",
      beneficiaries: [{ label: "P", age: 40, care: [{ category, perYear: 1, ...(category === "alternative-medicine" ? { price: (0.51 + l * 0.07).toFixed(2) } : {}) }] }],
    }).beneficiaries[0]!.care[0]!;
  return {
    ...parsed,
    beneficiaries: Array.from({ length: people }, (_, b) => ({
      ...parsed.beneficiaries[0]!,
      label: `Personne ${b + 1}`,
      care: Array.from({ length: lines }, (_, l) => ({ ...line(l), perYear })),
    })),
  };
}

/** Lines of a shared ceiling with whole-cent claims per act (linear lines) and Poisson counts. */
function linearLines(means: number[], perAct: number[]): CeilingLine[] {
  return means.map((mean, l) => {
    const pmf = poissonPmf(mean);
    return { pmf, claims: Float64Array.from(pmf, (_, n) => n * perAct[l]!) };
  });
}

/** E[min(S, amount)] exactly: with an unlimited budget the lattice step is 1 cent, where whole-cent claims need no rounding. */
function exactMean(lines: CeilingLine[], amount: number): number {
  const exact = expectedCeilingPayment(lines, amount, Infinity);
  expect(exact.maxError).toBeLessThan(1e-6);
  return exact.mean;
}

describe("shared-ceiling convolution grows without bound (lib/engine/ceiling-mean.ts)", () => {
  test("ordinary groups keep the original exact convolution (no stated error)", () => {
    const lines = linearLines([3, 2], [1500, 900]);
    expect(exactMapWork(lines, 60_000)).toBeLessThan(200_000);
    const paid = expectedCeilingPayment(lines, 60_000, 1);
    expect(paid.maxError).toBe(0);
  });

  test.each([
    { name: "three lines, ceiling often reached", means: [8, 12, 5], perAct: [1733, 2511, 4007], amount: 30_000 },
    { name: "four lines, ceiling rarely reached", means: [2, 3, 1, 4], perAct: [1999, 703, 3501, 1203], amount: 40_000 },
    { name: "two lines, ceiling in the middle of the law", means: [20, 15], perAct: [517, 733], amount: 15_000 },
  ])("a bounded mean holds the exact one within its stated error: $name", ({ means, perAct, amount }) => {
    const lines = linearLines(means, perAct);
    // Work large enough for the exact convolution here, and a budget too small for it.
    const exact = exactMean(lines, amount);
    for (const budget of [50_000, 200_000, 1_000_000]) {
      const bounded = expectedCeilingPayment(lines, amount, budget);
      expect(bounded.work).toBeLessThanOrEqual(Math.max(budget, EXACT_MAP_WORK) + lines.length);
      expect(Math.abs(bounded.mean - exact)).toBeLessThanOrEqual(bounded.maxError + 1e-6);
    }
  });

  test("random groups: exact mean always inside the stated interval", () => {
    const random = seededRandom(12);
    for (let trial = 0; trial < 30; trial += 1) {
      const count = 2 + Math.floor(random() * 3);
      const means = Array.from({ length: count }, () => 1 + random() * 15);
      const perAct = Array.from({ length: count }, () => 100 + Math.floor(random() * 5000));
      const amount = 5_000 + Math.floor(random() * 60_000);
      const lines = linearLines(means, perAct);
      const exact = exactMean(lines, amount);
      const bounded = expectedCeilingPayment(lines, amount, 30_000);
      expect(Math.abs(bounded.mean - exact)).toBeLessThanOrEqual(bounded.maxError + 1e-6);
    }
  });

  test("12 lines of 104 sessions sharing a ceiling (the largest group the schema accepts): the stated error holds the exact mean", () => {
    const lines = linearLines(
      Array.from({ length: 12 }, () => 104),
      Array.from({ length: 12 }, (_, l) => 51 + 7 * l),
    );
    for (const amount of [90_000, 110_000]) {
      const paid = expectedCeilingPayment(lines, amount, 200_000);
      expect(paid.maxError).toBeGreaterThan(0);
      expect(Math.abs(paid.mean - exactMean(lines, amount))).toBeLessThanOrEqual(paid.maxError + 1e-6);
    }
  }, 60_000);
});

describe("one small public request runs the engine for hours (issue 12 §1)", () => {
  const offers = generateSyntheticOffers({ count: 52, seed: 5 });

  test("1 person × 3 lines at 366 sessions sharing one ceiling: answered, within the budget, each figure's method stated", () => {
    const profile = issueProfile(1, 3, "alternative-medicine");
    const result = quoteOffers(offers, profile, { breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } });
    expect(result.offers.length).toBeGreaterThan(0);
    for (const quote of result.offers) {
      if (quote.expectedMethod === undefined) expect(quote.expectedMaxError).toBeUndefined();
      else expect(Number(quote.expectedMaxError)).toBeLessThanOrEqual(Math.max(0.01, 0.001 * Number(quote.expectedRac)));
    }
  }, 30_000);

  const rankingWork = (profile: Profile) =>
    estimateQuoteWork(compileProfile(profile), {
      offerCount: 52,
      mode: "full",
      breakdown: false,
      stochastic: { ...DEFAULT_STOCHASTIC_OPTIONS, deductionSampleCount: 10_000, ceilingWork: 8_000_000 / 52 },
    });

  test("the issue's large inputs are estimated past the budget, and refused in milliseconds before anything runs", () => {
    for (const profile of [issueProfile(10, 60, "alternative-medicine"), issueProfile(10, 60, "gp")]) {
      expect(rankingWork(profile)).toBeGreaterThan(quoteWorkBudget(52, { sampleCount: 1000, deductionSampleCount: 10_000 }));
      const started = performance.now();
      expect(() => quoteOffers(offers, profile, { breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } })).toThrow(QuoteTooLargeError);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  test("ten people with twelve 100-a-year lines on the same days: every deducted act is walked, and the estimate counts them", () => {
    // The daily 4 € cap stops the participations growing, so the yearly cap is never
    // reached and the deductions' walk goes through every act: seconds of engine before.
    const profile = issueProfile(10, 12, "gp", 100);
    expect(rankingWork(profile)).toBeGreaterThan(quoteWorkBudget(52, { sampleCount: 1000, deductionSampleCount: 10_000 }));
    expect(() => quoteOffers(offers, profile, { breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } })).toThrow(/trop de calculs/);
  });

  test("every reference profile is far under the budget", () => {
    for (const id of REFERENCE_PROFILE_IDS) expect(rankingWork(referenceProfile(id))).toBeLessThan(quoteWorkBudget(52, { sampleCount: 1000, deductionSampleCount: 10_000 }) / 4);
  });

  test("a quote past the work budget is refused before computing, with a French message", () => {
    const profile = issueProfile(10, 60, "gp");
    const many = generateSyntheticOffers({ count: 3000, seed: 5 });
    const started = performance.now();
    expect(() => quoteOffers(many, profile, { breakdown: true })).toThrow(QuoteTooLargeError);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => quoteOffers(many, profile, { breakdown: true })).toThrow(/trop de calculs/);
  });

  test("per-line day tables grow with the square of the count: walking the deducted acts gives the same figures", () => {
    const profile = referenceProfile("couple-avec-enfants");
    const withTables = quoteOffers(offers.slice(0, 8), profile, { breakdown: false, monteCarlo: { deductionSampleCount: 5_000 } });
    const walked = quoteOffers(offers.slice(0, 8), profile, { breakdown: false, monteCarlo: { deductionSampleCount: 5_000, dayTableLimit: 0 } });
    expect(walked).toEqual(withTables);
  });
});
