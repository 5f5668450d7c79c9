import { REFERENCE } from "../lib/engine/reference/secu-fr";
import { LENS_PAIRS, type GuaranteeCategory, type LensPair, type NetworkName } from "../lib/schemas/care-category";
import { CATALOGUE_FORMAT_VERSION, catalogueSchema, type Catalogue, type CatalogueInput, type OfferInput, type PremiumBand } from "../lib/schemas/offer";

/**
 * The demo catalogue: ILLUSTRATIVE data. Every insurer below is invented (names and
 * registration numbers), and is stored with `illustrative = true` so the site says so.
 * The guarantees follow the shape of real 2026 contracts: levels 1 (Essentiel: the
 * contrat responsable floor, ticket modérateur) to 5 (300–400 % BR, the R871-2 optics
 * and hearing ceilings), euro forfaits for optics, dental, hearing and alternative
 * medicine, annual ceilings, waiting periods, care networks, two non-responsable
 * contracts. Premiums rise with age and level (≈ 20–35 €/month at 25 for level 1,
 * ≈ 130–250 €/month at 70 for levels 4–5). Built deterministically, no randomness.
 */

export interface DemoInsurer {
  name: string;
  kind: "mutuelle" | "assureur" | "institution-de-prevoyance";
  registrationNumber: string;
}

type FormulaStyle = readonly [string, string, string, string, string];
const STYLES = {
  classic: ["Essentiel", "Équilibre", "Confort", "Sérénité", "Excellence"],
  numbered: ["Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Niveau 5"],
  metals: ["Bronze", "Argent", "Or", "Platine", "Diamant"],
  modern: ["Éco", "Start", "Plus", "Premium", "Premium+"],
} satisfies Record<string, FormulaStyle>;

interface InsurerPlan {
  insurer: DemoInsurer;
  slug: string;
  style: FormulaStyle;
  levels: readonly (1 | 2 | 3 | 4 | 5)[];
  /** Premium level of the insurer relative to the market (1 = average). */
  priceFactor: number;
  network?: { name: NetworkName; lenses: number; frame: number; dental: number; hearing: number };
  /** Délais de carence, in months, by guarantee line. */
  waiting?: Partial<Record<GuaranteeCategory, number>>;
  /** Shared dental ceiling (prostheses + orthodontics), per level, and its year. */
  dentalCeiling?: { amounts: readonly [number, number, number, number, number]; period: "calendar" | "membership"; halfFirstYear: boolean };
  /** Doctors' fees written "TM + x % BR" instead of "x % BR Sécu included". */
  tmPlusDoctors?: boolean;
  /** Dental prostheses written "x % BR hors Sécu". */
  dentalHorsSecu?: boolean;
  /** Monthly surcharge (in %) in Île-de-France departments. */
  ileDeFranceSurcharge?: number;
  /** Free from this child rank on. */
  freeChildFrom?: number;
  /** A non-responsable top formula, named. */
  nonResponsable?: string;
}

const illustrative = (number: number) => `DEMO-${String(number).padStart(6, "0")} (fictif)`;

