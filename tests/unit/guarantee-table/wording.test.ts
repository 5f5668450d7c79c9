import { describe, expect, test } from "vitest";
import {
  ceilingWording,
  forfaitWording,
  guaranteeTable,
  networkWording,
  printedEuros,
  termsWording,
  waitingWording,
} from "@/lib/guarantee-table/wording";
import { GUARANTEE_CATEGORIES } from "@/lib/schemas/care-category";
import { guaranteeSchema, offerSchema, type GuaranteeTerms } from "@/lib/schemas/offer";

// Intl writes thousands with a narrow no-break space; the tests read it as a plain space.
const plain = (text: string) => text.replace(/\u202f|\u00a0/g, " ");
const terms = (input: object): GuaranteeTerms => guaranteeSchema.parse(input);

describe("the tableau de garanties in insurers' words, one guarantee kind at a time", () => {
  test.each([
    ["a rate Sécu included, the usual wording", { percentBr: 200 }, "doctor-specialist", ["200 % BR dont Sécu"]],
    ["« TM + x % BR »", { percentBr: 100, basis: "tm-plus" }, "doctor-gp", ["TM + 100 % BR"]],
    ["« x % BR hors Sécu »", { percentBr: 125.5, basis: "hors-secu" }, "dental-prosthesis", ["125,5 % BR hors Sécu"]],
    [
      "different rates for OPTAM and non-OPTAM doctors",
      { percentBr: 300, percentBrNonOptam: 200 },
      "doctor-specialist",
      ["300 % BR dont Sécu (médecins OPTAM)", "200 % BR dont Sécu (médecins non OPTAM)"],
    ],
    ["frais réels", { fraisReels: true }, "hospital-daily-charge", ["frais réels"]],
    ["a forfait per act", { forfait: { amount: "50.00", per: "act" } }, "alternative-medicine", ["forfait 50 € par séance"]],
    ["a forfait per night", { forfait: { amount: "65.50", per: "day" } }, "private-room", ["forfait 65,50 € par nuit"]],
    ["a yearly forfait", { forfait: { amount: "150.00", per: "year" } }, "contact-lenses", ["150 € par an et par bénéficiaire"]],
    [
      "a forfait per implant limited in number",
      { forfait: { amount: "300.00", per: "equipment", maxPerYear: 2 } },
      "dental-implants",
      ["forfait 300 € par implant, 2 par an"],
    ],
    [
      "a forfait per ear Sécu included",
      { forfait: { amount: "1700.00", per: "equipment", includesSecu: true } },
      "hearing-aids",
      ["forfait 1 700 € par oreille dont Sécu"],
    ],
    [
      "a rate and a forfait, which add up",
      { percentBr: 100, forfait: { amount: "40.00", per: "act", maxPerYear: 4 } },
      "psychologist",
      ["100 % BR dont Sécu", "forfait 40 € par séance, 4 par an"],
    ],
    ["nothing at all", {}, "alternative-medicine", ["non couvert"]],
    ["0 % BR", { percentBr: 0 }, "private-room", ["non couvert"]],
    ["« TM + 0 % BR » is still the ticket modérateur", { percentBr: 0, basis: "tm-plus" }, "pharmacy", ["TM + 0 % BR"]],
  ] as const)("%s", (_name, input, category, expected) => {
    expect(termsWording(terms(input), category).map(plain)).toEqual(expected);
  });

  test("glasses: an amount per lens combination Sécu included, missing ones not covered, and the frame's limit", () => {
    const wording = termsWording(
      terms({ glassesAmounts: { "simple-simple": "200.00", "complex-complex": "450.00" }, frameMax: "100.00" }),
      "glasses",
    );
    expect(wording.map(plain)).toEqual([
      "2 verres simples : 200 € par équipement dont Sécu",
      "1 verre simple et 1 complexe : non couvert",
      "2 verres complexes : 450 € par équipement dont Sécu",
      "1 verre simple et 1 très complexe : non couvert",
      "1 verre complexe et 1 très complexe : non couvert",
      "2 verres très complexes : non couvert",
      "dont monture 100 € au plus",
    ]);
  });

  test("money as insurers print it: no cents when there are none", () => {
    expect(plain(printedEuros("1234.00"))).toBe("1 234 €");
    expect(plain(printedEuros("12.50"))).toBe("12,50 €");
    expect(plain(forfaitWording({ amount: "0.99", per: "act", includesSecu: false }, "pharmacy"))).toBe("forfait 0,99 € par boîte");
  });

  test("waiting periods, only when there is one", () => {
    expect(waitingWording({ waitingMonths: 0 })).toBeNull();
    expect(waitingWording({ waitingMonths: 6 })).toBe("Délai de carence : 6 mois après la date d’effet");
  });

  test("ceilings: amount, calendar or membership year, first-year amount, shared lines", () => {
    expect(
      plain(ceilingWording({ id: "dentaire", categories: ["dental-prosthesis", "orthodontics"], amount: "1000.00", period: "membership", firstYearAmount: "500.00" }, "dental-prosthesis")),
    ).toBe("Plafond 1 000 € par an et par bénéficiaire (année d’adhésion), 500 € la première année, commun avec : Orthodontie");
    expect(plain(ceilingWording({ id: "douces", categories: ["alternative-medicine"], amount: "200.00", period: "calendar" }, "alternative-medicine"))).toBe(
      "Plafond 200 € par an et par bénéficiaire (année civile)",
    );
  });

  test("the network with its discounts, a discount of 0 % left out", () => {
    expect(
      networkWording({ name: "santeclair", lensesDiscountPercent: 40, frameDiscountPercent: 20, dentalDiscountPercent: 0, hearingDiscountPercent: 12.5 }),
    ).toBe("Réseau de soins Santéclair : prix réduits chez ses partenaires, −40 % sur les verres, −20 % sur les montures, −12,5 % sur les aides auditives");
  });

  test("a whole offer: every guarantee line in order, lines without terms not covered, network terms, waiting and ceiling on their line", () => {
    const offer = offerSchema.parse({
      id: "exemple",
      insurer: { name: "Mutuelle Exemple" },
      formula: "Confort",
      level: 3,
      responsable: true,
      network: { name: "kalixia", lensesDiscountPercent: 30, frameDiscountPercent: 15, dentalDiscountPercent: 10, hearingDiscountPercent: 10 },
      premiums: { bands: [{ minAge: 0, maxAge: 120, monthly: "50.00" }] },
      guarantees: {
        ...Object.fromEntries(GUARANTEE_CATEGORIES.map((category) => [category, {}])),
        "doctor-gp": { percentBr: 150 },
        "dental-prosthesis": { percentBr: 200, waitingMonths: 6, inNetwork: { percentBr: 250 } },
        orthodontics: { percentBr: 200 },
      },
      ceilings: [{ id: "dentaire", categories: ["dental-prosthesis", "orthodontics"], amount: "800.00", period: "calendar" }],
    });
    const table = guaranteeTable(offer);
    expect(table.rows).toHaveLength(18);
    expect(table.rows[0]).toEqual({
      category: "doctor-gp",
      label: "Médecin généraliste",
      coverage: ["150 % BR dont Sécu"],
      inNetwork: null,
      waiting: null,
      ceiling: null,
      byLaw: null,
    });
    const prosthesis = table.rows.find((row) => row.category === "dental-prosthesis")!;
    expect(prosthesis.coverage).toEqual(["200 % BR dont Sécu"]);
    expect(prosthesis.inNetwork).toEqual(["250 % BR dont Sécu"]);
    expect(prosthesis.waiting).toBe("Délai de carence : 6 mois après la date d’effet");
    expect(plain(prosthesis.ceiling!)).toBe("Plafond 800 € par an et par bénéficiaire (année civile), commun avec : Orthodontie");
    expect(table.rows.find((row) => row.category === "pharmacy")!.coverage).toEqual(["non couvert"]);
    expect(table.network).toMatch(/^Réseau de soins Kalixia : prix réduits chez ses partenaires, −30 % sur les verres/);
    expect(table.responsable).toBe(true);
    // The 100 % Santé baskets a contrat responsable pays by law, on their lines only, and not for a non-responsable one.
    expect(prosthesis.byLaw).toBe("Couronnes et bridges 100 % Santé : sans reste à charge");
    expect(table.rows.filter((row) => row.byLaw !== null).map((row) => row.category)).toEqual(["glasses", "dental-prosthesis", "hearing-aids"]);
    expect(guaranteeTable({ ...offer, responsable: false }).rows.every((row) => row.byLaw === null)).toBe(true);
  });
});
