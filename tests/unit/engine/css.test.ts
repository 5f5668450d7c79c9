import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { quoteOffers } from "@/lib/engine";
import { cssEligibility, cssOffer, isJustAboveCeiling, cssProfile, monthlyParticipation, quoteCss, type CssOption } from "@/lib/engine/css";
import { dayNumber } from "@/lib/engine/dates";
import { CSS_REFERENCE } from "@/lib/engine/reference/css-fr";
import { profileSchema, type ProfileInput } from "@/lib/schemas/profile";

const profile = (input: ProfileInput) => profileSchema.parse(input);

describe("Complémentaire santé solidaire: who qualifies (ceilings of DOMAIN.md §8, mainland)", () => {
  // 2025-04-01 → 2026-03-31: 1 to 4 persons from the table, then + 4 135 € / + 5 583 € per person.
  test.each([
    [1, "10339.00", "13957.00"],
    [2, "15508.00", "20936.00"],
    [3, "18609.00", "25123.00"],
    [4, "21711.00", "29311.00"],
    [5, "25846.00", "34894.00"],
  ])("%i person(s): free up to %s €, with a participation up to %s €", (persons, free, participation) => {
    const at = (resources: string) => cssEligibility(resources, persons, "2026-01-01");
    const cent = (amount: string) => (Number(amount) * 100 + 1) / 100;
    expect(at(free).status).toBe("free");
    expect(at(cent(free).toFixed(2)).status).toBe("participation");
    expect(at(participation).status).toBe("participation");
    expect(at(cent(participation).toFixed(2)).status).toBe("above");
    expect(at(free)).toMatchObject({ freeCeiling: free, participationCeiling: participation, persons, periodConfirmed: true });
  });

  test("the reference periods follow each other day after day, oldest first, each with a public source", () => {
    const periods = CSS_REFERENCE.ceilings;
    periods.forEach((period, index) => {
      expect(period.source).toMatch(/^https:\/\//);
      expect(dayNumber(period.from)).toBeLessThan(dayNumber(period.to));
      if (index > 0) expect(dayNumber(period.from)).toBe(dayNumber(periods[index - 1]!.to) + 1);
      // Revalued each 1 April.
      expect(period.from.slice(5)).toBe("04-01");
    });
  });

  test("the ceilings are those in force on the start date: the year before, the 2024 figures", () => {
    const before = cssEligibility("10200.00", 1, "2025-03-31");
    expect(before).toMatchObject({ status: "participation", freeCeiling: "10166.00", period: { from: "2024-04-01", to: "2025-03-31" } });
    expect(cssEligibility("10200.00", 1, "2025-04-01").status).toBe("free");
  });

  test("just above the ceiling (up to 10 % of it) is told apart from far above, and from under it", () => {
    // One person: participation ceiling 13 957 €, 10 % of it 1 395,70 €.
    expect(isJustAboveCeiling(cssEligibility("13957.00", 1, "2026-01-01"))).toBe(false);
    expect(isJustAboveCeiling(cssEligibility("13957.01", 1, "2026-01-01"))).toBe(true);
    expect(isJustAboveCeiling(cssEligibility("15352.70", 1, "2026-01-01"))).toBe(true);
    expect(isJustAboveCeiling(cssEligibility("15352.71", 1, "2026-01-01"))).toBe(false);
  });

  test("an overseas department is flagged (its ceilings are higher), the mainland ones are not", () => {
    expect(cssEligibility("20000.00", 1, "2026-01-01", "974").overseas).toBe(true);
    expect(cssEligibility("20000.00", 1, "2026-01-01", "75").overseas).toBe(false);
    const reunion = profile({ startDate: "2026-12-01", department: "974", beneficiaries: [{ label: "Sam", age: 40, care: [{ category: "gp", perYear: 1 }] }] });
    expect(quoteCss(reunion, "20000.00")).toMatchObject({ status: "above", overseas: true });
  });

  test("after the last period the table holds, the last figures, and said so", () => {
    const later = cssEligibility("10339.00", 1, "2026-12-01");
    expect(later).toMatchObject({ status: "free", periodConfirmed: false, period: { from: "2025-04-01", to: "2026-03-31" } });
  });

  test.each([
    [18, "general", 800],
    [29, "general", 800],
    [30, "general", 1400],
    [49, "general", 1400],
    [50, "general", 2100],
    [60, "general", 2500],
    [69, "general", 2500],
    [70, "general", 3000],
    [95, "general", 3000],
    [35, "alsace-moselle", 490],
    [75, "alsace-moselle", 1050],
  ] as const)("participation at %i (%s regime): %i cents a month", (age, regime, cents) => {
    expect(monthlyParticipation(age, regime)).toBe(cents);
  });
});

describe("Complémentaire santé solidaire: what it leaves to pay, through the engine (worked by hand)", () => {
  test("a single adult, free CSS: no dépassement, no 2 € nor franchise, glasses in the basket; private room and osteopath stay", () => {
    const single = profile({
      startDate: "2026-12-01",
      department: "75",
      beneficiaries: [
        {
          label: "Sam",
          age: 40,
          care: [
            // OPTAM GP at 35 €: billed 30 € (the BR) under the CSS, Sécu 21 €, CSS 9 €: 0 € left.
            { category: "gp", perYear: 2, sector: "2-optam", price: "35.00" },
            // Free-price glasses taken in the 100 % Santé basket: 0 € left.
            { category: "glasses-class-b", perYear: 1, price: "400.00", framePrice: "150.00" },
            // A medicine at 30 %: the CSS pays the ticket modérateur, no 1 € franchise.
            { category: "pharmacy-30", perYear: 1 },
            // Not reimbursed by the Sécu, not by the CSS: 60 € + 50 € left.
            { category: "private-room", perYear: 1, price: "60.00" },
            { category: "alternative-medicine", perYear: 1, price: "50.00" },
          ],
        },
      ],
    });
    const css = quoteCss(single, "9000.00") as CssOption;
    expect(css.status).toBe("free");
    expect(css).toMatchObject({ scenarioRac: "110.00", expectedRac: "110.00", annualParticipation: "0.00", totalCost: "110.00" });
    expect(css.substitutions).toEqual({ atTariff: 1, inBasket: 1 });
    // The same year under a contract that only pays the ticket modérateur leaves more: the engine did apply the CSS rules.
    const { profile: asCss } = cssProfile(single);
    const scenario = quoteOffers([cssOffer()], asCss, { mode: "scenario", breakdown: true }).offers[0]!;
    const { price, secu, mutuelle, rac } = scenario.scenario;
    expect(new Decimal(secu).plus(mutuelle).plus(rac).toFixed(2)).toBe(price);
    const plain = quoteOffers([{ ...cssOffer(), id: "ordinary" }], single, { mode: "scenario", breakdown: false }).offers[0]!;
    expect(Number(plain.scenario.rac)).toBeGreaterThan(110);
  });

  test("a household of three with a participation: 14 € + 25 € + 8 € a month, 564 € a year, plus what the CSS does not pay", () => {
    const household = profile({
      startDate: "2026-12-01",
      department: "69",
      beneficiaries: [
        // Non-OPTAM specialist at 65 €: billed at the tariff (31,50 €), Sécu 22,05 €, CSS 9,45 €.
        { label: "Alex", age: 45, care: [{ category: "specialist-referred", perYear: 1, sector: "2-non-optam", price: "65.00" }] },
        // A free-price crown and two class II hearing aids, all taken in the 100 % Santé basket.
        { label: "Dominique", age: 62, care: [{ category: "crown-free-price", perYear: 1 }, { category: "hearing-aid-class-2", perYear: 2 }] },
        // Two osteopath sessions at 40 €: 80 € left. Orthodontics at 10, within the CSS's limits: nothing left.
        {
          label: "Lou",
          age: 10,
          care: [
            { category: "alternative-medicine", perYear: 2, price: "40.00" },
            { category: "orthodontics", perYear: 2, price: "700.00" },
          ],
        },
      ],
    });
    const css = quoteCss(household, "20000.00") as CssOption;
    expect(css.status).toBe("participation");
    expect(css.participations.map((person) => person.monthly)).toEqual(["14.00", "25.00", "8.00"]);
    expect(css).toMatchObject({ monthlyParticipation: "47.00", annualParticipation: "564.00", scenarioRac: "80.00", expectedRac: "80.00", totalCost: "644.00" });
    expect(css.substitutions).toEqual({ atTariff: 2, inBasket: 2 });
  });

  test("an adult's orthodontics, which the Sécu does not reimburse, stays to pay under the CSS too", () => {
    const adult = profile({
      startDate: "2026-12-01",
      department: "75",
      beneficiaries: [{ label: "Sam", age: 30, care: [{ category: "orthodontics", perYear: 1, price: "700.00" }] }],
    });
    expect(quoteCss(adult, "9000.00")).toMatchObject({ status: "free", scenarioRac: "700.00", expectedRac: "700.00" });
  });

  test("above the ceilings: no option, only the figures to say by how much", () => {
    const single = profile({ startDate: "2026-12-01", department: "75", beneficiaries: [{ label: "Sam", age: 40, care: [{ category: "gp", perYear: 1 }] }] });
    expect(quoteCss(single, "13957.01")).toMatchObject({ status: "above", participationCeiling: "13957.00" });
  });
});
