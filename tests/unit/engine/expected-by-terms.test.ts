import { describe, expect, test } from "vitest";
import { compileCatalogue, type CompiledCatalogue } from "@/lib/engine";
import { compileProfile } from "@/lib/engine/compile-profile";
import { ExpectedByTerms, keptFigureClasses } from "@/lib/engine/expected-by-terms";
import { OfferTerms } from "@/lib/engine/scenario";
import { DEFAULT_STOCHASTIC_OPTIONS, evaluateStochastic, prepareStochastic } from "@/lib/engine/stochastic";
import { profileSchema, type Profile } from "@/lib/schemas/profile";
import { REFERENCE_PROFILE_IDS, referenceProfile } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";
import { loadProfiles } from "@/scripts/lib/load-profiles";
import { ceilingPastItsBudget, testOffer } from "./helpers";

const OPTIONS = { ...DEFAULT_STOCHASTIC_OPTIONS, sampleCount: 50, deductionSampleCount: 500 };

/**
 * Each offer's expected RAC by shared line terms, and by evaluateStochastic on the offer
 * alone; on a catalogue compiled once, the lines' figure classes are shared by the profiles.
 */
function bothWays(offers: Parameters<typeof compileCatalogue>[0] | CompiledCatalogue, profile: Profile, options = OPTIONS, year?: number) {
  const catalogue = "offers" in offers ? offers : compileCatalogue(offers);
  const compiled = compileProfile(profile, year);
  const stochastic = prepareStochastic(compiled, options);
  const shared = new ExpectedByTerms(compiled, stochastic).expectedOfAll(catalogue);
  return catalogue.offers.map((offer, position) => ({
    id: offer.offer.id,
    shared: shared[position]!,
    whole: evaluateStochastic(new OfferTerms(compiled, offer), stochastic, new Float64Array(0), false).expected,
  }));
}

