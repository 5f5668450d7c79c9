import { describe, expect, it } from "vitest";
import { evenTicks, offerName, scatterRows } from "@/components/charts/chart-data";
import type { OfferResult } from "@/lib/compare/types";

const offer = (offerId: string, annualPremium: string, expectedRac: string) =>
  ({ offerId, insurer: `Assureur ${offerId}`, formula: "Essentiel", annualPremium, expectedRac }) as OfferResult;

describe("chart data", () => {
  it("names an offer by insurer and formula, since formulas repeat across insurers", () => {
    expect(offerName(offer("a", "1", "1"))).toBe("Assureur a — Essentiel");
  });

  it("the scatter's table lists exactly the points drawn, frontier and sampled beaten offers, by increasing premium", () => {
    const point = (offerId: string, premiumCents: number, racCents: number) => ({ offerId, label: offerId, premiumCents, racCents });
    const rows = scatterRows({
      frontier: [point("cheap-bad", 30_000, 80_000), point("middle", 60_000, 40_000), point("dear-good", 90_000, 10_000)],
      frontierOmitted: 0,
      beatenSample: [point("beaten-dear", 95_000, 15_000), point("beaten-cheap", 40_000, 85_000)],
      beatenCount: 57,
    });
    expect(rows.map((row) => [row.offerId, row.beaten])).toEqual([
      ["cheap-bad", false],
      ["beaten-cheap", true],
      ["middle", false],
      ["dear-good", false],
      ["beaten-dear", true],
    ]);
  });

  it.each([
    [650_000, [0, 2000, 4000, 6000, 8000]],
    [280_000, [0, 1000, 2000, 3000]],
    [123_456, [0, 250, 500, 750, 1000, 1250]],
  ])("ticks up to %i cents are evenly spaced: %j €", (max, euros) => {
    const ticks = evenTicks(max);
    expect(ticks.map((cents) => cents / 100)).toEqual(euros);
    const steps = new Set(ticks.slice(1).map((tick, index) => tick - ticks[index]!));
    expect(steps.size).toBe(1);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
  });
});
