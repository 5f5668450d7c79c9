import { seededRandom } from "../../lib/engine/distribution";
import { REFERENCE } from "../../lib/engine/reference/secu-fr";
import { LENS_PAIRS, NETWORKS, type GuaranteeCategory, type LensPair } from "../../lib/schemas/care-category";
import { CATALOGUE_FORMAT_VERSION, type Catalogue, type Ceiling, type Guarantee, type Offer, type PremiumBand } from "../../lib/schemas/offer";

/**
 * A deterministic generator of realistic offers: same seed, same catalogue. Levels 1 to
 * 5 scale every guarantee; nine offers in ten are contrats responsables and respect
 * R871-2 (the others may cover more than the law allows a responsable one). Used by
 * tests, the benchmark and `npm run catalogue:generate`.
 */
const INSURERS: readonly { name: string; kind: "mutuelle" | "assureur" | "institution-de-prevoyance" }[] = [
  { name: "Mutuelle des Tilleuls", kind: "mutuelle" },
  { name: "Harmonie du Rhône", kind: "mutuelle" },
  { name: "Assurances Vautrin", kind: "assureur" },
  { name: "Prévoyance Atlantique", kind: "institution-de-prevoyance" },
  { name: "Mutuelle Familiale de l'Est", kind: "mutuelle" },
  { name: "Groupe Solvéa", kind: "assureur" },
  { name: "Mutuelle Verte", kind: "mutuelle" },
  { name: "Alliance Santé Provence", kind: "mutuelle" },
];
const FORMULA_NAMES = ["Essentiel", "Équilibre", "Confort", "Sérénité", "Intégral"];
const AGE_BANDS: readonly [number, number, number][] = [
  // [minAge, maxAge, premium factor relative to a 36–45 year old]
  [0, 17, 0.45],
  [18, 25, 0.6],
  [26, 35, 0.8],
  [36, 45, 1],
  [46, 55, 1.25],
  [56, 65, 1.6],
  [66, 75, 2.0],
  [76, 120, 2.4],
];
const HIGH_COST_DEPARTMENTS = ["75", "92", "93", "94", "06", "13"];
const LENS_FACTORS: Record<LensPair, number> = {
  "simple-simple": 0.5,
  "simple-complex": 0.7,
  "complex-complex": 0.85,
  "simple-very-complex": 0.75,
  "complex-very-complex": 0.9,
  "very-complex-very-complex": 1,
};
/** R871-2 optics ceilings in euros, as in force now (the newest figure of the reference table). */
const OPTICS_CEILINGS = Object.fromEntries(
  LENS_PAIRS.map((pair) => [pair, REFERENCE.optics.responsableCeilings[pair].at(-1)!.value / 100]),
) as Record<LensPair, number>;

const money = (euros: number) => euros.toFixed(2);

function plainTerms(terms: Partial<Guarantee>): Guarantee {
  return { basis: "secu-included", fraisReels: false, waitingMonths: 0, ...terms };
}

export interface SyntheticCatalogueOptions {
  count: number;
  seed?: number;
}