describe("ExpectedByTerms : le reste à charge attendu partagé par ligne de soins", () => {
  test("donne le même nombre, au bit près, que l'évaluation offre par offre (profils de référence et variés, 600 offres synthétiques)", () => {
    const offers = generateSyntheticOffers({ count: 600, seed: 11 });
    const profiles = [...REFERENCE_PROFILE_IDS.map(referenceProfile), ...loadProfiles(12, 5).map((input) => profileSchema.parse(input))];
    let compared = 0;
    for (const profile of profiles) {
      for (const { shared, whole } of bothWays(offers, profile)) {
        expect(shared).toBe(whole);
        compared += 1;
      }
    }
    expect(compared).toBe(600 * profiles.length);
  });

  test("les mêmes nombres quand les profils se succèdent sur un catalogue compilé une fois (classes de montants des lignes partagées entre profils)", () => {
    const catalogue = compileCatalogue(generateSyntheticOffers({ count: 400, seed: 12 }));
    // Variations of one household: many lines recur from profile to profile (same acts,
    // other counts, other start dates), and the classes made for one serve the next.
    const profiles = loadProfiles(40, 9).map((input) => profileSchema.parse(input));
    for (const profile of [...profiles, ...profiles.slice(0, 5).reverse()]) {
      for (const { id, shared, whole } of bothWays(catalogue, profile)) expect(shared, id).toBe(whole);
    }
  });

  test("des milliers de lignes toutes différentes : le cache des classes reste dans son budget, clés comprises, et les chiffres restent exacts", () => {
    const catalogue = compileCatalogue(generateSyntheticOffers({ count: 40, seed: 14 }));
    // One line each, at a price a cent apart: as many keys as profiles, what a visitor sending many profiles makes.
    const profileAt = (cents: number) =>
      profileSchema.parse({
        startDate: "2026-03-01",
        department: "75",
        beneficiaries: [{ label: "Adulte", age: 40, care: [{ category: "alternative-medicine", perYear: 2, price: (40 + cents / 100).toFixed(2) }] }],
      });
    const options = { ...OPTIONS, sampleCount: 10, deductionSampleCount: 10 };
    const profiles = 7_000;
    for (let cents = 0; cents < profiles; cents += 1) {
      const compiled = compileProfile(profileAt(cents));
      new ExpectedByTerms(compiled, prepareStochastic(compiled, options)).expectedOfAll(catalogue);
    }
    const kept = keptFigureClasses(catalogue);
    expect(kept.bytes).toBeLessThanOrEqual(kept.budget);
    expect(kept.entries).toBeLessThan(profiles);
    // The first profile's classes were dropped long ago: made again, the same figures.
    for (const { id, shared, whole } of bothWays(catalogue, profileAt(0), options)) expect(shared, id).toBe(whole);
  });

  test("la même année de soins sous un contrat plus ancien : fins de carence et périodes d'adhésion propres, mêmes nombres", () => {
    const catalogue = compileCatalogue(generateSyntheticOffers({ count: 300, seed: 13 }));
    // Care the synthetic offers put waiting periods on (prostheses, orthodontics), and some they do not.
    const household = profileSchema.parse({
      startDate: "2026-01-01",
      department: "69",
      beneficiaries: [
        { label: "Adulte", age: 41, care: [{ category: "gp", perYear: 3 }, { category: "crown-free-price", perYear: 1, price: "650.00" }] },
        { label: "Enfant", age: 12, care: [{ category: "orthodontics", perYear: 2, price: "700.00" }, { category: "dental-care", perYear: 2 }] },
      ],
    });
    // 2026 for all three; the contract started in March 2025, in 2026, in October 2025: the
    // year and its acts are the same, the waiting periods' ends and membership years are not.
    // First the start where every waiting period has ended: the classes made then must not
    // merge terms whose waiting periods differ, which the next starts tell apart.
    for (const [startDate, year] of [["2025-03-01", 2026], ["2026-01-01", undefined], ["2025-10-01", 2026]] as const) {
      // The form takes a start in the covered years; the engine, a current contract's older one.
      const profile: Profile = { ...household, startDate };
      for (const { id, shared, whole } of bothWays(catalogue, profile, OPTIONS, year)) expect(shared, `${startDate} ${id}`).toBe(whole);
    }
  });

  test("plafond partagé par deux lignes et deux périodes (adhésion en cours d'année, montant réduit la première année)", () => {
    const ceilings = (amount: string, period: "calendar" | "membership") => [
      { id: "dentaire", categories: ["dental-prosthesis" as const, "orthodontics" as const], amount, period, firstYearAmount: "300.00" },
    ];
    const offers = [
      testOffer({ id: "a", percent: 300, ceilings: ceilings("900.00", "calendar") }),
      testOffer({ id: "b", percent: 300, ceilings: ceilings("900.00", "membership") }),
      // Same terms as "a" on every line but the ceilings split: a different group.
      testOffer({
        id: "c",
        percent: 300,
        ceilings: [
          { id: "prothese", categories: ["dental-prosthesis"], amount: "900.00", period: "calendar", firstYearAmount: "300.00" },
          { id: "orthodontie", categories: ["orthodontics"], amount: "900.00", period: "calendar", firstYearAmount: "300.00" },
        ],
      }),
      testOffer({ id: "d", percent: 300, ceilings: ceilings("900.00", "calendar") }),
    ];
    const profile = profileSchema.parse({
      startDate: "2026-05-01",
      department: "75",
      beneficiaries: [
        {
          label: "Enfant",
          age: 12,
          care: [
            { category: "crown-free-price", perYear: 1.5, price: "700.00" },
            { category: "orthodontics", perYear: 2, price: "800.00" },
          ],
        },
      ],
    });
    const figures = bothWays(offers, profile);
    for (const { shared, whole } of figures) expect(shared).toBe(whole);
    const byId = Object.fromEntries(figures.map((f) => [f.id, f.shared]));
    expect(byId.a).toBe(byId.d);
    expect(byId.c).not.toBe(byId.a);
  });

  test("une offre dont un plafond demande le budget de travail (moyenne bornée) est évaluée entière, au même nombre", () => {
    const { offer, profile, ceilingWork } = ceilingPastItsBudget();
    const [figure] = bothWays([offer], profile, { ...OPTIONS, ceilingWork });
    expect(figure!.shared).toBe(figure!.whole);
    expect(figure!.shared).toBeGreaterThan(0);
  });
});
