import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { GuaranteeCategory } from "@/lib/schemas/care-category";
import { moneySchema } from "@/lib/schemas/money";
import { catalogueSchema, offerSchema, validateResponsable, type OfferInput } from "@/lib/schemas/offer";
import { profileSchema } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { generateSyntheticCatalogue, generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";
import { jsonSchemaFile } from "@/scripts/export-schemas";
import { testOffer, type GuaranteeInput } from "./helpers";

describe("Montants", () => {
  test.each([
    ["30", "30.00"],
    ["30.5", "30.50"],
    ["0.1", "0.10"],
    [30, "30.00"],
    [30.1, "30.10"],
    [0.07, "0.07"],
  ])("%j est normalisé en %s", (input, output) => {
    expect(moneySchema.parse(input)).toBe(output);
  });

  test.each([["30.123"], [30.123], [-1], ["-1.00"], ["30,00"], ["abc"]])("%j est refusé", (input) => {
    expect(moneySchema.safeParse(input).success).toBe(false);
  });
});

describe("Offres et catalogue", () => {
  test("une erreur nomme le chemin du champ", () => {
    const result = catalogueSchema.safeParse({ formatVersion: 1, offers: [{ ...testOffer(), level: 9 }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["offers", 0, "level"]);
  });

  test("des identifiants d'offre en double sont refusés", () => {
    const offer = testOffer();
    const result = catalogueSchema.safeParse({ formatVersion: 1, offers: [offer, offer] });
    expect(result.error!.issues.map((i) => i.path)).toEqual([["offers", 1, "id"]]);
  });

  test("un réseau ne peut pas changer la couverture des médecins (loi Le Roux)", () => {
    const offer = { ...testOffer(), network: { name: "itelis", lensesDiscountPercent: 30, frameDiscountPercent: 15, dentalDiscountPercent: 5, hearingDiscountPercent: 10 } };
    offer.guarantees["doctor-gp"] = { ...offer.guarantees["doctor-gp"], inNetwork: { percentBr: 300, basis: "secu-included", fraisReels: false } };
    const result = offerSchema.safeParse(offer);
    expect(result.error!.issues[0]!.path).toEqual(["guarantees", "doctor-gp", "inNetwork"]);
  });

  test("une garantie ne peut appartenir qu'à un plafond", () => {
    const result = offerSchema.safeParse({
      ...testOffer(),
      ceilings: [
        { id: "a", categories: ["dental-prosthesis"], amount: "100.00", period: "calendar" },
        { id: "b", categories: ["dental-prosthesis"], amount: "100.00", period: "calendar" },
      ],
    });
    expect(result.error!.issues[0]!.path).toEqual(["ceilings", 1, "categories"]);
  });

  test("le catalogue synthétique est valide, déterministe, et ses offres responsables respectent R871-2", () => {
    const catalogue = generateSyntheticCatalogue({ count: 300, seed: 5 });
    expect(catalogueSchema.parse(catalogue)).toEqual(catalogue);
    expect(generateSyntheticOffers({ count: 300, seed: 5 })).toEqual(catalogue.offers);
    expect(generateSyntheticOffers({ count: 3, seed: 6 })).not.toEqual(catalogue.offers.slice(0, 3));
    expect(catalogue.offers.filter((o) => o.responsable).flatMap(validateResponsable)).toEqual([]);
    expect(new Set(catalogue.offers.map((o) => o.level))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  test.each(REFERENCE_PROFILES.map((p) => [p.id, p] as const))("le profil de référence %s est valide", (_id, entry) => {
    expect(profileSchema.safeParse(entry.profile).success).toBe(true);
  });

  test("le profil couple avec enfants a 2 adultes, 2 enfants et 12 lignes de soins", () => {
    const entry = REFERENCE_PROFILES.find((p) => p.id === "couple-avec-enfants")!;
    const profile = profileSchema.parse(entry.profile);
    expect(profile.beneficiaries.map((b) => b.age >= 18)).toEqual([true, true, false, false]);
    expect(profile.beneficiaries.flatMap((b) => b.care)).toHaveLength(12);
  });
});

describe("validateResponsable (art. R871-2 CSS)", () => {
  const withGuarantee = (category: GuaranteeCategory, guarantee: GuaranteeInput) => testOffer({ guarantees: { [category]: guarantee } });

  test("une offre à 100 % BR partout est conforme", () => {
    expect(validateResponsable(testOffer())).toEqual([]);
  });

  test("une offre non responsable n'est pas contrôlée", () => {
    expect(validateResponsable(testOffer({ responsable: false, percent: 50 }))).toEqual([]);
  });

  test.each([
    ["non OPTAM au-delà de 200 %", withGuarantee("doctor-specialist", { percentBr: 300, percentBrNonOptam: 250 }), "R871-2-non-optam-200", ["guarantees", "doctor-specialist", "percentBrNonOptam"]],
    ["non OPTAM à moins de 20 points sous l'OPTAM", withGuarantee("doctor-gp", { percentBr: 200 }), "R871-2-non-optam-20-points", ["guarantees", "doctor-gp", "percentBr"]],
    ["honoraires aux frais réels", withGuarantee("surgeon-fees", { fraisReels: true }), "R871-2-non-optam-200", ["guarantees", "surgeon-fees", "fraisReels"]],
    ["ticket modérateur non couvert (80 % BR)", withGuarantee("lab-imaging", { percentBr: 80 }), "R871-2-ticket-moderateur", ["guarantees", "lab-imaging"]],
    ["ticket modérateur non couvert (« hors Sécu » 20 %)", withGuarantee("dental-care", { percentBr: 20, basis: "hors-secu" }), "R871-2-ticket-moderateur", ["guarantees", "dental-care"]],
    ["forfait journalier non couvert", withGuarantee("hospital-daily-charge", { forfait: { amount: "15.00", per: "day" } }), "R871-2-forfait-journalier", ["guarantees", "hospital-daily-charge"]],
    ["lunettes au-delà de 420 € en verres simples", withGuarantee("glasses", { glassesAmounts: { "simple-simple": "450.00" }, frameMax: "100.00" }), "R871-2-optique-plafond", ["guarantees", "glasses", "glassesAmounts", "simple-simple"]],
    ["lunettes au-delà de 800 € en verres très complexes", withGuarantee("glasses", { glassesAmounts: { "very-complex-very-complex": "850.00" }, frameMax: "100.00" }), "R871-2-optique-plafond", ["guarantees", "glasses", "glassesAmounts", "very-complex-very-complex"]],
    ["monture au-delà de 100 €", withGuarantee("glasses", { glassesAmounts: { "simple-simple": "400.00" }, frameMax: "150.00" }), "R871-2-optique-monture", ["guarantees", "glasses", "frameMax"]],
    ["monture non plafonnée", withGuarantee("glasses", { glassesAmounts: { "simple-simple": "400.00" } }), "R871-2-optique-monture", ["guarantees", "glasses", "frameMax"]],
    ["aide auditive de classe II au-delà de 1 700 €", withGuarantee("hearing-aids", { forfait: { amount: "1800.00", per: "equipment", includesSecu: true } }), "R871-2-audio-classe-2", ["guarantees", "hearing-aids"]],
  ] as const)("%s", (_name, offer, rule, path) => {
    const violations = validateResponsable(offer);
    expect(violations.map((v) => v.rule)).toEqual([rule]);
    expect(violations[0]!.path).toEqual(path);
    expect(violations[0]!.message).toMatch(/^Contrat responsable \(art\. R871-2 CSS\) : /);
  });

  test("les limites exactes sont admises : 200 % non OPTAM sous 220 % OPTAM, 1 700 € par oreille, 100 € de monture", () => {
    const offer = testOffer({
      guarantees: {
        "doctor-specialist": { percentBr: 220, percentBrNonOptam: 200 },
        "hearing-aids": { forfait: { amount: "1700.00", per: "equipment", includesSecu: true } },
        glasses: { glassesAmounts: { "simple-simple": "420.00", "very-complex-very-complex": "800.00" }, frameMax: "100.00" },
      },
    });
    expect(validateResponsable(offer)).toEqual([]);
  });

  test("les conditions en réseau sont contrôlées aussi", () => {
    const base = testOffer({ network: { name: "santeclair", lensesDiscountPercent: 40, frameDiscountPercent: 20, dentalDiscountPercent: 10, hearingDiscountPercent: 15 } }) as OfferInput;
    base.guarantees.glasses = { glassesAmounts: { "simple-simple": "300.00" }, frameMax: "100.00", inNetwork: { glassesAmounts: { "simple-simple": "500.00" }, frameMax: "100.00" } };
    const violations = validateResponsable(offerSchema.parse(base));
    expect(violations.map((v) => v.path)).toEqual([["guarantees", "glasses", "inNetwork", "glassesAmounts", "simple-simple"]]);
  });
});

describe("docs/schemas à jour", () => {
  test.each(["offer", "catalogue", "profile"] as const)("docs/schemas/%s.json correspond au schéma zod (sinon : npm run schemas)", (name) => {
    const file = JSON.parse(readFileSync(path.resolve(__dirname, `../../../docs/schemas/${name}.json`), "utf8"));
    expect(file).toEqual(jsonSchemaFile(name));
  });
});

describe("Format de catalogue : version 2, les fichiers en version 1 restent lisibles", () => {
  const versionOneOffer = () => {
    const offer = JSON.parse(JSON.stringify(testOffer({ id: "ancienne" }))) as { guarantees: Record<string, unknown> };
    for (const category of ["psychologist", "paramedical", "dental-implants"]) delete offer.guarantees[category];
    return offer;
  };

  test("un fichier en version 1 est mis à niveau : un contrat responsable reçoit le ticket modérateur dû sur psychologue et paramédical, rien sur les implants", () => {
    const parsed = catalogueSchema.parse({ formatVersion: 1, offers: [versionOneOffer()] });
    expect(parsed.formatVersion).toBe(2);
    const offer = parsed.offers[0]!;
    const nothing = { basis: "secu-included", fraisReels: false, waitingMonths: 0 };
    expect(offer.guarantees.psychologist).toEqual({ ...nothing, percentBr: 100 });
    expect(offer.guarantees.paramedical).toEqual({ ...nothing, percentBr: 100 });
    expect(offer.guarantees["dental-implants"]).toEqual(nothing);
    expect(offer.guarantees["doctor-gp"]).toEqual(testOffer().guarantees["doctor-gp"]);
    expect(validateResponsable(offer)).toEqual([]);
  });

  test("un contrat non responsable en version 1 ne reçoit rien sur les nouvelles garanties", () => {
    const parsed = catalogueSchema.parse({ formatVersion: 1, offers: [{ ...versionOneOffer(), responsable: false }] });
    expect(parsed.offers[0]!.guarantees.paramedical).toEqual({ basis: "secu-included", fraisReels: false, waitingMonths: 0 });
  });

  test("un contrat responsable sans ticket modérateur sur le paramédical est refusé, règle nommée", () => {
    const offer = testOffer();
    const violations = validateResponsable(offerSchema.parse({ ...offer, guarantees: { ...offer.guarantees, paramedical: { percentBr: 80 } } }));
    expect(violations.map((violation) => [violation.rule, violation.path.join(".")])).toEqual([["R871-2-ticket-moderateur", "guarantees.paramedical"]]);
  });

  test("un fichier en version 2 doit avoir toutes les garanties", () => {
    const result = catalogueSchema.safeParse({ formatVersion: 2, offers: [versionOneOffer()] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain("offers.0.guarantees.psychologist");
  });

  test("une version inconnue est refusée", () => {
    expect(catalogueSchema.safeParse({ formatVersion: 3, offers: [] }).success).toBe(false);
  });

  test("un forfait limité en nombre ne peut pas être aussi dans un plafond, ni être annuel", () => {
    const offer = testOffer();
    const inCeiling = offerSchema.safeParse({
      ...offer,
      guarantees: { ...offer.guarantees, psychologist: { forfait: { amount: "30.00", per: "act", maxPerYear: 4 } } },
      ceilings: [{ id: "psy", categories: ["psychologist"], amount: "100.00", period: "calendar" }],
    });
    expect(inCeiling.error!.issues[0]!.path).toEqual(["guarantees", "psychologist", "forfait", "maxPerYear"]);
    const yearly = offerSchema.safeParse({
      ...offer,
      guarantees: { ...offer.guarantees, psychologist: { forfait: { amount: "30.00", per: "year", maxPerYear: 4 } } },
    });
    expect(yearly.error!.issues[0]!.path).toEqual(["guarantees", "psychologist", "forfait", "maxPerYear"]);
  });
});
