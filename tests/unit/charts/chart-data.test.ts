import { describe, expect, it } from "vitest";
import { efficientFrontier, evenTicks, offerName } from "@/components/charts/chart-data";
import type { OfferResult } from "@/lib/compare/types";

const offer = (offerId: string, annualPremium: string, expectedRac: string) =>
  ({ offerId, insurer: `Assureur ${offerId}`, formula: "Essentiel", annualPremium, expectedRac }) as OfferResult;

describe("chart data", () => {
  it("names an offer by insurer and formula, since formulas repeat across insurers", () => {
    expect(offerName(offer("a", "1", "1"))).toBe("Assureur a — Essentiel");
  });

  it("the frontier keeps the offers no other beats on both premium and expected RAC, by increasing premium", () => {
    const offers = [offer("dear-good", "900.00", "100.00"), offer("cheap-bad", "300.00", "800.00"), offer("beaten", "950.00", "150.00"), offer("middle", "600.00", "400.00")];
    expect(efficientFrontier(offers).map((o) => o.offerId)).toEqual(["cheap-bad", "middle", "dear-good"]);
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
