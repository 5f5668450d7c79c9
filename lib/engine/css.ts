import { GUARANTEE_CATEGORIES, SECTOR_CATEGORIES, type CareCategory, type GuaranteeCategory } from "../schemas/care-category";
import { offerSchema, type Guarantee, type Offer } from "../schemas/offer";
import type { CareLine, Profile } from "../schemas/profile";
import { dayNumber } from "./dates";
import { applyRate, centsToMoney, moneyToCents } from "./money";
import { quoteOffers, type QuoteOptions } from "./quote";
import { CSS_REFERENCE, type CssCeilings } from "./reference/css-fr";
import { REFERENCE } from "./reference/secu-fr";
import { valueAt } from "./reference/timeline";
import type { MoneyString, OfferQuote } from "./types";

/**
 * The Complémentaire santé solidaire as an option beside the insurers' offers
 * (DOMAIN.md §8): who may have it (household resources under the ceilings of the
 * period), what it costs (a monthly participation by age, or nothing), and what it would
 * leave to pay for the profile. The reste à charge goes through the same engine as any
 * offer: the CSS is written as an Offer (the ticket modérateur and the forfait
 * journalier paid, 100 % Santé baskets free) and the profile as a CSS beneficiary lives
 * it (no dépassement billed, no participation forfaitaire nor franchise; see cssProfile).
 */

export type CssStatus = "free" | "participation" | "above";

export interface CssEligibility {
  status: CssStatus;
  /** Persons of the household: the beneficiaries of the profile. */
  persons: number;
  resources: MoneyString;
  freeCeiling: MoneyString;
  participationCeiling: MoneyString;
  /** The period whose ceilings were used. */
  period: { from: string; to: string; source: string };
  /** False when the comparison starts after the last period the table holds: its figures are the last known. */
  periodConfirmed: boolean;
  /** An overseas department (97x): its ceilings are higher than the mainland ones used here. */
  overseas: boolean;
}

/** The ceilings in force on the start date, or the last known ones after the table's end. */
export function cssCeilingsOn(startDate: string): { ceilings: CssCeilings; confirmed: boolean } {
  const day = dayNumber(startDate);
  const periods: readonly CssCeilings[] = CSS_REFERENCE.ceilings;
  const inForce = periods.find((period) => dayNumber(period.from) <= day && day <= dayNumber(period.to));
  if (inForce) return { ceilings: inForce, confirmed: true };
  const last = periods[periods.length - 1]!;
  // Before the first period: the oldest one (comparisons start from 2026 on, so this does not happen).
  return day < dayNumber(periods[0]!.from) ? { ceilings: periods[0]!, confirmed: false } : { ceilings: last, confirmed: false };
}

/** A ceiling for a household of `persons` (1 to 4 from the table, then per extra person). */
function ceilingFor(byPersons: readonly [number, number, number, number], perExtra: number, persons: number): number {
  return persons <= 4 ? byPersons[persons - 1]! : byPersons[3] + (persons - 4) * perExtra;
}

/**
 * Resources at or under a ceiling qualify ("ne pas dépasser le plafond"); one cent above
 * does not. Mainland ceilings only: an overseas department is flagged, not computed.
 */
export function cssEligibility(resources: MoneyString, persons: number, startDate: string, department = ""): CssEligibility {
  const { ceilings, confirmed } = cssCeilingsOn(startDate);
  const free = ceilingFor(ceilings.free, ceilings.freePerExtraPerson, persons);
  const participation = ceilingFor(ceilings.withParticipation, ceilings.withParticipationPerExtraPerson, persons);
  const cents = moneyToCents(resources);
  return {
    status: cents <= free ? "free" : cents <= participation ? "participation" : "above",
    persons,
    resources: centsToMoney(cents),
    freeCeiling: centsToMoney(free),
    participationCeiling: centsToMoney(participation),
    period: { from: ceilings.from, to: ceilings.to, source: ceilings.source },
    periodConfirmed: confirmed,
    overseas: department.startsWith("97"),
  };
}

/** Above the ceilings, by at most this share of the participation ceiling: worth a word, as resources move. */
export const JUST_ABOVE_SHARE_BP = 1000;

