import { describe, expect, it } from "vitest";
import { draftFromProfile, profileFromDraft, type ProfileDraft } from "@/components/compare/profile-draft";
import { fieldErrorsOf } from "@/lib/actions/result";
import { FRENCH_ERRORS, fieldLabel } from "@/lib/schemas/french-errors";
import { offerSchema } from "@/lib/schemas/offer";
import { profileSchema } from "@/lib/schemas/profile";

const base = draftFromProfile({
  startDate: "2026-01-01",
  department: "75",
  beneficiaries: [{ label: "Adulte 1", age: 40, care: [{ category: "gp", perYear: 3 }] }],
});

/** The form's errors for a draft changed by `edit`, as the person sees them next to each field. */
function errorsOf(edit: (draft: ProfileDraft) => void): Record<string, string> {
  const draft: ProfileDraft = structuredClone(base);
  edit(draft);
  const parsed = profileSchema.safeParse(profileFromDraft(draft), FRENCH_ERRORS);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

/** zod's own vocabulary, which no person should meet. */
const CODE_LIKE = /Entrée invalide|Trop (petit|grand)|attendu, .* reçu|>=|<=|chaîne de caractères|Invalid|expected/;

describe("validation messages in plain French, naming the field and what it accepts", () => {
  it.each<[string, (draft: ProfileDraft) => void, string, string]>([
    ["an age in letters", (d) => (d.beneficiaries[0]!.age = "quarante"), "beneficiaries.0.age", "Âge : indiquez un nombre entier entre 0 et 120."],
    ["a decimal age", (d) => (d.beneficiaries[0]!.age = "40,5"), "beneficiaries.0.age", "Âge : indiquez un nombre entier entre 0 et 120."],
    ["an age of 130", (d) => (d.beneficiaries[0]!.age = "130"), "beneficiaries.0.age", "Âge : indiquez 120 au plus."],
    ["a negative count", (d) => (d.beneficiaries[0]!.care[0]!.perYear = "-3"), "beneficiaries.0.care.0.perYear", "Nombre par an : indiquez 0 ou plus (pas de nombre négatif)."],
    ["a count in letters", (d) => (d.beneficiaries[0]!.care[0]!.perYear = "trois"), "beneficiaries.0.care.0.perYear", "Nombre par an : indiquez un nombre entre 0 et 366."],
    ["an empty first name", (d) => (d.beneficiaries[0]!.label = " "), "beneficiaries.0.label", "Prénom ou rôle : ce champ est obligatoire."],
    ["a date that does not exist", (d) => (d.startDate = "2026-02-30"), "startDate", "Date d’effet : indiquez une date qui existe (jour, mois, année)."],
  ])("%s", (_, edit, path, message) => {
    const errors = errorsOf(edit);
    expect(errors[path]).toBe(message);
    expect(errors[path]).not.toMatch(CODE_LIKE);
  });

  it("a price with letters gets the money hint with a French decimal comma", () => {
    const errors = errorsOf((d) => (d.beneficiaries[0]!.care[0]!.price = "trente"));
    expect(errors["beneficiaries.0.care.0.price"]).toContain("30,00");
    expect(errors["beneficiaries.0.care.0.price"]).not.toMatch(CODE_LIKE);
  });

  it("French numbers keep working: « 1 000,50 » is a price of 1000.50 €", () => {
    const draft: ProfileDraft = structuredClone(base);
    draft.beneficiaries[0]!.care[0]!.price = "1 000,50";
    draft.beneficiaries[0]!.care[0]!.perYear = "0,5";
    const parsed = profileSchema.safeParse(profileFromDraft(draft), FRENCH_ERRORS);
    expect(parsed.success && parsed.data.beneficiaries[0]!.care[0]).toMatchObject({ price: "1000.50", perYear: 0.5 });
  });

  it("an offer's generic errors are worded the same way (admin editor and import)", () => {
    const parsed = offerSchema.safeParse({ id: "x", insurer: { name: "" }, formula: "F", level: 9, responsable: "oui", network: null, guarantees: {} }, FRENCH_ERRORS);
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(errors).toMatchObject({
      "insurer.name": "Nom de l’assureur : ce champ est obligatoire.",
      level: "Niveau : indiquez 5 au plus.",
      responsable: "Contrat responsable : choisissez oui ou non.",
      premiums: "Cotisations : ce champ est obligatoire.",
    });
    for (const message of Object.values(errors)) expect(message).not.toMatch(CODE_LIKE);
  });

  it.each([
    [["beneficiaries", 0, "label"], "Prénom ou rôle"],
    [["beneficiaries", 0, "care", 2, "label"], "Libellé"],
    [["offers", 3, "insurer", "name"], "Nom de l’assureur"],
    [["guarantees", "glasses", "frameMax"], "Plafond de la monture"],
    [[], null],
  ])("field label of %j is %s", (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});
