import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import { quoteOffers, type OfferQuote } from "@/lib/engine";
import { allocateCents } from "@/lib/engine/money";
import { profileSchema } from "@/lib/schemas/profile";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { REFERENCE_PROFILES, referenceProfile } from "@/seed/factories/profiles";
import { ceilingPastItsBudget, oneLineProfile, testOffer } from "./helpers";

const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0)).toFixed(2);
const linesOf = (quote: OfferQuote) => quote.breakdown!.flatMap((b) => b.categories.flatMap((c) => c.lines));

describe("Chiffres attendus par ligne de soins", () => {
  test("une couronne à 600 € 0,3 fois par an : l'année saisie n'en compte aucune, l'attendu en compte 0,3", () => {
    // Per crown at 100 % BR: Sécu 60 % × 120 = 72 €, mutuelle 120 − 72 = 48 €, RAC 600 − 120 = 480 €;
    // no ceiling, so the means are 0,3 × these: 180 / 21,60 / 14,40 / 144 €.
    const quote = quoteOffers([testOffer()], oneLineProfile({ category: "crown-free-price", perYear: 0.3, price: "600.00" }), {
      breakdown: true,
    }).offers[0]!;
    expect(quote.scenario.rac).toBe("0.00");
    expect(quote.expectedRac).toBe("144.00");
    const [line] = linesOf(quote);
    expect(line!.count).toBe(0);
    expect(line!.expected!.count).toBeCloseTo(0.3, 9);
    expect(line!.expected).toMatchObject({ price: "180.00", secu: "21.60", mutuelle: "14.40", rac: "144.00" });
    expect(quote.breakdown![0]!.categories[0]!.expected).toMatchObject({ rac: "144.00" });
  });

  test("un plafond partagé par deux lignes : le paiement attendu du plafond est réparti selon les demandes attendues", () => {
    // Not responsable, so the ceiling bounds the whole mutuelle share. At 300 % BR a crown
    // claims min(360, 600) − 72 = 288 €, a semester of orthodontics before 16 (BR 193,50 € at
    // 100 % Sécu) min(580,50, 700) − 193,50 = 387 €; both draw on one 500 € ceiling.
    const offer = testOffer({
      responsable: false,
      percent: 300,
      ceilings: [{ id: "dentaire", categories: ["dental-prosthesis", "orthodontics"], amount: "500.00", period: "calendar" }],
    });
    const profile = profileSchema.parse({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [
        {
          label: "Enfant",
          age: 12,
          care: [
            { category: "crown-free-price", perYear: 1, price: "600.00" },
            { category: "orthodontics", perYear: 2, price: "700.00" },
          ],
        },
      ],
    });
    const quote = quoteOffers([offer], profile, { breakdown: true }).offers[0]!;
    const lines = linesOf(quote);
    expect(sum(lines.map((line) => line.expected!.rac))).toBe(quote.expectedRac);
    for (const line of lines) {
      const e = line.expected!;
      expect(sum([e.secu, e.mutuelle, e.rac])).toBe(e.price);
    }
    // The ceiling pays at most 500 € a year, so the two lines' expected mutuelle beyond the
    // Sécu is at most 500 €, and each line gets a positive share.
    expect(new Decimal(sum(lines.map((line) => line.expected!.mutuelle))).lte(500)).toBe(true);
    expect(lines.every((line) => new Decimal(line.expected!.mutuelle).gt(0))).toBe(true);
  });

  test.each(REFERENCE_PROFILES.map(({ id }) => id))(
    "profil « %s », offres de démonstration : les lignes attendues font au centime le reste à charge attendu, et chaque ligne vérifie facturé = Sécu + mutuelle + reste",
    (id) => {
      const offers = buildDemoCatalogue().offers.slice(0, 12);
      const result = quoteOffers(offers, referenceProfile(id), { breakdown: true, monteCarlo: { deductionSampleCount: 5000, sampleCount: 200 } });
      for (const quote of result.offers) {
        const lines = linesOf(quote);
        expect(sum(lines.map((line) => line.expected!.rac))).toBe(quote.expectedRac);
        for (const line of lines) {
          const e = line.expected!;
          expect(sum([e.secu, e.mutuelle, e.rac])).toBe(e.price);
          for (const amount of [e.price, e.secu, e.mutuelle, e.rac]) expect(new Decimal(amount).gte(0)).toBe(true);
        }
        for (const beneficiary of quote.breakdown!) {
          expect(sum(beneficiary.categories.map((category) => category.expected!.rac))).toBe(beneficiary.expected!.rac);
        }
      }
    },
  );

  test("un plafond partagé dont la moyenne est bornée (méthode approchée) : les lignes font encore au centime le reste à charge attendu", () => {
    // The lines share the bounded ceiling payment in proportion to their expected claims.
    const { offer, profile, ceilingWork } = ceilingPastItsBudget();
    const quote = quoteOffers([offer], profile, { breakdown: true, monteCarlo: { ceilingWork, deductionSampleCount: 2000, sampleCount: 100 } })
      .offers[0]!;
    expect(quote.expectedMethod).toBe("bounded");
    const lines = linesOf(quote);
    expect(sum(lines.map((line) => line.expected!.rac))).toBe(quote.expectedRac);
    for (const line of lines) {
      const e = line.expected!;
      expect(sum([e.secu, e.mutuelle, e.rac])).toBe(e.price);
      expect(new Decimal(e.mutuelle).gt(0)).toBe(true);
    }
  });

  test("en mode scénario, pas de chiffres attendus", () => {
    const quote = quoteOffers([testOffer()], oneLineProfile({ category: "gp", perYear: 2 }), { breakdown: true, mode: "scenario" }).offers[0]!;
    expect(linesOf(quote)[0]!.expected).toBeNull();
  });
});

describe("Arrondi au plus fort reste", () => {
  test.each([
    [[1.4, 1.4, 1.2], 4, [2, 1, 1]],
    [[0.5, 0.5], 1, [1, 0]],
    [[0, 2.7, 0], 3, [0, 3, 0]],
    [[10.2, 0, 5.3], 15, [10, 0, 5]],
    // Equal remainders: the cent goes to the largest amount, never to an empty line.
    [[0, 7150, 0], 7151, [0, 7151, 0]],
  ])("%j pour un total de %d", (values, total, expected) => {
    expect(allocateCents(values, total)).toEqual(expected);
  });
});
