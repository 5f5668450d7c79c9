import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as CssOptionModule from "@/lib/compare/css-option";
import type { CssOption } from "@/lib/engine/css";
import { DEFAULT_VIEW, PAGE_SIZE } from "@/lib/compare/result-filters";
import { NO_OWN_OFFERS } from "@/lib/compare/run-comparison";
import { profileSchema, type Profile } from "@/lib/schemas/profile";
import { seed } from "@/seed/seed";
import { catalogueTestDatabase } from "./catalogue-support";

/**
 * The Complémentaire santé solidaire beside the ranking of the seeded catalogue, through
 * the comparison's entry point (lib/compare/css-option.ts, what the compare action calls),
 * at each ceiling and one cent above, for households of 1 to 5 persons.
 */
const database = catalogueTestDatabase("css");
let compareView: typeof CssOptionModule.compareViewWithCss;

beforeAll(async () => {
  // The app's one client (lib/db.ts) reads DATABASE_URL on first use: point it here first.
  process.env.DATABASE_URL = database.url;
  compareView = (await import("@/lib/compare/css-option")).compareViewWithCss;
  await seed(database.client());
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

/** The first page of the default view for an anonymous visitor, with the CSS for these resources (or none). */
const compare = (profile: Profile, householdResources?: string) => compareView(profile, DEFAULT_VIEW, PAGE_SIZE, NO_OWN_OFFERS, householdResources);

/** A household of `persons`: an adult of 35, then adults of 45, then children of 8. Starts within the 2025-04 → 2026-03 ceilings. */
function household(persons: number): Profile {
  const ages = [35, 45, 8, 8, 8];
  return profileSchema.parse({
    startDate: "2026-01-01",
    department: "75",
    beneficiaries: ages.slice(0, persons).map((age, index) => ({ label: `Personne ${index + 1}`, age, care: [{ category: "gp", perYear: 2 }] })),
  });
}

/** Monthly participations by age (DOMAIN.md §8): 35 and 45 → 14 €, 8 → 8 €. */
const MONTHLY = [14, 14, 8, 8, 8];

const addCent = (amount: string) => ((Math.round(Number(amount) * 100) + 1) / 100).toFixed(2);

describe.each([
  [1, "10339.00", "13957.00"],
  [2, "15508.00", "20936.00"],
  [3, "18609.00", "25123.00"],
  [4, "21711.00", "29311.00"],
  [5, "25846.00", "34894.00"],
])("a household of %i: free up to %s €, with a participation up to %s €", (persons, free, participation) => {
  const profile = () => household(persons);
  const participationYear = (12 * MONTHLY.slice(0, persons).reduce((sum, monthly) => sum + monthly, 0)).toFixed(2);

  it("exactly at the free ceiling: free, and ranked beside the catalogue", async () => {
    const result = await compare(profile(), free);
    expect(result.rankedCount).toBeGreaterThan(10);
    const css = result.css as CssOption;
    expect(css).toMatchObject({ status: "free", persons, annualParticipation: "0.00", periodConfirmed: true });
    // GP visits at the Sécu tariff, no 2 € participation: nothing left to pay.
    expect(css).toMatchObject({ expectedRac: "0.00", totalCost: "0.00" });
  });

  it("one cent above the free ceiling: with a participation by age", async () => {
    const css = (await compare(profile(), addCent(free))).css as CssOption;
    expect(css).toMatchObject({ status: "participation", annualParticipation: participationYear, totalCost: participationYear });
  });

  it("exactly at the participation ceiling: still with a participation", async () => {
    const css = (await compare(profile(), participation)).css;
    expect(css?.status).toBe("participation");
  });

  it("one cent above the participation ceiling: no CSS option", async () => {
    const css = (await compare(profile(), addCent(participation))).css;
    expect(css).toMatchObject({ status: "above", participationCeiling: participation });
  });
});

describe("resources stay out of what is shared and cached", () => {
  it("without resources there is no CSS, and the ranking is the same either way", async () => {
    const without = await compare(household(2));
    const withResources = await compare(household(2), "1000.00");
    expect(without.css).toBeUndefined();
    expect(withResources.css?.status).toBe("free");
    expect(withResources.encodedProfile).toBe(without.encodedProfile);
    expect(withResources.offers).toEqual(without.offers);
    expect(withResources.chart).toEqual(without.chart);
  });
});