const PLANS: readonly InsurerPlan[] = [
  {
    insurer: { name: "Mutuelle des Hortensias", kind: "mutuelle", registrationNumber: illustrative(101) },
    slug: "hortensias",
    style: STYLES.classic,
    levels: [1, 2, 3, 4],
    priceFactor: 0.95,
    network: { name: "santeclair", lenses: 40, frame: 20, dental: 10, hearing: 15 },
  },
  {
    insurer: { name: "Mutuelle Solidaire du Val de Loire", kind: "mutuelle", registrationNumber: illustrative(102) },
    slug: "val-de-loire",
    style: STYLES.classic,
    levels: [1, 2, 3, 4, 5],
    priceFactor: 1.0,
    dentalCeiling: { amounts: [400, 800, 1200, 1800, 2500], period: "calendar", halfFirstYear: false },
  },
  {
    insurer: { name: "Assurances Beaumarchais Santé", kind: "assureur", registrationNumber: illustrative(103) },
    slug: "beaumarchais",
    style: STYLES.metals,
    levels: [2, 3, 4, 5],
    priceFactor: 1.12,
    network: { name: "itelis", lenses: 35, frame: 20, dental: 15, hearing: 20 },
    ileDeFranceSurcharge: 12,
  },
  {
    insurer: { name: "Prévoyance des Métiers d'Art", kind: "institution-de-prevoyance", registrationNumber: illustrative(104) },
    slug: "metiers-d-art",
    style: STYLES.numbered,
    levels: [1, 3, 5],
    priceFactor: 0.9,
    tmPlusDoctors: true,
  },
  {
    insurer: { name: "Mutuelle Cévenole", kind: "mutuelle", registrationNumber: illustrative(105) },
    slug: "cevenole",
    style: STYLES.classic,
    levels: [1, 2, 3],
    priceFactor: 0.88,
    freeChildFrom: 3,
  },
  {
    insurer: { name: "Groupe Ardoise Assurances", kind: "assureur", registrationNumber: illustrative(106) },
    slug: "ardoise",
    style: STYLES.modern,
    levels: [2, 3, 4, 5],
    priceFactor: 1.05,
    network: { name: "carte-blanche", lenses: 40, frame: 15, dental: 10, hearing: 10 },
    dentalHorsSecu: true,
    nonResponsable: "Liberté Intégrale",
  },
  {
    insurer: { name: "Mutuelle Pyrène", kind: "mutuelle", registrationNumber: illustrative(107) },
    slug: "pyrene",
    style: STYLES.numbered,
    levels: [1, 2, 3, 4],
    priceFactor: 0.93,
    waiting: { "dental-prosthesis": 3, "hearing-aids": 3 },
    dentalCeiling: { amounts: [300, 600, 1000, 1500, 2000], period: "membership", halfFirstYear: true },
  },
  {
    insurer: { name: "Caisse Mutualiste du Littoral", kind: "mutuelle", registrationNumber: illustrative(108) },
    slug: "littoral",
    style: STYLES.classic,
    levels: [1, 2, 3, 4, 5],
    priceFactor: 1.02,
    network: { name: "kalixia", lenses: 35, frame: 20, dental: 10, hearing: 15 },
  },
  {
    insurer: { name: "Alizé Santé", kind: "assureur", registrationNumber: illustrative(109) },
    slug: "alize",
    style: STYLES.modern,
    levels: [1, 2, 3, 4],
    priceFactor: 0.89,
    // Online insurer: cheaper, with waiting periods on the costly lines.
    waiting: { glasses: 3, "dental-prosthesis": 6, orthodontics: 6, "hearing-aids": 6 },
  },
  {
    insurer: { name: "Institution Colbert Prévoyance", kind: "institution-de-prevoyance", registrationNumber: illustrative(110) },
    slug: "colbert",
    style: STYLES.metals,
    levels: [2, 3, 4],
    priceFactor: 1.0,
    dentalCeiling: { amounts: [500, 900, 1400, 2000, 2800], period: "calendar", halfFirstYear: false },
  },
  {
    insurer: { name: "Mutuelle des Trois Vallées", kind: "mutuelle", registrationNumber: illustrative(111) },
    slug: "trois-vallees",
    style: STYLES.classic,
    levels: [1, 2, 3, 4],
    priceFactor: 0.97,
    network: { name: "seveane", lenses: 30, frame: 15, dental: 5, hearing: 10 },
    waiting: { orthodontics: 3 },
  },
  {
    insurer: { name: "Orion Assurances", kind: "assureur", registrationNumber: illustrative(112) },
    slug: "orion",
    style: STYLES.metals,
    levels: [3, 4, 5],
    priceFactor: 1.15,
    ileDeFranceSurcharge: 10,
    nonResponsable: "Hors Cadre",
  },
  {
    insurer: { name: "Mutuelle Familiale du Haut-Jura", kind: "mutuelle", registrationNumber: illustrative(113) },
    slug: "haut-jura",
    style: STYLES.classic,
    levels: [1, 2, 3, 4],
    priceFactor: 0.94,
    network: { name: "santeclair", lenses: 40, frame: 20, dental: 10, hearing: 15 },
    freeChildFrom: 3,
  },
];

