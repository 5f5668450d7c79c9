import {
  CARE_CATEGORY_LABELS,
  CONSULTATION_CATEGORIES,
  GUARANTEE_CATEGORIES,
  GUARANTEE_OF_CARE_CATEGORY,
  SECTOR_CATEGORIES,
  type CareCategory,
  type GuaranteeCategory,
  type LensPair,
  type Sector,
} from "../schemas/care-category";
import type { CareLine, Profile } from "../schemas/profile";
import { addMonths, dayNumber, firstDayOfYear, frenchDate, isoDate, yearOf } from "./dates";
import { applyRate, moneyToCents } from "./money";
import { REFERENCE } from "./reference/secu-fr";
import { changeDays, valueAt, type Timeline } from "./reference/timeline";

/**
 * Everything about an act that does not depend on the offer: the Sécu side is computed
 * once per profile, never per offer. Amounts in cents, for one act.
 */
export interface ActFacts {
  /** List price, before any network discount. */
  price: number;
  /** Glasses: the frame's part of `price`. */
  framePrice: number;
  br: number;
  /** Sécu rate in basis points (after the out-of-parcours penalty). */
  secuRate: number;
  /** What the Sécu pays before the participation forfaitaire / franchise. */
  secuGross: number;
  /** Same, had the act been inside the parcours de soins (reference for a contrat responsable). */
  secuGrossInParcours: number;
  /** Dépassement autorisé billed because the patient is outside the parcours. */
  outOfParcoursDa: number;
  outOfParcours: boolean;
  /** Sector 2 non-OPTAM or sector 3: R871-2 caps the coverage of dépassements. */
  nonOptam: boolean;
  /** 100 % Santé legal price cap, or −1. */
  priceCap: number;
  /** What a contrat responsable must pay at least. */
  floor: "tm" | "full" | "100-sante" | "none";
  /** Which R871-2 ceiling applies to a contrat responsable. */
  legalCap: "doctor" | "glasses" | "hearing-2" | "none";
  /** Glasses: R871-2 ceiling for the lens pair; hearing class II: ceiling per ear (Sécu included). */
  legalCeiling: number;
  /** Glasses: R871-2 frame ceiling. */
  legalFrameMax: number;
  /** Which network price discount can apply (never doctors: loi Le Roux). */
  network: "optics" | "dental" | "hearing" | "none";
  deductionKind: "pf" | "franchise" | "none";
  /** Participation forfaitaire or franchise for this act, before the daily and yearly caps. */
  deductionUnit: number;
  /** Most this line's acts of one day may deduct (one line is one professional); NO_DAILY_CAP if none. */
  deductionDayCap: number;
}

/** deductionDayCap of deductions without a daily cap (franchises on medicines). */
export const NO_DAILY_CAP = Number.MAX_SAFE_INTEGER;

export interface CompiledLine {
  index: number;
  beneficiaryIndex: number;
  lineIndex: number;
  category: CareCategory;
  guarantee: GuaranteeCategory;
  /** The guarantee's index in GUARANTEE_CATEGORIES (CompiledOffer.guaranteeAt: read for every offer). */
  guaranteeIndex: number;
  label: string;
  sector: Sector | null;
  mean: number;
  /** Whole acts in the scenario: the entered mean rounded half-up (0.5 pair of glasses → 1). */
  scenarioCount: number;
  inNetwork: boolean;
  lensPair: LensPair;
  /** First day of each segment of the year over which the line's figures are stable. */
  segmentStarts: number[];
  /**
   * The facts of each segment; for a line with a yearly act cap, followed by the facts of
   * the same segments for acts beyond the cap (segment index + segmentStarts.length).
   */
  segments: ActFacts[];
  /** Acts per calendar year the Sécu reimburses (Mon soutien psy: 12), or 0 for no cap. */
  yearlyActCap: number;
}

export interface CompiledBeneficiary {
  index: number;
  label: string;
  age: number;
  isChild: boolean;
  /** 1 for the eldest child, 2 for the next…; 0 for adults. */
  childRank: number;
  lineIndexes: number[];
}

export interface CeilingPeriods {
  /** Day from which acts fall in the second period of the simulated year (periodEnd if none). */
  boundary: number;
  /** Whether the first / second period is the first year (calendar or membership) of cover. */
  firstYear: [boolean, boolean];
}

