import { describe, expect, it } from "vitest";
import { offerFieldLabel, offerValueText } from "@/components/offer-editor/offer-field-label";

describe("offer fields in French, for the audit log and the import report", () => {
  it.each([
    ["guarantees.glasses.frameMax", "Lunettes : plafond de la monture"],
    ["guarantees.dental-prosthesis.percentBr", "Prothèses dentaires : taux (% de la BR)"],
    ["guarantees.dental-prosthesis.inNetwork.percentBr", "Prothèses dentaires, chez un partenaire du réseau : taux (% de la BR)"],
    ["guarantees.doctor-gp.forfait.amount", "Médecin généraliste, forfait : montant"],
    ["premiums.bands.2.monthly", "Tranche de cotisation 3 : cotisation mensuelle"],
    ["premiums", "Cotisations"],
    ["ceilings.0.amount", "Plafond 1 : montant"],
    ["network.lensesDiscountPercent", "Réseau de soins : remise sur les verres (%)"],
    ["insurer.name", "Nom de l’assureur"],
    ["formula", "Formule"],
  ])("%s → %s", (path, label) => {
    expect(offerFieldLabel(path.split("."))).toBe(label);
  });

  it.each([
    ["guarantees.glasses.frameMax", "100.00", "100,00\u00a0€"],
    ["premiums.bands.0.monthly", "1234.50", "1\u202f234,50\u00a0€"],
    ["guarantees.dental-prosthesis.percentBr", 250, "250 %"],
    ["responsable", true, "oui"],
    ["guarantees.glasses.frameMax", null, "—"],
    ["guarantees.doctor-gp.basis", "secu-included", "part Sécu incluse"],
    ["formula", "Confort", "Confort"],
  ])("%s = %j → %s", (path, value, text) => {
    expect(offerValueText(path.split("."), value)).toBe(text);
  });
});