/** Resources above the participation ceiling by at most JUST_ABOVE_SHARE_BP of it. */
export function isJustAboveCeiling(eligibility: CssEligibility): boolean {
  const resources = moneyToCents(eligibility.resources);
  const ceiling = moneyToCents(eligibility.participationCeiling);
  return resources > ceiling && resources <= ceiling + applyRate(ceiling, JUST_ABOVE_SHARE_BP);
}

/** Monthly participation of one person, in cents, by age and regime. */
export function monthlyParticipation(age: number, regime: "general" | "alsace-moselle"): number {
  const band = CSS_REFERENCE.participationByAge.find((candidate) => age <= candidate.maxAge)!;
  return regime === "alsace-moselle" ? band.alsaceMoselle : band.general;
}

/**
 * The CSS's terms as an Offer: every line pays the ticket modérateur (100 % BR, as the
 * CSS does), the forfait journalier and the flat charge on heavy acts in full; nothing for
 * what the Sécu does not reimburse (private room, alternative medicine, implants,
 * psychologists outside Mon soutien psy). `responsable` gives the 100 % Santé baskets in
 * full. The premium is left at zero: the participation is by age and regime
 * (monthlyParticipation), which premium bands do not express.
 */
export function cssOffer(): Offer {
  const nothing: GuaranteeCategory[] = ["private-room", "alternative-medicine", "dental-implants"];
  const inFull: GuaranteeCategory[] = ["hospital-daily-charge", "heavy-act-charge"];
  const guarantees = Object.fromEntries(
    GUARANTEE_CATEGORIES.map((category): [GuaranteeCategory, Partial<Guarantee>] => [
      category,
      nothing.includes(category) ? {} : inFull.includes(category) ? { fraisReels: true } : { percentBr: 100 },
    ]),
  );
  return offerSchema.parse({
    id: "complementaire-sante-solidaire",
    insurer: { name: "Assurance Maladie" },
    formula: "Complémentaire santé solidaire",
    level: 1,
    responsable: true,
    network: null,
    premiums: { bands: [{ minAge: 0, maxAge: 120, monthly: "0.00" }] },
    guarantees,
    ceilings: [],
  });
}

/** The Sécu reimburses orthodontics started before 16 (compile-profile.ts prices it so). */
const ORTHODONTICS_REIMBURSED_BEFORE_AGE = 16;

/** Free-price equipment the CSS beneficiary is taken to choose in the 100 % Santé basket instead. */
const BASKET_OF: Partial<Record<CareCategory, CareCategory>> = {
  "glasses-class-b": "glasses-100-sante",
  "crown-free-price": "crown-100-sante",
  "hearing-aid-class-2": "hearing-aid-class-1",
};

/** What the modelling changed in a profile, for the page to say. */
export interface CssSubstitutions {
  /** Doctors' and children's orthodontics lines billed at the Sécu tariff instead of with a dépassement. */
  atTariff: number;
  /** Free-price glasses, crowns, hearing aids taken in the 100 % Santé basket. */
  inBasket: number;
}

/**
 * The profile as a CSS beneficiary lives it:
 * - doctors may not bill a dépassement (L162-5-13 CSS): a doctor's line is billed at the
 *   sector 1 tariff, its BR (a sector 3 doctor is taken to be a conventioned one);
 * - a child's orthodontics (started before 16, the only one the Sécu reimburses) is
 *   billed within the CSS's price limits, which the CSS pays: billed here at the BR, so
 *   nothing is left to pay, as under the CSS (the split between Sécu and CSS is then not
 *   the real one; the card shows only what is left to pay);
 * - no participation forfaitaire nor franchise (L160-13 CSS): every beneficiary exempt;
 * - free-price glasses, crowns and hearing aids are taken in the 100 % Santé basket, free
 *   under the CSS (the person can choose so; outside it the CSS pays little beyond the
 *   ticket modérateur, so the figure is a lower bound for one who does not);
 * - no network (the CSS has none).
 */
