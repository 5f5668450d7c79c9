import { describe, expect, test } from "vitest";
import { formatSignedCents, versusCurrent } from "@/lib/compare/versus-current";

const current = { annualPremium: "1200.00", expectedRac: "310.55", totalCost: "1510.55", badYearRac: "820.10" };

describe("an offer against the current contract", () => {
  test("differences to the cent, negative when the offer costs less", () => {
    expect(versusCurrent({ annualPremium: "1080.00", expectedRac: "345.56", totalCost: "1425.56", badYearRac: "900.00" }, current)).toEqual({
      premium: -12000,
      expectedRac: 3501,
      totalCost: -8499,
      badYearRac: 7990,
    });
  });

  test("no bad-year difference where a bad year is not computed", () => {
    expect(versusCurrent({ annualPremium: "1200.00", expectedRac: "310.55", totalCost: "1510.55", badYearRac: null }, current).badYearRac).toBeNull();
  });

  test.each([
    [-8499, "−84,99\u00a0€"],
    [3501, "+35,01\u00a0€"],
    [0, "0,00\u00a0€"],
    [-123456, "−1\u202f234,56\u00a0€"],
  ])("%i cents read %s", (cents, text) => {
    expect(formatSignedCents(cents)).toBe(text);
  });
});