export const DEMO_INSURERS: readonly DemoInsurer[] = PLANS.map((plan) => plan.insurer);

// Guarantees by level, index 0 = level 1. Doctors: OPTAM rate; non-OPTAM follows R871-2
// CSS (≤ 200 % BR in total and 20 points below OPTAM).
const DOCTOR = [100, 150, 200, 250, 300] as const;
const SURGEON = [100, 150, 200, 300, 400] as const;
const LAB = [100, 100, 125, 150, 200] as const;
const PRIVATE_ROOM = [0, 30, 50, 70, 90] as const;
const CONTACT_LENSES = [0, 50, 100, 150, 200] as const;
const DENTAL_CARE = [100, 100, 125, 150, 200] as const;
const PROSTHESIS = [125, 175, 250, 300, 400] as const;
const ORTHODONTICS = [100, 150, 200, 300, 350] as const;
const HEARING = [0, 400, 800, 1200, 1700] as const;
const ALTERNATIVE = [0, 20, 30, 40, 50] as const;
const ALTERNATIVE_CEILING = [0, 60, 120, 160, 250] as const;
const FRAME = [50, 70, 100, 100, 100] as const;
// Psychologist: "forfait psychologue n séances × x € par an" (paid on top of Mon soutien
// psy's ticket modérateur, which every contrat responsable pays, and on sessions outside it).
const PSYCHOLOGIST_SESSION = [0, 20, 30, 40, 60] as const;
const PSYCHOLOGIST_SESSIONS = [0, 3, 4, 6, 8] as const;
// Paramedical acts (kiné, nurse, speech therapist, orthoptist): % BR, Sécu included.
const PARAMEDICAL = [100, 100, 125, 150, 200] as const;
// Dental implants (no Sécu reimbursement): "n € par implant, k par an".
const IMPLANT = [0, 0, 300, 500, 800] as const;
const IMPLANTS_PER_YEAR = [0, 0, 1, 2, 2] as const;
// Glasses, Sécu included, per lens pair; level 1 is the R871-2 floor, level 5 its ceiling.
const GLASSES: Record<LensPair, readonly [number, number, number, number, number]> = {
  "simple-simple": [100, 200, 300, 380, 420],
  "simple-complex": [150, 300, 400, 500, 560],
  "complex-complex": [200, 350, 500, 620, 700],
  "simple-very-complex": [150, 300, 450, 550, 610],
  "complex-very-complex": [200, 350, 550, 680, 750],
  "very-complex-very-complex": [200, 400, 600, 720, 800],
};
/** The R871-2 ceiling in force, in euros, as the engine's reference table holds it. */
const responsableOpticsCeiling = (pair: LensPair) => REFERENCE.optics.responsableCeilings[pair].at(-1)!.value / 100;

// Monthly premium of a 36–45 year old by level, and the age curve (typical of individual contracts).
const BASE_PREMIUM = [33, 47, 63, 82, 103] as const;
const AGE_CURVE: readonly [number, number, number][] = [
  [0, 17, 0.45],
  [18, 25, 0.72],
  [26, 35, 0.85],
  [36, 45, 1],
  [46, 55, 1.22],
  [56, 60, 1.45],
  [61, 65, 1.62],
  [66, 70, 1.85],
  [71, 75, 2.05],
  [76, 120, 2.25],
];
const ILE_DE_FRANCE = ["75", "77", "78", "91", "92", "93", "94", "95"];

const money = (euros: number) => euros.toFixed(2);
const cents = (euros: number) => Math.round(euros * 100) / 100;

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\+/g, "-plus")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function glassesAmounts(step: number, bonus = 0, cap = true): Record<LensPair, string> {
  return Object.fromEntries(
    LENS_PAIRS.map((pair) => {
      const amount = GLASSES[pair][step]! + bonus;
      return [pair, money(cap ? Math.min(amount, responsableOpticsCeiling(pair)) : amount)];
    }),
  ) as Record<LensPair, string>;
}

