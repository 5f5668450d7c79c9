import { describe, expect, it } from "vitest";
import type { ComparisonResult, OfferResult } from "@/lib/compare/types";
import { copyName } from "@/lib/profiles/duplicate-profile";
import { lastRunOf } from "@/lib/profiles/last-run";
import { runChanges } from "@/lib/profiles/run-changes";

function offer(offerId: string, annualPremium: string, expectedRac: string): OfferResult {
  return {
    offerId,
    insurer: `Assureur ${offerId}`,
    illustrative: true,
    formula: "Formule",
    level: 2,
    responsable: true,
    network: null,
    hasWaitingPeriod: false,
    rank: 0,
    monthlyPremium: (Number(annualPremium) / 12).toFixed(2),
    annualPremium,
    scenario: { price: "0.00", secu: "0.00", mutuelle: "0.00", rac: expectedRac },
    expectedRac,
    badYearRac: expectedRac,
    totalCost: (Number(annualPremium) + Number(expectedRac)).toFixed(2),
    dominatedBy: null,
  };
}

function comparison(...offers: OfferResult[]): ComparisonResult {
  return { encodedProfile: "1.x", sort: "total", period: { start: "2026-01-01", end: "2026-12-31" }, referenceVersion: "2026", offers, ineligibleCount: 0 };
}

const previous = lastRunOf(comparison(offer("a", "600.00", "100.00"), offer("b", "650.00", "90.00"), offer("c", "900.00", "20.00")), "7@2026-01-01", new Date("2026-01-02T10:00:00Z"));

describe("runChanges: what a saved profile's re-run reports", () => {
  it.each([
    ["première relance : rien à comparer", null, comparison(offer("a", "600.00", "100.00")), "7@2026-01-01", { firstRun: true, newOffers: [], premiumChanges: [], topOfferChange: null, topOfferFigures: null }],
    [
      "catalogue inchangé : aucun changement",
      previous,
      comparison(offer("a", "600.00", "100.00"), offer("b", "650.00", "90.00"), offer("c", "900.00", "20.00")),
      "7@2026-01-01",
      { firstRun: false, catalogueChanged: false, newOffers: [], goneOffers: [], premiumChanges: [], topOfferChange: null, topOfferFigures: null },
    ],
    [
      // Each offer with its own figures: never "best RAC 100 → 90" made of a's then b's number.
      "hausse de la meilleure offre : elle perd la première place, les deux sont nommées avec leurs chiffres",
      previous,
      comparison(offer("b", "650.00", "90.00"), offer("a", "720.00", "100.00"), offer("c", "900.00", "20.00")),
      "8@2026-01-01",
      {
        catalogueChanged: true,
        premiumChanges: [{ offerId: "a", label: "Assureur a — Formule", from: "600.00", to: "720.00" }],
        topOfferChange: {
          from: { offerId: "a", label: "Assureur a — Formule", totalCost: "700.00", expectedRac: "100.00", now: { totalCost: "820.00", expectedRac: "100.00" } },
          to: { offerId: "b", label: "Assureur b — Formule", totalCost: "740.00", expectedRac: "90.00" },
        },
        topOfferFigures: null,
      },
    ],
    [
      "nouvelle offre et offre retirée",
      previous,
      comparison(offer("a", "600.00", "100.00"), offer("d", "700.00", "50.00"), offer("b", "650.00", "90.00")),
      "9@2026-01-01",
      {
        newOffers: [{ offerId: "d", label: "Assureur d — Formule" }],
        goneOffers: [{ offerId: "c", label: "Assureur c — Formule" }],
        premiumChanges: [],
        topOfferChange: null,
        topOfferFigures: null,
      },
    ],
    [
      "même meilleure offre, reste à charge attendu différent",
      previous,
      comparison(offer("a", "600.00", "80.00"), offer("b", "650.00", "90.00"), offer("c", "900.00", "20.00")),
      "7@2026-01-02",
      {
        catalogueChanged: true,
        topOfferChange: null,
        topOfferFigures: { offer: { offerId: "a", label: "Assureur a — Formule" }, totalCost: { from: "700.00", to: "680.00" }, expectedRac: { from: "100.00", to: "80.00" } },
      },
    ],
    [
      "plus aucune offre proposée",
      previous,
      comparison(),
      "10@2026-01-01",
      { topOfferChange: { from: { offerId: "a", label: "Assureur a — Formule", totalCost: "700.00", now: null }, to: null }, topOfferFigures: null },
    ],
  ] as const)("%s", (_title, before, next, revision, expected) => {
    expect(runChanges(before, next, revision)).toMatchObject(expected);
  });

  it("names a gone offer by its id when it was outside the kept top", () => {
    const many = comparison(...["a", "b", "c", "d", "e", "f", "g"].map((id) => offer(id, "600.00", "10.00")));
    const run = lastRunOf(many, "1@2026-01-01", new Date("2026-01-02T10:00:00Z"));
    expect(run.top).toHaveLength(5);
    expect(run.offers).toHaveLength(7);
    const changes = runChanges(run, comparison(...["a", "b", "c", "d", "e", "f"].map((id) => offer(id, "600.00", "10.00"))), "2@2026-01-01");
    expect(changes.goneOffers).toEqual([{ offerId: "g", label: "g" }]);
  });
});

describe("copyName", () => {
  it.each([
    ["Ma famille", "Ma famille (copie)"],
    ["N".repeat(80), `${"N".repeat(72)} (copie)`],
    [`${"a".repeat(71)} bcd`, `${"a".repeat(71)} (copie)`],
  ])("%s → %s", (name, copy) => {
    expect(copyName(name)).toBe(copy);
    expect(copyName(name).length).toBeLessThanOrEqual(80);
  });
});
