import { describe, expect, it } from "vitest";
import { importIssueText, offerIdsOf } from "@/components/admin/import-issue";
import { jsonSyntaxMessage } from "@/lib/catalogue/admin/import-export";

const file = JSON.stringify({ formatVersion: 1, offers: [{ id: "hortensias-confort" }, { formula: "sans id" }] });

describe("import problems name the offer and the field in French", () => {
  it.each([
    [{ path: ["offers", 0, "premiums"], message: "Cotisations : ce champ est obligatoire." }, "Offre « hortensias-confort » — Cotisations : ce champ est obligatoire."],
    [
      { path: ["offers", 0, "premiums", "bands", 1, "monthly"], message: "Cotisation mensuelle : indiquez 0 ou plus (pas de nombre négatif)." },
      "Offre « hortensias-confort », Tranche de cotisation 2 — Cotisation mensuelle : indiquez 0 ou plus (pas de nombre négatif).",
    ],
    [
      { path: ["offers", 0, "guarantees", "glasses", "frameMax"], message: "Contrat responsable (art. R871-2 CSS) : monture au plus 100 €." },
      "Offre « hortensias-confort », Lunettes : plafond de la monture : Contrat responsable (art. R871-2 CSS) : monture au plus 100 €.",
    ],
    [{ path: ["offers", 1, "id"], message: "Identifiant : ce champ est obligatoire." }, "Offre n° 2 du fichier — Identifiant : ce champ est obligatoire."],
    [{ path: ["formatVersion"], message: "Version du format : seule la valeur 1 est acceptée." }, "Version du format : seule la valeur 1 est acceptée."],
  ])("%j", (issue, text) => {
    const shown = importIssueText(issue, offerIdsOf(file));
    expect(shown).toBe(text);
    expect(shown).not.toMatch(/offers\.\d/);
  });
});

describe("a file that is not JSON is refused in French, saying where", () => {
  it.each([
    ['{\n  "formatVersion": 1,\n  offers: []\n}', "erreur ligne 3, colonne 3"],
    ["", "Le fichier est vide"],
    ["bonjour", "n’est pas du JSON valide"],
  ])("%j", (text, words) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    const message = jsonSyntaxMessage(text, error);
    expect(message).toContain(words);
    expect(message).not.toMatch(/Unexpected|Expected|JSON at position|token/);
  });
});
