import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromParams, hasActiveFilter, readBudget, resultsQuery } from "@/lib/compare/result-filters";

describe("sort and filters in the URL", () => {
  it("a view survives the round trip through its query string", () => {
    const filters = { sort: "rac" as const, budget: "79,90", networkOnly: true, noWaiting: true, responsableOnly: true };
    const query = resultsQuery("1.abc", filters);
    expect(query).toBe("p=1.abc&tri=rac&budget=79%2C90&reseau=1&sans-carence=1&responsable=1");
    expect(filtersFromParams(new URLSearchParams(query))).toEqual(filters);
  });

  it("the defaults add nothing to the link", () => {
    expect(resultsQuery("1.abc", DEFAULT_FILTERS)).toBe("p=1.abc");
    expect(filtersFromParams({ p: "1.abc" })).toEqual(DEFAULT_FILTERS);
  });

  it("unknown values fall back to the defaults", () => {
    expect(filtersFromParams({ tri: "pire", reseau: "oui", budget: ["1", "2"] })).toEqual(DEFAULT_FILTERS);
  });

  it("a sort alone is not a filter; a budget is", () => {
    expect(hasActiveFilter({ ...DEFAULT_FILTERS, sort: "rac" })).toBe(false);
    expect(hasActiveFilter({ ...DEFAULT_FILTERS, budget: "80" })).toBe(true);
  });
});

describe("readBudget", () => {
  it.each([
    ["", null],
    ["80", 8000],
    ["79,90", 7990],
    ["1 000", 100000],
    ["80 €", 8000],
  ])("« %s » → %s cents", (text, cents) => {
    expect(readBudget(text)).toEqual({ cents, error: null });
  });

  it.each([
    ["-5", "supérieur à 0"],
    ["0", "supérieur à 0"],
    ["quatre-vingts", "en chiffres"],
    ["80,999", "en chiffres"],
    ["999999", "10 000 € par mois au plus"],
  ])("« %s » is refused with a message (%s) and filters nothing", (text, words) => {
    const reading = readBudget(text);
    expect(reading.cents).toBeNull();
    expect(reading.error).toContain("Budget : ");
    expect(reading.error).toContain(words);
  });
});