export interface CompiledProfile {
  department: string;
  /** End of a waiting period of m months (index m, 0…12): the first day covered. */
  waitEndByMonths: number[];
  periodStart: number;
  /** Exclusive. */
  periodEnd: number;
  lines: CompiledLine[];
  beneficiaries: CompiledBeneficiary[];
  /** Also splits the year for the participation forfaitaire and franchise caps, yearly per calendar year. */
  calendar: CeilingPeriods;
  membership: CeilingPeriods;
  pfPerYearCap: number;
  franchisePerYearCap: number;
}

export class ProfileError extends Error {}

function allTimelines(node: unknown, out: Timeline[] = []): Timeline[] {
  if (Array.isArray(node)) {
    if (node.length > 0 && typeof node[0] === "object" && node[0] !== null && "from" in node[0]) out.push(node as Timeline);
  } else if (typeof node === "object" && node !== null) {
    for (const value of Object.values(node)) allTimelines(value, out);
  }
  return out;
}
const REFERENCE_CHANGE_DAYS = changeDays(allTimelines(REFERENCE));

/**
 * The simulated year: the first twelve months of cover when `year` is the start
 * date's year (the default), otherwise the calendar year `year` of an older contract.
 */
export function simulatedPeriod(profile: Pick<Profile, "startDate">, year?: number): { start: number; end: number } {
  const startDay = dayNumber(profile.startDate);
  const startYear = yearOf(startDay);
  const careYear = year ?? startYear;
  if (careYear < startYear) {
    throw new ProfileError(`Année de soins ${careYear} antérieure à la date d'effet ${profile.startDate}`);
  }
  const start = careYear === startYear ? startDay : firstDayOfYear(careYear);
  const period = { start, end: addMonths(start, 12) };
  const uncovered = uncoveredPeriodMessage(period);
  if (uncovered) throw new ProfileError(uncovered);
  return period;
}

/**
 * Why the reference table cannot price this period (end exclusive), in plain French, or
 * null when every day of it is covered.
 */
export function uncoveredPeriodMessage(period: { start: number; end: number }): string | null {
  const from = dayNumber(REFERENCE.coverage.from);
  const to = dayNumber(REFERENCE.coverage.to);
  if (period.start >= from && period.end - 1 <= to) return null;
  // The last start date whose twelve months end within the table.
  let latestStart = to + 1;
  while (addMonths(latestStart, 12) - 1 > to) latestStart -= 1;
  return (
    `Nos barèmes de la Sécurité sociale couvrent les soins du ${frenchDate(from)} au ${frenchDate(to)} : ` +
    `la période du ${frenchDate(period.start)} au ${frenchDate(period.end - 1)} ne peut pas être calculée. ` +
    `Choisissez une date d'effet entre le ${frenchDate(from)} et le ${frenchDate(latestStart)}.`
  );
}

/** Day of act i (0-based) out of n spread evenly over the period: the middle of its n-th slice. */
export function actDay(periodStart: number, periodDays: number, i: number, n: number): number {
  return periodStart + Math.floor(((2 * i + 1) * periodDays) / (2 * n));
}

function membershipYearIndex(startDay: number, day: number): number {
  let n = 0;
  while (addMonths(startDay, 12 * (n + 1)) <= day) n += 1;
  return n;
}

function consultationBr(category: CareCategory, age: number, referredAllowed: boolean) {
  const table = REFERENCE.consultationBr;
  switch (category) {
    case "gp":
      return table.gp;
    case "specialist":
      return table.specialist;
    // Referral and APC both go through the médecin traitant; without one, a basic consultation.
    case "specialist-referred":
      return referredAllowed ? table.specialistReferred : table.specialist;
    case "specialist-apc":
      return referredAllowed ? table.specialistApc : table.specialist;
    case "psychiatrist":
      return table.psychiatrist;
    case "pediatrician":
      return age < 2 ? table.pediatricianUnder2 : age < 6 ? table.pediatrician2To6 : table.pediatricianFrom6;
    default:
      // Gynecologists and ophthalmologists in direct access bill as referred specialists.
      return table.specialistReferred;
  }
}

/**
 * Outside the parcours de soins: no médecin traitant declared, 16 or older (before 16 the
 * parcours does not apply), and not one of the direct-access specialties (gynecology,
 * ophthalmology, psychiatry for 16–25 year olds).
 */
