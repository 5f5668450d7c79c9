import { describe, expect, it } from "vitest";
import { formatCount, formatEuros, toCents } from "@/lib/format";

describe("formatCount", () => {
  it.each([
    [0, "0 offre"],
    [1, "1 offre"],
    [2, "2 offres"],
    [1234, "1\u202f234 offres"],
  ])("%i → %s", (count, expected) => {
    expect(formatCount(count, "offre")).toBe(expected);
  });
});

describe("formatEuros", () => {
  it.each([
    ["0.00", "0,00\u00a0€"],
    ["2", "2,00\u00a0€"],
    ["1234.56", "1\u202f234,56\u00a0€"],
    ["1000000.01", "1\u202f000\u202f000,01\u00a0€"],
  ])("%s → %s", (amount, expected) => {
    expect(formatEuros(amount)).toBe(expected);
  });
});

describe("toCents", () => {
  it.each([
    ["0.29", 29],
    ["1.15", 115],
    ["19.99", 1999],
    ["1234.56", 123456],
  ])("%s → %i cents, exactly", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });
});
