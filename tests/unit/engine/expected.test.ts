import { describe, expect, test } from "vitest";
import { quoteOffers } from "@/lib/engine";
import { compileProfile } from "@/lib/engine/compile-profile";
import { CompiledOffer } from "@/lib/engine/compile-offer";
import { drawFromPmf, poissonPmf, seededRandom } from "@/lib/engine/distribution";
import { OfferTerms, simulateYear } from "@/lib/engine/scenario";
import { scheduleYear } from "@/lib/engine/schedule";
import { moneyToCents } from "@/lib/schemas/money";
import { referenceProfile } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";
import { testOffer } from "./helpers";

/**
 * Reference: 200 000 years drawn at random and played act by act through the scenario
 * simulation (date order, ceilings consumed as they come), a path independent of the
 * exact expectation's tables and convolutions.
 */
function monteCarloMean(offers: ReturnType<typeof testOffer>[], profile: ReturnType<typeof referenceProfile>, samples: number) {
  const compiled = compileProfile(profile);
  const pmfs = compiled.lines.map((line) => poissonPmf(line.mean, 60));
  const terms = offers.map((offer) => new OfferTerms(compiled, new CompiledOffer(offer)));
  const random = seededRandom(987654321);
  const sums = offers.map(() => 0);
  const counts = new Array<number>(compiled.lines.length);
  for (let s = 0; s < samples; s += 1) {
    for (let l = 0; l < counts.length; l += 1) counts[l] = drawFromPmf(pmfs[l]!, random());
    const schedule = scheduleYear(compiled, counts);
    terms.forEach((t, i) => (sums[i]! += simulateYear(t, schedule, null).rac));
  }
  return sums.map((sum) => sum / samples);
}

describe("Reste à charge espéré (Poisson)", () => {
  test("à moins de 0,5 % d'un Monte-Carlo de 200 000 années, avec plafonds, carences, réseau et participations", () => {
    const profile = referenceProfile("couple-avec-enfants");
    const synthetic = generateSyntheticOffers({ count: 40, seed: 11 });
    const offers = [
      // A tight shared dental ceiling, a waiting period and a yearly forfait: everything non-linear.
      testOffer({
        id: "plafonds-serres",
        percent: 300,
        ceilings: [{ id: "dentaire", categories: ["dental-prosthesis", "orthodontics", "dental-care"], amount: "600.00", period: "membership", firstYearAmount: "400.00" }],
        guarantees: { glasses: { glassesAmounts: { "simple-simple": "200.00", "complex-complex": "300.00" }, frameMax: "80.00", waitingMonths: 6 } },
      }),
      synthetic.find((o) => o.ceilings.some((c) => c.id === "dentaire") && o.network !== null)!,
      synthetic.find((o) => !o.responsable)!,
    ];
    const reference = monteCarloMean(offers, profile, 200_000);
    const quoted = quoteOffers(offers, profile, { breakdown: false, sort: "rac" }).offers;
    offers.forEach((offer, i) => {
      const expected = moneyToCents(quoted.find((q) => q.offerId === offer.id)!.expectedRac!);
      expect(Math.abs(expected - reference[i]!) / reference[i]!).toBeLessThan(0.005);
    });
  }, 30_000);

  test("un plafond rend l'espérance différente du scénario : E[min(S, c)] ≤ min(E[S], c)", () => {
    const profile = referenceProfile("besoins-optique-dentaire");
    const ceiling = { id: "dentaire", categories: ["dental-prosthesis" as const], amount: "400.00", period: "calendar" as const };
    const quote = quoteOffers([testOffer({ percent: 300, ceilings: [ceiling] })], profile, { breakdown: false }).offers[0]!;
    const uncapped = quoteOffers([testOffer({ percent: 300 })], profile, { breakdown: false }).offers[0]!;
    expect(moneyToCents(quote.expectedRac!)).toBeGreaterThan(moneyToCents(uncapped.expectedRac!));
    expect(moneyToCents(quote.badYearRac!)).toBeGreaterThanOrEqual(moneyToCents(quote.expectedRac!));
  });

  test("les mêmes entrées donnent les mêmes chiffres (graine fixe)", () => {
    const profile = referenceProfile("senior");
    const offers = generateSyntheticOffers({ count: 5, seed: 3 });
    expect(quoteOffers(offers, profile)).toEqual(quoteOffers(offers, profile));
  });
});