function isOutOfParcours(category: CareCategory, age: number, hasMedecinTraitant: boolean): boolean {
  if (hasMedecinTraitant || age < 16) return false;
  if (category === "gynecologist" || category === "ophthalmologist") return false;
  if (category === "psychiatrist" && age <= 25) return false;
  return CONSULTATION_CATEGORIES.includes(category);
}

interface BeneficiaryFacts {
  age: number;
  alsaceMoselle: boolean;
  exempt: boolean;
  hasMedecinTraitant: boolean;
}

function cents(money: string | undefined): number | undefined {
  return money === undefined ? undefined : moneyToCents(money);
}

/** `beyondYearlyCap`: the act is past the Sécu's yearly number of sessions (Mon soutien psy). */
function factsAt(line: CareLine, who: BeneficiaryFacts, day: number, beyondYearlyCap = false): ActFacts {
  const v = (timeline: Timeline) => valueAt(timeline, day);
  const ref = REFERENCE;
  const sector: Sector = line.sector ?? "1";
  const nonOptam = sector === "2-non-optam" || sector === "3";
  const pfUnit = who.exempt ? 0 : v(ref.participationForfaitaire.perAct);
  let franchiseUnit = who.exempt ? 0 : v(ref.franchise.perMedicineBox);
  const facts: ActFacts = {
    price: 0,
    framePrice: 0,
    br: 0,
    secuRate: 0,
    secuGross: 0,
    secuGrossInParcours: 0,
    outOfParcoursDa: 0,
    outOfParcours: false,
    nonOptam: false,
    priceCap: -1,
    floor: "tm",
    legalCap: "none",
    legalCeiling: 0,
    legalFrameMax: 0,
    network: "none",
    deductionKind: "none",
    deductionUnit: 0,
    deductionDayCap: NO_DAILY_CAP,
  };
  let rate = 0;
  const price = cents(line.price);
  const br = cents(line.br);

  switch (line.category) {
    case "gp":
    case "specialist":
    case "specialist-referred":
    case "specialist-apc":
    case "psychiatrist":
    case "pediatrician":
    case "gynecologist":
    case "ophthalmologist": {
      const table = consultationBr(line.category, who.age, who.hasMedecinTraitant);
      facts.br = v(sector === "3" ? table.sector3 : sector === "2-non-optam" ? table.nonOptam : table.conventioned);
      const typical =
        sector === "1"
          ? facts.br
          : sector === "2-optam"
            ? v(line.category === "gp" ? ref.typical.doctorPriceOptam : ref.typical.specialistPriceOptam)
            : v(ref.typical.specialistPriceNonOptam);
      facts.price = price ?? Math.max(facts.br, typical);
      rate = v(who.alsaceMoselle ? ref.rates.consultationAlsaceMoselle : ref.rates.consultation);
      facts.outOfParcours = isOutOfParcours(line.category, who.age, who.hasMedecinTraitant);
      facts.nonOptam = nonOptam;
      facts.legalCap = nonOptam ? "doctor" : "none";
      facts.deductionKind = "pf";
      break;
    }
    case "lab-test":
    case "imaging": {
      const typical = v(line.category === "lab-test" ? ref.typical.labTest : ref.typical.imaging);
      facts.br = br ?? price ?? typical;
      facts.price = price ?? facts.br;
      rate = v(line.category === "lab-test" ? ref.rates.lab : ref.rates.imaging);
      facts.deductionKind = "pf";
      break;
    }
    case "pharmacy-65":
    case "pharmacy-30":
    case "pharmacy-15": {
      // A medicine's price is its BR.
      facts.price = price ?? v(ref.typical.pharmacyBox);
      facts.br = facts.price;
      rate = v(
        line.category === "pharmacy-65"
          ? ref.rates.pharmacy65
          : line.category === "pharmacy-30"
            ? ref.rates.pharmacy30
            : ref.rates.pharmacy15,
      );
      // R871-2 CSS: the ticket modérateur obligation excludes medicines at 30 % and 15 %.
      facts.floor = line.category === "pharmacy-65" ? "tm" : "none";
      facts.deductionKind = "franchise";
      break;
    }
    case "hospital-day":
    case "hospital-day-psychiatry":
      // R871-2 CSS: the forfait journalier is covered in full, without time limit.
      facts.price = v(
        line.category === "hospital-day" ? ref.hospital.forfaitJournalier : ref.hospital.forfaitJournalierPsychiatry,
      );
      facts.floor = "full";
      break;
    case "heavy-act-charge":
      facts.price = v(ref.hospital.heavyActFlatCharge);
      facts.floor = "full";
      break;
    case "private-room":
      facts.price = price ?? v(ref.typical.privateRoomNight);
      facts.floor = "none";
      break;
    case "surgeon-fees": {
      facts.br = br ?? v(ref.typical.surgeonBr);
      facts.price =
        price ??
        (sector === "1"
          ? facts.br
          : Math.max(facts.br, v(sector === "2-optam" ? ref.typical.surgeonPriceOptam : ref.typical.surgeonPriceNonOptam)));
      rate = facts.br >= v(ref.heavyActThreshold) ? v(ref.rates.heavyAct) : v(ref.rates.hospital);
      facts.nonOptam = nonOptam;
      facts.legalCap = nonOptam ? "doctor" : "none";
      break;
    }
    case "glasses-100-sante":
      facts.br = v(ref.optics.classAFrameBr) + v(ref.optics.classALensesBr);
      facts.priceCap = v(ref.optics.classAFramePriceCap) + v(ref.optics.classALensesPriceCap);
      facts.price = price ?? facts.priceCap;
      rate = v(ref.rates.optics);
      facts.floor = "100-sante";
      break;
    case "glasses-class-b":
      facts.br = v(ref.optics.classBBr);
      facts.price = price ?? v(ref.typical.glassesClassB);
      facts.framePrice = cents(line.framePrice) ?? Math.min(facts.price, v(ref.typical.glassesClassBFrame));
      rate = v(ref.rates.optics);
      facts.legalCap = "glasses";
      facts.legalCeiling = v(ref.optics.responsableCeilings[line.lensPair ?? "simple-simple"]);
      facts.legalFrameMax = v(ref.optics.responsableFrameMax);
      facts.network = "optics";
      break;
    case "contact-lenses":
      // Reimbursed by the Sécu only for a few listed conditions: treated as not reimbursed.
      facts.price = price ?? v(ref.typical.contactLensesYear);
      facts.floor = "none";
      break;
    case "dental-care":
      facts.br = br ?? price ?? v(ref.typical.dentalCare);
      facts.price = price ?? facts.br;
      rate = v(ref.rates.dental);
      break;
    case "crown-100-sante":
      facts.br = v(ref.dental.crownBr);
      facts.priceCap = v(ref.dental.crown100SantePriceCap);
      facts.price = price ?? facts.priceCap;
      rate = v(ref.rates.dental);
      facts.floor = "100-sante";
      break;
    case "crown-free-price":
      facts.br = v(ref.dental.crownBr);
      facts.price = price ?? v(ref.typical.crownFreePrice);
      rate = v(ref.rates.dental);
      facts.network = "dental";
      break;
    case "orthodontics":
      // Reimbursed only for treatments before 16; after, no BR at all.
      facts.br = who.age < 16 ? v(ref.dental.orthodonticsBrPerSemester) : 0;
      facts.price = price ?? v(ref.typical.orthodonticsSemester);
      rate = who.age < 16 ? v(ref.rates.orthodonticsUnder16) : 0;
      facts.network = "dental";
      break;
    case "hearing-aid-class-1":
      facts.br = v(ref.hearing.brPerEar);
      facts.priceCap = v(ref.hearing.classIPriceCapPerEar);
      facts.price = price ?? facts.priceCap;
      rate = v(ref.rates.hearing);
      facts.floor = "100-sante";
      break;
    case "hearing-aid-class-2":
      facts.br = v(ref.hearing.brPerEar);
      facts.price = price ?? v(ref.typical.hearingClassIIPerEar);
      rate = v(ref.rates.hearing);
      facts.legalCap = "hearing-2";
      facts.legalCeiling = v(ref.hearing.classIIResponsableCeilingPerEar);
      facts.network = "hearing";
      break;
    case "alternative-medicine":
      facts.price = price ?? v(ref.typical.alternativeSession);
      facts.floor = "none";
      break;
    case "psychologist-msp":
      // A fixed price, no dépassement; past the yearly sessions the Sécu pays nothing and
      // neither does the ticket modérateur obligation.
      facts.price = v(ref.psychologist.mspSessionPrice);
      facts.br = beyondYearlyCap ? 0 : facts.price;
      rate = beyondYearlyCap ? 0 : v(ref.rates.psychologist);
      facts.floor = beyondYearlyCap ? "none" : "tm";
      break;
    case "psychologist-private":
      facts.price = price ?? v(ref.typical.psychologistPrivateSession);
      facts.floor = "none";
      break;
    case "physiotherapy":
    case "nursing":
    case "speech-therapy":
    case "orthoptics": {
      const typical =
        line.category === "physiotherapy"
          ? ref.typical.physiotherapySession
          : line.category === "nursing"
            ? ref.typical.nursingAct
            : line.category === "speech-therapy"
              ? ref.typical.speechTherapySession
              : ref.typical.orthopticsSession;
      facts.br = br ?? price ?? v(typical);
      facts.price = price ?? facts.br;
      rate = v(ref.rates.paramedical);
      // Franchise of 1 € an act, at most 4 € a day for one professional; no participation.
      facts.deductionKind = "franchise";
      franchiseUnit = who.exempt ? 0 : v(ref.franchise.perParamedicalAct);
      facts.deductionDayCap = v(ref.franchise.paramedicalPerDayCap);
      break;
    }
    case "dental-consultation":
      facts.br = v(ref.dental.consultationBr);
      facts.price = price ?? facts.br;
      rate = v(ref.rates.dental);
      break;
    case "dental-implant":
      // Not reimbursed by the Sécu: only a mutuelle forfait pays.
      facts.price = price ?? v(ref.typical.dentalImplant);
      facts.floor = "none";
      facts.network = "dental";
      break;
    case "contact-lenses-reimbursed":
      facts.br = v(ref.optics.contactLensesBrPerEyeYear);
      facts.price = price ?? v(ref.typical.contactLensesReimbursedYear);
      rate = v(ref.rates.optics);
      break;
  }

  // The Sécu never pays on more than what was billed.
  const base = Math.min(facts.br, facts.price);
  facts.secuGrossInParcours = applyRate(base, rate);
  facts.secuRate = facts.outOfParcours ? Math.max(0, rate - v(ref.rates.outOfParcoursPenalty)) : rate;
  facts.secuGross = applyRate(base, facts.secuRate);
  const isSpecialist = facts.outOfParcours && line.category !== "gp";
  if (isSpecialist && sector === "1") {
    facts.outOfParcoursDa = Math.min(Math.max(0, facts.price - facts.br), applyRate(facts.br, v(ref.rates.outOfParcoursDaMax)));
  }
  // The deduction is taken on the Sécu's payment for the act: it can never exceed it
  // (the CPAM would recover the rest on later payments; the engine does not carry it over).
  if (facts.deductionKind === "pf") {
    facts.deductionUnit = Math.min(pfUnit, facts.secuGross);
    facts.deductionDayCap = facts.deductionUnit * v(ref.participationForfaitaire.perDayPerProfessional);
  }
  if (facts.deductionKind === "franchise") facts.deductionUnit = Math.min(franchiseUnit, facts.secuGross);
  return facts;
}

