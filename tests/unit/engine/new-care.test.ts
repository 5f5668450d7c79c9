import { describe, expect, test } from "vitest";
import { CompiledOffer } from "@/lib/engine/compile-offer";
import { actDay, actSegments, compileProfile } from "@/lib/engine/compile-profile";
import { OfferTerms } from "@/lib/engine/scenario";
import { DEFAULT_STOCHASTIC_OPTIONS, lineModel, prepareStochastic } from "@/lib/engine/stochastic";
import { scheduleYear } from "@/lib/engine/schedule";
import { quoteOffers } from "@/lib/engine";
import { profileSchema } from "@/lib/schemas/profile";
import { oneLineProfile, reasonsOf, scenarioOf, testOffer } from "./helpers";

/**
 * DOMAIN.md §7, each figure recomputed by hand (adult, parcours, 2026, offers "100 % BR
 * Sécu included" unless said). Sécu amounts: rate × BR rounded half-up on the cent.
 */
const CASES = [
  {
    // 50 € fixed, Sécu 60 % = 30 €, a contrat responsable pays the 40 % ticket modérateur: 20 €.
    name: "Psychologue Mon soutien psy : 50 €, Sécu 30 €, ticket modérateur 20 € payé par tout contrat responsable",
    offer: testOffer({ guarantees: { psychologist: {} } }),
    profile: oneLineProfile({ category: "psychologist-msp", perYear: 1 }),
    expected: { price: "50.00", secu: "30.00", mutuelle: "20.00", rac: "0.00" },
  },
  {
    // 12 sessions reimbursed in the calendar year (2026), the 13th and 14th at 50 € with nothing back.
    name: "Mon soutien psy : 14 séances en 2026, les 2 au-delà des 12 ne sont remboursées ni par la Sécu ni au titre du ticket modérateur",
    offer: testOffer({ guarantees: { psychologist: {} } }),
    profile: oneLineProfile({ category: "psychologist-msp", perYear: 14 }),
    expected: { price: "700.00", secu: "360.00", mutuelle: "240.00", rac: "100.00" },
    reasons: { "not-covered": "100.00" },
  },
  {
    name: "Mon soutien psy, contrat non responsable sans garantie psychologue : les 40 % restent à charge",
    offer: testOffer({ responsable: false, guarantees: { psychologist: {} } }),
    profile: oneLineProfile({ category: "psychologist-msp", perYear: 1 }),
    expected: { price: "50.00", secu: "30.00", mutuelle: "0.00", rac: "20.00" },
  },
  {
    // No Sécu; "4 séances × 30 € par an": 4 × 30 = 120 € paid, 5 × 30 € beyond the forfait, the 5th's 30 € past the count.
    name: "Psychologue hors dispositif, forfait 4 séances × 30 € par an : 5 séances à 60 €",
    offer: testOffer({ guarantees: { psychologist: { forfait: { amount: "30.00", per: "act", maxPerYear: 4 } } } }),
    profile: oneLineProfile({ category: "psychologist-private", perYear: 5, price: "60.00" }),
    expected: { price: "300.00", secu: "0.00", mutuelle: "120.00", rac: "180.00" },
    reasons: { "beyond-guarantee": "150.00", "ceiling-reached": "30.00" },
  },
  {
    // AMS 8,1 × 2,21 € = 17,90 €; Sécu 60 % = 10,74 € − 1 € franchise = 9,74 €; mutuelle 17,90 − 10,74 = 7,16 €.
    name: "Kinésithérapie 2026 : séance 17,90 €, Sécu 10,74 € moins 1 € de franchise (pas de participation de 2 €)",
    offer: testOffer(),
    profile: oneLineProfile({ category: "physiotherapy", perYear: 1 }),
    expected: { price: "17.90", secu: "9.74", mutuelle: "7.16", rac: "1.00" },
    reasons: { franchise: "1.00" },
  },
  {
    // AMI 1 + IFD = 5,65 €; Sécu 60 % = 3,39 € − 1 €; mutuelle 5,65 − 3,39 = 2,26 €.
    name: "Infirmier : acte à 5,65 €, franchise 1 €",
    offer: testOffer(),
    profile: oneLineProfile({ category: "nursing", perYear: 1 }),
    expected: { price: "5.65", secu: "2.39", mutuelle: "2.26", rac: "1.00" },
  },
  {
    // BR entered 31,94 € (AMO 12,1 × 2,64 €): Sécu 19,16 € − 1 €; mutuelle at 150 % BR: min(47,91, 31,94) − 19,16 = 12,78 €.
    name: "Orthophonie, BR saisie 31,94 €, garantie paramédicale 150 % BR",
    offer: testOffer({ guarantees: { paramedical: { percentBr: 150 } } }),
    profile: oneLineProfile({ category: "speech-therapy", perYear: 1, br: "31.94", price: "31.94" }),
    expected: { price: "31.94", secu: "18.16", mutuelle: "12.78", rac: "1.00" },
  },
  {
    name: "Orthoptie : séance 26 €, Sécu 15,60 € moins 1 €",
    offer: testOffer({ guarantees: { paramedical: {} } }),
    profile: oneLineProfile({ category: "orthoptics", perYear: 1 }),
    expected: { price: "26.00", secu: "14.60", mutuelle: "10.40", rac: "1.00" },
  },
  {
    // BR 23 €, dental rate 60 % = 13,80 €; a dentist's act carries no participation forfaitaire.
    name: "Consultation chez le dentiste : 23 €, Sécu 13,80 €, mutuelle 9,20 €, pas de participation forfaitaire",
    offer: testOffer(),
    profile: oneLineProfile({ category: "dental-consultation", perYear: 1 }),
    expected: { price: "23.00", secu: "13.80", mutuelle: "9.20", rac: "0.00" },
  },
  {
    // No Sécu; "300 € par implant, 2 par an": 600 € paid on three implants at 1 200 €.
    name: "Implants : 3 à 1 200 €, forfait 300 € par implant, 2 par an",
    offer: testOffer({ guarantees: { "dental-implants": { forfait: { amount: "300.00", per: "equipment", maxPerYear: 2 } } } }),
    profile: oneLineProfile({ category: "dental-implant", perYear: 3, price: "1200.00" }),
    expected: { price: "3600.00", secu: "0.00", mutuelle: "600.00", rac: "3000.00" },
    reasons: { "beyond-guarantee": "2700.00", "ceiling-reached": "300.00" },
  },
  {
    name: "Implant sans garantie : la Sécu ne rembourse rien, tout reste à charge",
    offer: testOffer(),
    profile: oneLineProfile({ category: "dental-implant", perYear: 1, price: "1000.00" }),
    expected: { price: "1000.00", secu: "0.00", mutuelle: "0.00", rac: "1000.00" },
    reasons: { "not-covered": "1000.00" },
  },
  {
    // Orthodontics after 16: BR 0; only a forfait pays (here 200 € a semester).
    name: "Orthodontie adulte : pas de Sécu, seul le forfait paie",
    offer: testOffer({ guarantees: { orthodontics: { forfait: { amount: "200.00", per: "act" } } } }),
    profile: oneLineProfile({ category: "orthodontics", perYear: 2, price: "700.00" }),
    expected: { price: "1400.00", secu: "0.00", mutuelle: "400.00", rac: "1000.00" },
  },
  {
    // Two eyes: BR 39,48 € each, Sécu 60 % = 23,69 €; ticket modérateur 15,79 €; the rest of 200 € is left.
    name: "Lentilles remboursées : 2 yeux à 200 €, BR 39,48 € par œil",
    offer: testOffer({ guarantees: { "contact-lenses": {} } }),
    profile: oneLineProfile({ category: "contact-lenses-reimbursed", perYear: 2, price: "200.00" }),
    expected: { price: "400.00", secu: "47.38", mutuelle: "31.58", rac: "321.04" },
  },
  {
    name: "Lentilles non remboursées : ni Sécu ni ticket modérateur",
    offer: testOffer({ guarantees: { "contact-lenses": {} } }),
    profile: oneLineProfile({ category: "contact-lenses", perYear: 1, price: "200.00" }),
    expected: { price: "200.00", secu: "0.00", mutuelle: "0.00", rac: "200.00" },
  },
];

