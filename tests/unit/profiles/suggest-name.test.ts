import { describe, expect, it } from "vitest";
import { suggestProfileName } from "@/lib/profiles/suggest-name";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";

const person = (age: number) => ({ label: "x", age, care: [] });

describe("suggestProfileName: a saved profile named from what it holds", () => {
  it.each([
    ["75", [person(40), person(38), person(9), person(6)], "Famille de 4, Paris"],
    ["33", [person(40), person(38)], "Couple, Gironde"],
    ["69", [person(68)], "Une personne de 68 ans, Rhône"],
    ["2A", [person(45), person(12)], "Famille de 2, Corse-du-Sud"],
    ["974", [person(30), person(31), person(60)], "3 adultes, La Réunion"],
  ])("%s, %j → %s", (department, beneficiaries, name) => {
    expect(suggestProfileName({ startDate: "2026-01-01", department, beneficiaries })).toBe(name);
  });

  it("names the demo examples by who they cover and where, not « Mon profil de soins »", () => {
    const names = REFERENCE_PROFILES.map((reference) => suggestProfileName(reference.profile));
    expect(names).not.toContain("Mon profil de soins");
    expect(names).toContain("Famille de 4, Paris");
  });
});
