import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { groupRepeatedActs } from "@/lib/compare/group-acts";
import { quoteOffers } from "@/lib/engine";
import { profileSchema } from "@/lib/schemas/profile";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed(2);

describe("the explanation renders one row per act (issue 12 §1)", () => {
  // A year of daily medicine boxes, weekly sessions under a ceiling, GP visits: hundreds of acts.
  const profile = profileSchema.parse({
    startDate: "2026-07-01",
    department: "75",
    beneficiaries: [
      {
        label: "A",
        age: 50,
        care: [
          { category: "pharmacy-65", perYear: 366 },
          { category: "alternative-medicine", perYear: 52, price: "55.00" },
          { category: "gp", perYear: 12 },
        ],
      },
    ],
  });
  const quote = quoteOffers(generateSyntheticOffers({ count: 3, seed: 9 }), profile, { breakdown: true, mode: "scenario" }).offers[0]!;
  const lines = quote.breakdown!.flatMap((beneficiary) => beneficiary.categories.flatMap((category) => category.lines));

  test("repeated acts make a handful of rows, not one per act", () => {
    const acts = lines.reduce((total, line) => total + line.acts.length, 0);
    const rows = lines.reduce((total, line) => total + groupRepeatedActs(line.acts).length, 0);
    expect(acts).toBe(366 + 52 + 12);
    expect(rows).toBeLessThan(30);
  });

  test("each row reconciles to the cent and the rows add up to the line, reasons included", () => {
    for (const line of lines) {
      const groups = groupRepeatedActs(line.acts);
      expect(groups.reduce((total, group) => total + group.count, 0)).toBe(line.acts.length);
      for (const group of groups) expect(new Decimal(group.secu).plus(group.mutuelle).plus(group.rac).toFixed(2)).toBe(group.price);
      for (const key of ["price", "secu", "mutuelle", "rac"] as const) expect(sum(groups.map((group) => group[key]))).toBe(line[key]);
      const reasons = (list: { reason: string; amount: string }[]) =>
        Object.fromEntries([...new Set(list.map((r) => r.reason))].map((reason) => [reason, sum(list.filter((r) => r.reason === reason).map((r) => r.amount))]));
      expect(reasons(groups.flatMap((group) => group.reasons))).toEqual(reasons(line.acts.flatMap((act) => act.reasons)));
    }
  });

  test("acts that differ (the ceiling reached, a new calendar year) are not merged", () => {
    const act = { date: "2026-07-01", price: "10.00", br: "0.00", secu: "0.00", mutuelle: "5.00", rac: "5.00", reasons: [] };
    const groups = groupRepeatedActs([act, { ...act, date: "2026-07-08" }, { ...act, date: "2026-07-15", mutuelle: "0.00", rac: "10.00" }, { ...act, date: "2026-07-22" }]);
    expect(groups.map((group) => [group.count, group.firstDate, group.lastDate, group.rac])).toEqual([
      [2, "2026-07-01", "2026-07-08", "10.00"],
      [1, "2026-07-15", "2026-07-15", "10.00"],
      [1, "2026-07-22", "2026-07-22", "5.00"],
    ]);
  });
});