describe("Soins ajoutés (DOMAIN.md §7), recalculés à la main", () => {
  test.each(CASES)("$name", ({ offer, profile, expected, reasons }) => {
    const quote = scenarioOf(offer, profile);
    expect(quote.scenario).toMatchObject(expected);
    if (reasons) expect(reasonsOf(quote)).toEqual(reasons);
  });
});

describe("Franchise des actes paramédicaux : 4 € par jour au plus chez un même professionnel", () => {
  test("cinq séances de kiné le même jour : quatre franchises de 1 €, la cinquième n'en a pas", () => {
    const compiled = compileProfile(oneLineProfile({ category: "physiotherapy", perYear: 1 }));
    const schedule = scheduleYear(compiled, [5 * 365]);
    const firstDay = schedule.acts[0]!.filter((act) => act.day === compiled.periodStart);
    expect(firstDay.map((act) => act.deduction)).toEqual([100, 100, 100, 100, 0]);
  });

  test("kiné et infirmier le même jour : 1 € chacun (le plafond est par professionnel)", () => {
    const profile = profileSchema.parse({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [{ label: "Assuré", age: 40, care: [{ category: "physiotherapy", perYear: 1 }, { category: "nursing", perYear: 1 }] }],
    });
    expect(reasonsOf(scenarioOf(testOffer(), profile))).toEqual({ franchise: "2.00" });
  });

  test("franchises des médicaments et du paramédical partagent un seul plafond de 50 € par an", () => {
    const profile = profileSchema.parse({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [{ label: "Assuré", age: 40, care: [{ category: "physiotherapy", perYear: 30 }, { category: "pharmacy-65", perYear: 30 }] }],
    });
    expect(reasonsOf(scenarioOf(testOffer(), profile)).franchise).toBe("50.00");
  });
});