function doctorTerms(plan: InsurerPlan, total: number, nonOptamTotal: number) {
  // "TM + x % BR": the ticket modérateur (100 % BR with the Sécu share) plus x points.
  if (plan.tmPlusDoctors && total > 100) {
    return { percentBr: total - 100, percentBrNonOptam: nonOptamTotal - 100, basis: "tm-plus" as const };
  }
  return { percentBr: total, percentBrNonOptam: nonOptamTotal };
}

function responsableOffer(plan: InsurerPlan, level: 1 | 2 | 3 | 4 | 5): OfferInput {
  const step = level - 1;
  const waiting = (category: GuaranteeCategory) => ({ waitingMonths: plan.waiting?.[category] ?? 0 });
  const nonOptam = (total: number) => Math.min(200, Math.max(100, total - 20));
  const doctor = doctorTerms(plan, DOCTOR[step]!, nonOptam(DOCTOR[step]!));
  const prosthesisTotal = PROSTHESIS[step]! + (plan.network ? 0 : 25);

  const guarantees: Record<GuaranteeCategory, OfferInput["guarantees"][GuaranteeCategory]> = {
    "doctor-gp": doctor,
    "doctor-specialist": doctor,
    "lab-imaging": { percentBr: LAB[step]! },
    pharmacy: { percentBr: 100 },
    // R871-2 CSS: the forfait journalier is covered in full, without time limit.
    "hospital-daily-charge": { fraisReels: true },
    "private-room": PRIVATE_ROOM[step] ? { forfait: { amount: money(PRIVATE_ROOM[step]!), per: "day" } } : {},
    "surgeon-fees": doctorTerms(plan, SURGEON[step]!, nonOptam(SURGEON[step]!)),
    "heavy-act-charge": { fraisReels: true },
    glasses: { glassesAmounts: glassesAmounts(step), frameMax: money(FRAME[step]!), ...waiting("glasses") },
    "contact-lenses": CONTACT_LENSES[step] ? { forfait: { amount: money(CONTACT_LENSES[step]!), per: "year" } } : { percentBr: 100 },
    "dental-care": { percentBr: DENTAL_CARE[step]! },
    "dental-prosthesis": plan.dentalHorsSecu
      ? { percentBr: prosthesisTotal - 60, basis: "hors-secu", ...waiting("dental-prosthesis") }
      : { percentBr: prosthesisTotal, ...waiting("dental-prosthesis") },
    orthodontics: { percentBr: ORTHODONTICS[step]!, ...waiting("orthodontics") },
    "hearing-aids": HEARING[step]
      ? { forfait: { amount: money(HEARING[step]!), per: "equipment", includesSecu: true }, ...waiting("hearing-aids") }
      : { percentBr: 100, ...waiting("hearing-aids") },
    "alternative-medicine": ALTERNATIVE[step] ? { forfait: { amount: money(ALTERNATIVE[step]!), per: "act" } } : {},
    // 100 % BR: Mon soutien psy's ticket modérateur (R871-2); the forfait pays sessions outside it.
    psychologist: PSYCHOLOGIST_SESSION[step]
      ? { percentBr: 100, forfait: { amount: money(PSYCHOLOGIST_SESSION[step]!), per: "act", maxPerYear: PSYCHOLOGIST_SESSIONS[step]! } }
      : { percentBr: 100 },
    paramedical: { percentBr: PARAMEDICAL[step]! },
    "dental-implants": IMPLANT[step]
      ? { forfait: { amount: money(IMPLANT[step]!), per: "equipment", maxPerYear: IMPLANTS_PER_YEAR[step]! }, ...waiting("dental-prosthesis") }
      : {},
  };
  if (plan.network && level >= 2) {
    // Better terms at the network's partners, optics and dental only (loi Le Roux), within the legal ceilings.
    guarantees.glasses = { ...guarantees.glasses, inNetwork: { glassesAmounts: glassesAmounts(step, 40), frameMax: money(FRAME[step]!) } };
    const prosthesis = guarantees["dental-prosthesis"]!;
    guarantees["dental-prosthesis"] = { ...prosthesis, inNetwork: { percentBr: (prosthesis.percentBr ?? 0) + 50, basis: prosthesis.basis } };
  }
  return offerShell(plan, level, plan.style[step]!, true, guarantees);
}