export function generateSyntheticOffers({ count, seed = 42 }: SyntheticCatalogueOptions): Offer[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + random() * (max - min);
  const roundTo = (value: number, step: number) => Math.round(value / step) * step;

  const offers: Offer[] = [];
  for (let index = 0; index < count; index += 1) {
    const level = 1 + Math.floor(random() * 5);
    const responsable = random() < 0.9;
    const insurer = pick(INSURERS);
    const hasNetwork = random() < 0.4;
    const step = level - 1; // 0…4

    const doctorRate = [100, 150, 200, 250, 300][step]! + pick([0, 0, 25]);
    // R871-2: non-OPTAM dépassements ≤ 100 % BR and ≥ 20 points below OPTAM's.
    const nonOptamRate = responsable ? Math.min(200, Math.max(100, doctorRate - 20)) : doctorRate;
    const waiting = random() < 0.3 ? pick([3, 6]) : 0;
    const glassesLevel = [150, 250, 350, 450, 550][step]! * between(0.85, 1.15);
    // A responsable offer stays within the legal ceiling of each lens pair.
    const glassesAmount = (pair: LensPair, amount: number) => money(responsable ? Math.min(amount, OPTICS_CEILINGS[pair]) : amount);
    const glassesAmounts = Object.fromEntries(
      (Object.keys(LENS_FACTORS) as LensPair[]).map((pair) => [pair, glassesAmount(pair, roundTo(glassesLevel * (0.6 + LENS_FACTORS[pair]), 10))]),
    ) as Record<LensPair, string>;

    const guarantees: Record<GuaranteeCategory, Guarantee> = {
      "doctor-gp": plainTerms({ percentBr: doctorRate, percentBrNonOptam: nonOptamRate }),
      "doctor-specialist": plainTerms({ percentBr: doctorRate, percentBrNonOptam: nonOptamRate }),
      "lab-imaging": plainTerms({ percentBr: [100, 100, 125, 150, 200][step]! }),
      pharmacy: plainTerms({ percentBr: 100 }),
      "hospital-daily-charge": plainTerms({ fraisReels: true }),
      "private-room":
        step === 0 ? plainTerms({}) : plainTerms({ forfait: { amount: money([0, 30, 50, 70, 90][step]!), per: "day", includesSecu: false } }),
      "surgeon-fees": plainTerms({ percentBr: doctorRate, percentBrNonOptam: nonOptamRate }),
      "heavy-act-charge": plainTerms({ fraisReels: true }),
      glasses: plainTerms({
        glassesAmounts,
        frameMax: money(responsable ? pick([60, 80, 100]) : pick([100, 150])),
        waitingMonths: waiting,
      }),
      "contact-lenses":
        step === 0 ? plainTerms({ percentBr: 100 }) : plainTerms({ forfait: { amount: money([0, 50, 100, 150, 200][step]!), per: "year", includesSecu: false } }),
      "dental-care": plainTerms({ percentBr: [100, 100, 125, 150, 200][step]! }),
      "dental-prosthesis": plainTerms({ percentBr: [100, 150, 225, 300, 400][step]! + pick([0, 25]), waitingMonths: waiting }),
      orthodontics: plainTerms({ percentBr: [100, 150, 200, 300, 400][step]!, waitingMonths: waiting }),
      "hearing-aids": plainTerms({
        ...(step === 0
          ? { percentBr: 100 }
          : { forfait: { amount: money(responsable ? [0, 500, 900, 1300, 1700][step]! : [0, 600, 1100, 1600, 2200][step]!), per: "equipment" as const, includesSecu: true } }),
        waitingMonths: waiting,
      }),
      "alternative-medicine":
        step === 0 ? plainTerms({}) : plainTerms({ forfait: { amount: money([0, 20, 30, 40, 50][step]!), per: "act", includesSecu: false } }),
      // Derived from the level only (no draw), so the offers above stay what they were.
      psychologist:
        step === 0
          ? plainTerms({ percentBr: 100 })
          : plainTerms({
              percentBr: 100,
              forfait: { amount: money([0, 20, 30, 40, 50][step]!), per: "act", includesSecu: false, maxPerYear: [0, 4, 4, 6, 8][step]! },
            }),
      paramedical: plainTerms({ percentBr: [100, 100, 125, 150, 200][step]! }),
      "dental-implants":
        step < 2
          ? plainTerms({})
          : plainTerms({ forfait: { amount: money([0, 0, 300, 500, 800][step]!), per: "equipment", includesSecu: false, maxPerYear: [0, 0, 1, 2, 2][step]! } }),
    };

    if (hasNetwork) {
      // Better terms in network on glasses: the same amounts plus a bonus, within the legal ceilings.
      const bonus = pick([20, 40, 60]);
      guarantees.glasses.inNetwork = {
        basis: "secu-included",
        fraisReels: false,
        glassesAmounts: Object.fromEntries(
          (Object.keys(glassesAmounts) as LensPair[]).map((pair) => [pair, glassesAmount(pair, Number(glassesAmounts[pair]) + bonus)]),
        ) as Record<LensPair, string>,
        frameMax: guarantees.glasses.frameMax,
      };
    }

    const ceilings: Ceiling[] = [];
    if (random() < 0.5) {
      const amount = roundTo([400, 800, 1200, 1800, 2500][step]! * between(0.8, 1.2), 50);
      ceilings.push({
        id: "dentaire",
        categories: ["dental-prosthesis", "orthodontics"],
        amount: money(amount),
        period: random() < 0.7 ? "calendar" : "membership",
        ...(random() < 0.3 ? { firstYearAmount: money(roundTo(amount / 2, 50)) } : {}),
      });
    }
    if (step > 0) {
      ceilings.push({ id: "medecines-douces", categories: ["alternative-medicine"], amount: money([0, 80, 120, 160, 250][step]!), period: "calendar" });
    }

    const base = [28, 42, 58, 76, 98][step]! * between(0.85, 1.15) * (responsable ? 1 : 1.1);
    const bands: PremiumBand[] = AGE_BANDS.map(([minAge, maxAge, factor]) => ({
      minAge,
      maxAge,
      monthly: money(Math.round(base * factor * 100) / 100),
    }));
    if (random() < 0.4) bands.push({ minAge: 0, maxAge: 25, monthly: money(0), childRankFrom: 3 });
    if (random() < 0.3) {
      for (const [minAge, maxAge, factor] of AGE_BANDS) {
        bands.push({ minAge, maxAge, monthly: money(Math.round(base * factor * 112) / 100), departments: HIGH_COST_DEPARTMENTS });
      }
    }

    offers.push({
      id: `synthetique-${String(index + 1).padStart(5, "0")}`,
      insurer: { name: insurer.name, kind: insurer.kind },
      formula: `${FORMULA_NAMES[step]} ${1 + Math.floor(random() * 3)}`,
      level,
      responsable,
      network: hasNetwork
        ? {
            name: pick(NETWORKS),
            lensesDiscountPercent: pick([30, 35, 40]),
            frameDiscountPercent: pick([15, 20]),
            dentalDiscountPercent: pick([5, 10, 15]),
            hearingDiscountPercent: pick([10, 15, 20]),
          }
        : null,
      premiums: { bands },
      guarantees,
      ceilings,
    });
  }
  return offers;
}

export function generateSyntheticCatalogue(options: SyntheticCatalogueOptions): Catalogue {
  return { formatVersion: CATALOGUE_FORMAT_VERSION, offers: generateSyntheticOffers(options) };
}