describe("Mon soutien psy dans l'espérance", () => {
  test("au-delà de 12 séances tirées, la Sécu ne paie plus : l'espérance dépasse le scénario de 10 séances", () => {
    // 10 sessions a year on average under an offer paying nothing beyond the law: the scenario
    // leaves 0 €; the expected figure is 50 € × E[max(N − 12, 0)] for N ~ Poisson(10), > 0.
    const offer = testOffer({ guarantees: { psychologist: {} } });
    const quote = quoteOffers([offer], oneLineProfile({ category: "psychologist-msp", perYear: 10 }), { monteCarlo: { sampleCount: 200 } }).offers[0]!;
    expect(quote.scenario.rac).toBe("0.00");
    let beyond = 0;
    let p = Math.exp(-10);
    for (let n = 0; n < 60; n += 1) {
      if (n > 0) p = (p * 10) / n;
      beyond += p * Math.max(0, n - 12);
    }
    expect(Number(quote.expectedRac)).toBeCloseTo(50 * beyond, 1);
  });
});

describe("Mon soutien psy : à partir de 3 ans", () => {
  test.each([
    [2, false],
    [3, true],
  ])("à %d ans, la ligne est acceptée : %s", (age, accepted) => {
    const parsed = profileSchema.safeParse({
      startDate: "2026-12-01",
      department: "75",
      beneficiaries: [{ label: "Enfant", age, care: [{ category: "psychologist-msp", perYear: 4 }] }],
    });
    expect(parsed.success).toBe(accepted);
    if (!accepted) expect(parsed.error!.issues[0]).toMatchObject({ path: ["beneficiaries", 0, "care", 0, "category"], message: "Mon soutien psy est ouvert à partir de 3 ans" });
  });
});

describe("Mon soutien psy dans les tables de l'espérance (comptage par tranches)", () => {
  test.each([
    ["une année civile", "2026-01-01"],
    ["deux années civiles (date d'effet au 1er juillet)", "2026-07-01"],
  ])("%s : ce que laissent n séances est ce que donne la marche séance par séance, plafond de 12 par année civile compris", (_, startDate) => {
    // The counted runs look segments up by day; the yearly cap goes by rank within each
    // calendar year (actSegments). A contract paying nothing beyond the law leaves the
    // ticket modérateur's 0 € within the cap and 50 € beyond it.
    const offer = testOffer({ guarantees: { psychologist: {} } });
    const profile = compileProfile(oneLineProfile({ category: "psychologist-msp", perYear: 30 }, {}, startDate));
    const terms = new OfferTerms(profile, new CompiledOffer(offer));
    const stochastic = prepareStochastic(profile, { ...DEFAULT_STOCHASTIC_OPTIONS, sampleCount: 10, deductionSampleCount: 10 });
    const model = lineModel(terms, stochastic, 0);
    expect(model.linear).toBe(false);
    const line = profile.lines[0]!;
    const periodDays = profile.periodEnd - profile.periodStart;
    let beyondCapSeen = false;
    for (let n = 1; n < stochastic.pmf[0]!.length; n += 1) {
      const days = Array.from({ length: n }, (_, i) => actDay(profile.periodStart, periodDays, i, n));
      const segments = actSegments(profile, line, days);
      let walked = 0;
      for (const segment of segments) {
        const t = terms.get(0, segment);
        walked += t.price - t.secuGross - t.fixed - t.capped;
        if (segment >= line.segmentStarts.length) beyondCapSeen = true;
      }
      expect(model.rest![n]).toBe(walked);
    }
    expect(beyondCapSeen).toBe(true);
  });
});