/** A "non responsable" top formula: more than R871-2 allows on doctors, optics and hearing, and a higher premium. */
function nonResponsableOffer(plan: InsurerPlan, formula: string): OfferInput {
  const top = responsableOffer(plan, 5);
  const guarantees = {
    ...top.guarantees,
    "doctor-gp": { percentBr: 400, percentBrNonOptam: 300 },
    "doctor-specialist": { percentBr: 400, percentBrNonOptam: 300 },
    "surgeon-fees": { percentBr: 500, percentBrNonOptam: 400 },
    glasses: { glassesAmounts: glassesAmounts(4, 250, false), frameMax: money(200) },
    "hearing-aids": { forfait: { amount: money(2200), per: "equipment" as const, includesSecu: true } },
  };
  return offerShell(plan, 5, formula, false, guarantees);
}

function offerShell(
  plan: InsurerPlan,
  level: 1 | 2 | 3 | 4 | 5,
  formula: string,
  responsable: boolean,
  guarantees: OfferInput["guarantees"],
): OfferInput {
  const step = level - 1;
  // Non-responsable contracts bear the 20,27 % tax on insurance contracts instead of 13,27 % (art. 991 CGI).
  const base = BASE_PREMIUM[step]! * plan.priceFactor * (responsable ? 1 : 1.1);
  const bands: PremiumBand[] = AGE_CURVE.map(([minAge, maxAge, factor]) => ({ minAge, maxAge, monthly: money(cents(base * factor)) }));
  if (plan.ileDeFranceSurcharge) {
    for (const [minAge, maxAge, factor] of AGE_CURVE) {
      bands.push({ minAge, maxAge, monthly: money(cents(base * factor * (1 + plan.ileDeFranceSurcharge / 100))), departments: ILE_DE_FRANCE });
    }
  }
  if (plan.freeChildFrom) bands.push({ minAge: 0, maxAge: 17, monthly: money(0), childRankFrom: plan.freeChildFrom });

  const ceilings: OfferInput["ceilings"] = [];
  if (plan.dentalCeiling) {
    const amount = plan.dentalCeiling.amounts[step]!;
    ceilings.push({
      id: "dentaire",
      categories: ["dental-prosthesis", "orthodontics"],
      amount: money(amount),
      period: plan.dentalCeiling.period,
      ...(plan.dentalCeiling.halfFirstYear ? { firstYearAmount: money(amount / 2) } : {}),
    });
  }
  if (ALTERNATIVE_CEILING[step]) {
    ceilings.push({ id: "medecines-douces", categories: ["alternative-medicine"], amount: money(ALTERNATIVE_CEILING[step]!), period: "calendar" });
  }

  return {
    id: `${plan.slug}-${slugify(formula)}`,
    insurer: { name: plan.insurer.name, kind: plan.insurer.kind },
    formula,
    level,
    responsable,
    network: plan.network
      ? {
          name: plan.network.name,
          lensesDiscountPercent: plan.network.lenses,
          frameDiscountPercent: plan.network.frame,
          dentalDiscountPercent: plan.network.dental,
          hearingDiscountPercent: plan.network.hearing,
        }
      : null,
    premiums: { bands },
    guarantees,
    ceilings,
  };
}

/** The demo catalogue in the engine's format, parsed (and so validated) by catalogueSchema. */
export function buildDemoCatalogue(): Catalogue {
  const offers: OfferInput[] = [];
  for (const plan of PLANS) {
    for (const level of plan.levels) offers.push(responsableOffer(plan, level));
    if (plan.nonResponsable) offers.push(nonResponsableOffer(plan, plan.nonResponsable));
  }
  const input: CatalogueInput = { formatVersion: CATALOGUE_FORMAT_VERSION, offers };
  return catalogueSchema.parse(input);
}
