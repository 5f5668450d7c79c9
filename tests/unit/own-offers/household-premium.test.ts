import { describe, expect, test } from "vitest";
import { householdBands } from "@/components/own-offers/household-premium";

describe("a devis giving one amount for the household", () => {
  test("150,00 € for 3 people is 50,00 € a person, every age", () => {
    expect(householdBands("150.00", 3)).toEqual({ ok: true, bands: [{ minAge: 0, maxAge: 120, monthly: "50.00" }] });
  });

  test("an amount that does not share out to the cent asks for each person's amount", () => {
    const result = householdBands("100.00", 3);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("ne se partage pas au centime");
  });

  test.each([
    [undefined, 2],
    ["abc", 2],
    ["0", 2],
    ["120.00", 0],
    ["120.00", "deux"],
  ])("refused: %s for %s", (total, people) => {
    expect(householdBands(total, people).ok).toBe(false);
  });
});