export function cssProfile(profile: Profile): { profile: Profile; substitutions: CssSubstitutions } {
  const substitutions: CssSubstitutions = { atTariff: 0, inBasket: 0 };
  const orthodonticsBr = centsToMoney(valueAt(REFERENCE.dental.orthodonticsBrPerSemester, dayNumber(profile.startDate)));
  const asCss = (line: CareLine, age: number): CareLine => {
    const basket = BASKET_OF[line.category];
    if (basket) {
      substitutions.inBasket += 1;
      return { category: basket, perYear: line.perYear, inNetwork: false, ...(line.label ? { label: line.label } : {}) };
    }
    if (SECTOR_CATEGORIES.includes(line.category)) {
      const billedAbove = line.sector !== undefined && line.sector !== "1";
      if (billedAbove || (line.price !== undefined && line.br === undefined)) substitutions.atTariff += 1;
      // Surgeons' fees carry their own BR; a consultation's is the table's sector 1 tariff.
      const { price: _price, sector: _sector, ...rest } = line;
      return { ...rest, sector: "1", ...(line.br !== undefined ? { price: line.br } : {}), inNetwork: false };
    }
    if (line.category === "orthodontics" && age < ORTHODONTICS_REIMBURSED_BEFORE_AGE) {
      substitutions.atTariff += 1;
      return { ...line, price: orthodonticsBr, inNetwork: false };
    }
    return { ...line, inNetwork: false };
  };
  return {
    profile: {
      ...profile,
      beneficiaries: profile.beneficiaries.map((beneficiary) => ({
        ...beneficiary,
        exemptFromParticipation: true,
        care: beneficiary.care.map((line) => asCss(line, beneficiary.age)),
      })),
    },
    substitutions,
  };
}

/** One person's participation. */
export interface CssParticipation {
  label: string;
  age: number;
  monthly: MoneyString;
}

export interface CssOption extends CssEligibility {
  status: "free" | "participation";
  participations: CssParticipation[];
  monthlyParticipation: MoneyString;
  annualParticipation: MoneyString;
  /** The year as entered, under the CSS. */
  scenarioRac: MoneyString;
  expectedRac: MoneyString;
  badYearRac: MoneyString;
  /** annualParticipation + expectedRac. */
  totalCost: MoneyString;
  substitutions: CssSubstitutions;
}

export type CssResult = CssOption | (CssEligibility & { status: "above" });

/** The option's figures, from the eligibility and the engine's quote of cssOffer() for cssProfile(profile). */
export function cssOptionOf(
  profile: Profile,
  eligibility: CssEligibility & { status: "free" | "participation" },
  quote: OfferQuote,
  substitutions: CssSubstitutions,
): CssOption {
  const participations = profile.beneficiaries.map((beneficiary) => ({
    label: beneficiary.label,
    age: beneficiary.age,
    cents: eligibility.status === "free" ? 0 : monthlyParticipation(beneficiary.age, beneficiary.regime),
  }));
  const monthly = participations.reduce((sum, person) => sum + person.cents, 0);
  const expected = moneyToCents(quote.expectedRac ?? quote.scenario.rac);
  return {
    ...eligibility,
    participations: participations.map(({ label, age, cents }) => ({ label, age, monthly: centsToMoney(cents) })),
    monthlyParticipation: centsToMoney(monthly),
    annualParticipation: centsToMoney(12 * monthly),
    scenarioRac: quote.scenario.rac,
    expectedRac: centsToMoney(expected),
    badYearRac: quote.badYearRac ?? quote.scenario.rac,
    totalCost: centsToMoney(12 * monthly + expected),
    substitutions,
  };
}

/** What to quote for the CSS: nothing above the ceilings, else the CSS offer for the profile as a CSS beneficiary lives it. */
export type CssPlan =
  | { eligibility: CssEligibility & { status: "above" } }
  | { eligibility: CssEligibility & { status: "free" | "participation" }; offer: Offer; profile: Profile; substitutions: CssSubstitutions };

export function planCss(profile: Profile, resources: MoneyString): CssPlan {
  const eligibility = cssEligibility(resources, profile.beneficiaries.length, profile.startDate, profile.department);
  if (eligibility.status === "above") return { eligibility: { ...eligibility, status: "above" } };
  const { profile: asCss, substitutions } = cssProfile(profile);
  return { eligibility: { ...eligibility, status: eligibility.status }, offer: cssOffer(), profile: asCss, substitutions };
}

/** Eligibility, then (when eligible) the CSS quoted by the engine for the profile, in this thread. */
export function quoteCss(profile: Profile, resources: MoneyString, options: QuoteOptions = {}): CssResult {
  const plan = planCss(profile, resources);
  if (!("offer" in plan)) return plan.eligibility;
  const quote = quoteOffers([plan.offer], plan.profile, { ...options, breakdown: false }).offers[0]!;
  return cssOptionOf(profile, plan.eligibility, quote, plan.substitutions);
}
