import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, DEFAULT_VIEW, filtersFromParams, hasActiveFilter, readBudget, resultsQuery, resultViewSchema, viewFromParams } from "@/lib/compare/result-filters";

describe("sort and filters in the URL", () => {
  it("a view survives the round trip through its query string", () => {
    const view = { sort: "rac" as const, budget: "79,90", networkOnly: true, noWaiting: true, responsableOnly: true, ownOnly: true, page: 3 };
    const query = resultsQuery("1.abc", view);
    expect(query).toBe("p=1.abc&tri=rac&budget=79%2C90&reseau=1&sans-carence=1&responsable=1&mes-offres=1&page=3");
    expect(viewFromParams(new URLSearchParams(query))).toEqual({ view, problems: [] });
  });

  it("the defaults add nothing to the link, page 1 included; links of the first version (no page) still open", () => {
    expect(resultsQuery("1.abc", DEFAULT_VIEW)).toBe("p=1.abc");
    expect(resultsQuery("1.abc", DEFAULT_FILTERS)).toBe("p=1.abc");
    expect(viewFromParams({ p: "1.abc" })).toEqual({ view: DEFAULT_VIEW, problems: [] });
    expect(viewFromParams({ p: "1.abc", tri: "rac", reseau: "1", budget: "80" }).view).toEqual({ ...DEFAULT_VIEW, sort: "rac", networkOnly: true, budget: "80" });
  });

  it("invalid values fall back to the defaults, each with a French sentence saying what was left out", () => {
    const { view, problems } = viewFromParams({ tri: "pire", reseau: "oui", "sans-carence": "1", page: "deux", budget: "-5" });
    // The typed budget stays, so the field shows it with its message; it filters nothing.
    expect(view).toEqual({ ...DEFAULT_VIEW, noWaiting: true, budget: "-5" });
    expect(problems).toEqual([
      "Le classement demandé par ce lien n’existe pas : coût total ou reste à charge attendu.",
      "Budget : indiquez un montant supérieur à 0 € par mois.",
      "Le filtre « avec réseau de soins » de ce lien n’est pas compris.",
      "Le numéro de page de ce lien n’est pas un nombre entier à partir de 1.",
    ]);
    expect(viewFromParams({ page: "0" }).problems).toHaveLength(1);
    expect(viewFromParams({ page: "2.5" }).problems).toHaveLength(1);
    expect(filtersFromParams({ tri: "pire", reseau: "oui", budget: ["1", "2"] })).toEqual({ ...DEFAULT_VIEW, budget: "1" });
  });

  it("the action's view is bounded: whole pages from 1, a short budget text, known sorts", () => {
    expect(resultViewSchema.parse({})).toEqual(DEFAULT_VIEW);
    for (const invalid of [{ page: 0 }, { page: 1.5 }, { page: 10_000_000 }, { sort: "bad-year" }, { budget: "9".repeat(21) }, { networkOnly: "1" }]) {
      expect(resultViewSchema.safeParse(invalid).success).toBe(false);
    }
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
