import { describe, expect, test } from "vitest";
import { leavingOption } from "@/lib/own-offers/leaving-date";
import { leavingMessage } from "@/lib/own-offers/leaving-message";

describe("when a person can leave their current contract", () => {
  test.each([
    ["douze mois tout juste : résiliation à tout moment, effet un mois plus tard", "2025-12-15", "2026-12-15", { kind: "any-time", effectiveIfToday: "2027-01-15" }],
    ["la veille des douze mois : trop tard pour le préavis, à tout moment dès le lendemain", "2025-12-15", "2026-12-14", { kind: "after-first-year", anyTimeFrom: "2026-12-15", earliestEnd: "2027-01-15" }],
    ["adhésion un 29 février : l'anniversaire tombe le 28 février", "2024-02-29", "2025-02-28", { kind: "any-time", effectiveIfToday: "2025-03-28" }],
    ["adhésion un 29 février, la veille du 28 février suivant", "2024-02-29", "2025-02-27", { kind: "after-first-year", anyTimeFrom: "2025-02-28", earliestEnd: "2025-03-28" }],
    ["demande un 31 janvier : effet le dernier jour de février", "2020-06-01", "2027-01-31", { kind: "any-time", effectiveIfToday: "2027-02-28" }],
    ["demande un 31 janvier d'une année bissextile : effet le 29 février", "2020-06-01", "2028-01-31", { kind: "any-time", effectiveIfToday: "2028-02-29" }],
    ["première année, préavis encore possible : dernier jour deux mois avant l'anniversaire", "2026-06-30", "2027-04-30", { kind: "at-anniversary", anniversary: "2027-06-30", notifyBy: "2027-04-30" }],
    ["première année, un jour après le dernier jour du préavis", "2026-06-30", "2027-05-01", { kind: "after-first-year", anyTimeFrom: "2027-06-30", earliestEnd: "2027-07-30" }],
    ["anniversaire un 30 avril : préavis jusqu'au dernier jour de février", "2026-04-30", "2027-02-28", { kind: "at-anniversary", anniversary: "2027-04-30", notifyBy: "2027-02-28" }],
    ["adhésion le jour même", "2026-11-30", "2026-11-30", { kind: "at-anniversary", anniversary: "2027-11-30", notifyBy: "2027-09-30" }],
  ])("%s", (_name, start, today, expected) => {
    expect(leavingOption(start, today)).toEqual(expected);
  });

  test("the message gives the computed dates in French", () => {
    expect(leavingMessage(leavingOption("2025-12-15", "2026-12-15"))).toContain("à tout moment");
    expect(leavingMessage(leavingOption("2025-12-15", "2026-12-15"))).toContain("15 janvier 2027");
    expect(leavingMessage(leavingOption("2026-06-30", "2027-04-30"))).toContain("30 juin 2027");
    expect(leavingMessage(leavingOption("2026-06-30", "2027-04-30"))).toContain("30 avril 2027");
    expect(leavingMessage(leavingOption("2026-06-30", "2027-05-01"))).toContain("30 juillet 2027");
  });
});
