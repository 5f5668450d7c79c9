import { describe, expect, test } from "vitest";
import { ProfileError, quoteOffers } from "@/lib/engine";
import { profileSchema } from "@/lib/schemas/profile";
import { decodeProfile, encodeProfile } from "@/lib/compare/profile-url";
import { nextMonthStart, presetProfile } from "@/lib/compare/presets";
import { REFERENCE_PROFILE_IDS } from "@/seed/factories/profiles";
import { oneLineProfile, testOffer } from "./helpers";

const line = { category: "gp", perYear: 3 } as const;
const profileStarting = (startDate: string) => ({
  startDate,
  department: "75",
  beneficiaries: [{ label: "Assuré", age: 40, care: [line] }],
});

describe("Années couvertes par le barème (DOMAIN.md §7) : 1er janvier 2026 – 31 décembre 2027", () => {
  test.each(["2026-01-01", "2026-12-01", "2027-01-01"])("une date d'effet au %s est acceptée (douze mois couverts)", (startDate) => {
    expect(profileSchema.safeParse(profileStarting(startDate)).success).toBe(true);
  });

  test.each([
    ["2020-01-01", "du 1 janvier 2020 au 31 décembre 2020"],
    ["2025-12-31", "du 31 décembre 2025 au 30 décembre 2026"],
    ["2027-01-02", "du 2 janvier 2027 au 1 janvier 2028"],
  ])("une date d'effet au %s est refusée, en français, sur le champ de la date", (startDate, period) => {
    const parsed = profileSchema.safeParse(profileStarting(startDate));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(["startDate"]);
    expect(issue.message).toContain(`la période ${period} ne peut pas être calculée`);
    expect(issue.message).toContain("Choisissez une date d'effet entre le 1 janvier 2026 et le 1 janvier 2027");
  });

  test("le moteur refuse aussi une année de soins hors barème (option year), au lieu de la calculer avec 2026", () => {
    const profile = oneLineProfile(line, {}, "2026-01-01");
    expect(() => quoteOffers([testOffer()], profile, { year: 2028 })).toThrow(ProfileError);
    expect(quoteOffers([testOffer()], profile, { year: 2027, mode: "scenario" }).period).toEqual({ start: "2027-01-01", end: "2027-12-31" });
  });

  test("un lien partagé pour une année non couverte le dit, au lieu d'un message de lien invalide", () => {
    const decoded = decodeProfile(encodeProfile(profileStarting("2025-03-01")));
    expect(decoded).toMatchObject({ ok: false, message: expect.stringContaining("Nos barèmes de la Sécurité sociale couvrent") });
  });
});

describe("Exemples et formulaire vierge : une date d'effet qui n'est pas passée", () => {
  test("le premier jour du mois suivant", () => {
    expect(nextMonthStart(new Date("2026-11-30T23:59:00Z"))).toBe("2026-12-01");
    expect(nextMonthStart(new Date("2026-12-15T00:00:00Z"))).toBe("2027-01-01");
  });

  test.each([...REFERENCE_PROFILE_IDS, undefined])("l'exemple %s commence le mois prochain et se calcule", (id) => {
    const today = new Date("2026-11-30T10:00:00Z");
    const profile = profileSchema.parse(presetProfile(id, today));
    expect(profile.startDate).toBe("2026-12-01");
    expect(quoteOffers([testOffer()], profile, { mode: "scenario" }).offers).toHaveLength(1);
  });
});