function sameFacts(a: ActFacts, b: ActFacts): boolean {
  return (Object.keys(a) as (keyof ActFacts)[]).every((key) => a[key] === b[key]);
}

function ceilingPeriods(
  periodStart: number,
  periodEnd: number,
  periodIndex: (day: number) => number,
  firstYearIndex: number,
): CeilingPeriods {
  let boundary = periodEnd;
  const first = periodIndex(periodStart);
  for (let day = periodStart + 1; day < periodEnd; day += 1) {
    if (periodIndex(day) !== first) {
      boundary = day;
      break;
    }
  }
  return { boundary, firstYear: [first === firstYearIndex, first + 1 === firstYearIndex] };
}

export function compileProfile(profile: Profile, year?: number): CompiledProfile {
  const startDay = dayNumber(profile.startDate);
  const { start: periodStart, end: periodEnd } = simulatedPeriod(profile, year);
  const innerChanges = REFERENCE_CHANGE_DAYS.filter((day) => day > periodStart && day < periodEnd);
  const segmentDays = [periodStart, ...innerChanges];

  const children = profile.beneficiaries
    .map((b, index) => ({ index, age: b.age, isChild: (b.role ?? (b.age < 18 ? "child" : "adult")) === "child" }))
    .filter((b) => b.isChild)
    .sort((a, b) => b.age - a.age || a.index - b.index);
  const childRank = new Map(children.map((child, rank) => [child.index, rank + 1]));

  const lines: CompiledLine[] = [];
  const beneficiaries: CompiledBeneficiary[] = profile.beneficiaries.map((beneficiary, beneficiaryIndex) => {
    const who: BeneficiaryFacts = {
      age: beneficiary.age,
      alsaceMoselle: beneficiary.regime === "alsace-moselle",
      // Minors never pay the participation forfaitaire nor franchises.
      exempt: beneficiary.exemptFromParticipation || beneficiary.age < 18,
      hasMedecinTraitant: beneficiary.hasMedecinTraitant,
    };
    const lineIndexes: number[] = [];
    beneficiary.care.forEach((line, lineIndex) => {
      const segmentStarts: number[] = [];
      const segments: ActFacts[] = [];
      for (const day of segmentDays) {
        const facts = factsAt(line, who, day);
        const previous = segments[segments.length - 1];
        if (previous && sameFacts(previous, facts)) continue;
        segmentStarts.push(day);
        segments.push(facts);
      }
      const yearlyActCap = line.category === "psychologist-msp" ? valueAt(REFERENCE.psychologist.mspSessionsPerYear, periodStart) : 0;
      if (yearlyActCap > 0) for (const day of segmentStarts) segments.push(factsAt(line, who, day, true));
      const index = lines.length;
      lineIndexes.push(index);
      lines.push({
        index,
        beneficiaryIndex,
        lineIndex,
        category: line.category,
        guarantee: GUARANTEE_OF_CARE_CATEGORY[line.category],
        guaranteeIndex: GUARANTEE_CATEGORIES.indexOf(GUARANTEE_OF_CARE_CATEGORY[line.category]),
        label: line.label ?? CARE_CATEGORY_LABELS[line.category],
        sector: SECTOR_CATEGORIES.includes(line.category) ? (line.sector ?? "1") : null,
        mean: line.perYear,
        scenarioCount: Math.floor(line.perYear + 0.5),
        inNetwork: line.inNetwork,
        lensPair: line.lensPair ?? "simple-simple",
        segmentStarts,
        segments,
        yearlyActCap,
      });
    });
    return {
      index: beneficiaryIndex,
      label: beneficiary.label,
      age: beneficiary.age,
      isChild: childRank.has(beneficiaryIndex),
      childRank: childRank.get(beneficiaryIndex) ?? 0,
      lineIndexes,
    };
  });

  const calendar = ceilingPeriods(periodStart, periodEnd, (day) => yearOf(day), yearOf(startDay));
  const membership = ceilingPeriods(periodStart, periodEnd, (day) => membershipYearIndex(startDay, day), 0);
  const v = (timeline: Timeline) => valueAt(timeline, periodStart);
  return {
    department: profile.department,
    waitEndByMonths: Array.from({ length: 13 }, (_, months) => addMonths(startDay, months)),
    periodStart,
    periodEnd,
    lines,
    beneficiaries,
    calendar,
    membership,
    // The caps have not moved since 2024-05-15; they are read once, at the start of the period.
    pfPerYearCap: v(REFERENCE.participationForfaitaire.perYearCap),
    franchisePerYearCap: v(REFERENCE.franchise.perYearCap),
  };
}

export function segmentIndex(line: CompiledLine, day: number): number {
  let index = 0;
  for (let s = 1; s < line.segmentStarts.length; s += 1) {
    if ((line.segmentStarts[s] as number) <= day) index = s;
  }
  return index;
}

/**
 * The segment of each of a line's acts, given their days in date order: the segment of
 * the day, or its beyond-the-cap twin once the line's yearly act cap is used up in that
 * calendar year (the cap counts per calendar year, like the Sécu's).
 */
export function actSegments(profile: CompiledProfile, line: CompiledLine, days: ArrayLike<number>): number[] {
  const out: number[] = [];
  const inYear = [0, 0];
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i]!;
    let segment = segmentIndex(line, day);
    if (line.yearlyActCap > 0) {
      const year = day >= profile.calendar.boundary ? 1 : 0;
      if (inYear[year]! >= line.yearlyActCap) segment += line.segmentStarts.length;
      inYear[year]! += 1;
    }
    out.push(segment);
  }
  return out;
}

export function periodLabel(profile: CompiledProfile): { start: string; end: string } {
  return { start: isoDate(profile.periodStart), end: isoDate(profile.periodEnd - 1) };
}
