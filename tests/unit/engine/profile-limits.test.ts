import { describe, expect, test } from "vitest";
import { CARE_CATEGORIES } from "@/lib/schemas/care-category";
import { CARE_LIMITS, HOUSEHOLD_LIMITS } from "@/lib/schemas/care-limits";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";

const issueInput = () => ({
  startDate: "2026-07-01",
  department: "75",
  beneficiaries: Array.from({ length: 10 }, (_, b) => ({
    label: `Personne ${b + 1}`,
    age: 40,
    care: Array.from({ length: 60 }, (_, l) => ({ category: "alternative-medicine", perYear: 366, price: (0.51 + l * 0.07).toFixed(2) })),
  })),
});

describe("input limits a real household never meets (issue 12 §1)", () => {
  test("every care kind has a yearly limit with its reason", () => {
    for (const category of CARE_CATEGORIES) {
      expect(CARE_LIMITS[category].perYear).toBeGreaterThan(0);
      expect(CARE_LIMITS[category].reason.length).toBeGreaterThan(10);
    }
  });

  test("the reference profiles stay well inside the limits", () => {
    for (const { profile } of REFERENCE_PROFILES) expect(profileSchema.safeParse(profile).success).toBe(true);
  });

  test("the issue's 10 × 60 lines at 366 sessions a year is refused in well under 50 ms, naming the field in French", () => {
    const input = issueInput();
    // The fastest of five parses: the first compiles the schema, and CI machines are shared.
    let fastest = Infinity;
    let result = profileSchema.safeParse(input, FRENCH_ERRORS);
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      result = profileSchema.safeParse(input, FRENCH_ERRORS);
      fastest = Math.min(fastest, performance.now() - started);
    }
    expect(result.success).toBe(false);
    expect(fastest).toBeLessThan(50);
    const issues = result.error!.issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ["beneficiaries", 0, "care", 0, "perYear"], message: "Nombre par an de « Médecine douce (séance) » : au plus 104" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ["beneficiaries", 0, "care"], message: "Soins de « Médecines douces » : au plus 12 lignes par personne" }),
    );
  });

  test.each(CARE_CATEGORIES.map((category) => [category]))("%s: the limit passes, one more is refused on perYear", (category) => {
    const limit = CARE_LIMITS[category].perYear;
    const line = (perYear: number) => ({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [{ label: "A", age: 40, care: [{ category, perYear }] }],
    });
    const refused = profileSchema.safeParse(line(limit + 1));
    expect(refused.error?.issues.some((issue) => issue.path.join(".") === "beneficiaries.0.care.0.perYear")).toBe(true);
    const accepted = profileSchema.safeParse(line(limit));
    expect(accepted.error?.issues.some((issue) => issue.path.at(-1) === "perYear") ?? false).toBe(false);
  });

  test("more acts a year than four a day for one person is refused", () => {
    const care = Array.from({ length: 5 }, () => ({ category: "pharmacy-65", perYear: 300 }));
    const result = profileSchema.safeParse({ startDate: "2026-01-01", department: "75", beneficiaries: [{ label: "A", age: 40, care }] });
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      `Au plus ${HOUSEHOLD_LIMITS.actsPerBeneficiary.toLocaleString("fr-FR")} actes par an pour une personne, toutes lignes de soins confondues`,
    );
  });

  test("more than ten people is refused with a French message", () => {
    const beneficiaries = Array.from({ length: 11 }, (_, b) => ({ label: `P${b}`, age: 30, care: [] }));
    const result = profileSchema.safeParse({ startDate: "2026-01-01", department: "75", beneficiaries });
    expect(result.error?.issues[0]?.message).toBe("Au plus 10 personnes par profil");
  });
});
