import { GUARANTEE_CATEGORIES, LENS_PAIRS, type GuaranteeCategory, type LensPair } from "../schemas/care-category";
import type { GuaranteeTerms, Offer, PremiumBand } from "../schemas/offer";
import type { CompiledLine } from "./compile-profile";
import { moneyToCents, percentToBasisPoints } from "./money";

/** Guarantee terms in cents and basis points; −1 means "absent". */
export interface CompiledTerms {
  hasCoverage: boolean;
  percentBp: number;
  percentNonOptamBp: number;
  basis: GuaranteeTerms["basis"];
  fraisReels: boolean;
  /** Per unit (act, day, equipment). */
  unitForfait: number;
  unitForfaitIncludesSecu: boolean;
  /** A yearly forfait: what remains after the other parts, up to a yearly budget (see CompiledCeiling). */
  yearlyForfait: boolean;
  glassesAmounts: Record<LensPair, number> | null;
  frameMax: number;
}

export interface CompiledGuarantee {
  terms: CompiledTerms;
  inNetwork: CompiledTerms | null;
  waitingMonths: number;
  /** Index into CompiledOffer.ceilings, or −1. */
  ceiling: number;
  /** The ceiling is a yearly forfait of this guarantee rather than a plafond of the offer. */
  ceilingIsYearlyForfait: boolean;
  /** The ceiling is the yearly budget of a forfait limited to n acts (maxPerYear × amount): it bounds the forfait only. */
  ceilingIsCountedForfait: boolean;
}

export interface CompiledCeiling {
  id: string;
  amount: number;
  firstYearAmount: number;
  period: "calendar" | "membership";
  /** A guarantee's yearly forfait rather than a plafond of the offer. */
  yearlyForfait: boolean;
  /** The yearly budget of a guarantee's forfait limited in number (maxPerYear × amount). */
  countedForfait: boolean;
}

/**
 * An offer in cents and basis points. Guarantees are compiled on first use: a profile
 * touches a few categories, and a quote compiles thousands of offers.
 */
export class CompiledOffer {
  readonly responsable: boolean;
  /** Basis points of price discount in network, or null without network. */
  readonly network: { lenses: number; frame: number; dental: number; hearing: number } | null;
  readonly ceilings: CompiledCeiling[];
  /** Each premium band's monthly premium in cents (a ranking reads one per offer and person). */
  readonly monthlyCents: readonly number[];
  /**
   * The number of its bands' shape (ages, departments, child ranks, in order: all that
   * picks a band) among the catalogue's: offers of one shape pick the same bands for a
   * household (annualPremium), whatever their amounts.
   */
  readonly bandShape: number;
  // Arrays by category index rather than Maps: a catalogue keeps 10 000 compiled offers.
  private readonly ceilingOf: number[] = GUARANTEE_CATEGORIES.map(() => -1);
  private readonly compiled: (CompiledGuarantee | undefined)[] = [];
  /** termsId's numbers, without then with the network; −1 until asked. */
  private readonly termsIds: number[] = [...GUARANTEE_CATEGORIES, ...GUARANTEE_CATEGORIES].map(() => -1);

  /** `terms`: the catalogue's numbering of terms (see termsId), shared by its offers. */
  constructor(
    readonly offer: Offer,
    private readonly terms: TermsNumbering = new TermsNumbering(),
    bandShapes: BandShapes = new BandShapes(),
  ) {
    this.responsable = offer.responsable;
    this.monthlyCents = offer.premiums.bands.map((band) => moneyToCents(band.monthly));
    this.bandShape = bandShapes.numberOf(offer.premiums.bands);
    this.network = offer.network
      ? {
          lenses: percentToBasisPoints(offer.network.lensesDiscountPercent),
          frame: percentToBasisPoints(offer.network.frameDiscountPercent),
          dental: percentToBasisPoints(offer.network.dentalDiscountPercent),
          hearing: percentToBasisPoints(offer.network.hearingDiscountPercent),
        }
      : null;
    this.ceilings = offer.ceilings.map((ceiling, index) => {
      for (const category of ceiling.categories) this.ceilingOf[categoryIndex(category)] = index;
      return {
        id: ceiling.id,
        amount: moneyToCents(ceiling.amount),
        firstYearAmount: moneyToCents(ceiling.firstYearAmount ?? ceiling.amount),
        period: ceiling.period,
        yearlyForfait: false,
        countedForfait: false,
      };
    });
    // Yearly forfaits become ceilings of their own, in a fixed order so indexes are stable.
    for (const [index, category] of GUARANTEE_CATEGORIES.entries()) {
      const guarantee = offer.guarantees[category];
      // In and out of network share one budget: the base terms' amount, else the network's.
      const yearly = guarantee.forfait?.per === "year" ? guarantee.forfait : guarantee.inNetwork?.forfait;
      if (this.ceilingOf[index]! < 0 && yearly?.per === "year") {
        const amount = moneyToCents(yearly.amount);
        this.ceilingOf[index] = this.ceilings.length;
        this.ceilings.push({ id: `forfait-annuel-${category}`, amount, firstYearAmount: amount, period: "calendar", yearlyForfait: true, countedForfait: false });
      }
      // "4 séances × 30 € par an": counted in euros, a calendar-year budget of 4 × 30 €.
      const counted = guarantee.forfait?.maxPerYear !== undefined ? guarantee.forfait : guarantee.inNetwork?.forfait;
      if (this.ceilingOf[index]! < 0 && counted?.maxPerYear !== undefined) {
        const amount = moneyToCents(counted.amount) * counted.maxPerYear;
        this.ceilingOf[index] = this.ceilings.length;
        this.ceilings.push({ id: `forfait-limite-${category}`, amount, firstYearAmount: amount, period: "calendar", yearlyForfait: false, countedForfait: true });
      }
    }
  }

  guarantee(category: GuaranteeCategory): CompiledGuarantee {
    return this.guaranteeAt(categoryIndex(category));
  }

  /** guarantee() by the category's index in GUARANTEE_CATEGORIES (CompiledLine.guaranteeIndex). */
  guaranteeAt(index: number): CompiledGuarantee {
    let compiled = this.compiled[index];
    if (compiled === undefined) {
      const guarantee = this.offer.guarantees[GUARANTEE_CATEGORIES[index]!];
      const ceiling = this.ceilingOf[index]!;
      compiled = {
        terms: compileTerms(guarantee),
        inNetwork: guarantee.inNetwork ? compileTerms(guarantee.inNetwork) : null,
        waitingMonths: guarantee.waitingMonths,
        ceiling,
        ceilingIsYearlyForfait: ceiling >= 0 && this.ceilings[ceiling]!.yearlyForfait,
        ceilingIsCountedForfait: ceiling >= 0 && this.ceilings[ceiling]!.countedForfait,
      };
      this.compiled[index] = compiled;
    }
    return compiled;
  }

  /**
   * The number of this offer's terms for a care line of this category: the same number,
   * in one catalogue, for every offer whose terms that line reads are the same (the
   * compiled guarantee, waiting period and ceiling flags included; its ceiling's index,
   * period and amounts; whether the offer is responsable; and, for a line that may go to a
   * partner network, the network's discounts). Offers with the same numbers on every line
   * of a profile leave the same figures on it whatever their premiums, ids and names
   * (quote.ts computes them once). Kept with the offer: a catalogue compiled once serves
   * every profile, and offers with the same guarantee keep one compiled copy of it.
   */
  termsId(category: GuaranteeCategory, withNetwork: boolean): number {
    return this.termsIdAt(termsSlot(category, withNetwork));
  }

  /** termsId by slot (termsSlot): a ranking asks it for every line of every offer. */
  termsIdAt(slot: number): number {
    const id = this.termsIds[slot]!;
    return id >= 0 ? id : this.numberTerms(slot);
  }

  private numberTerms(slot: number): number {
    const index = slot >> 1;
    const category = GUARANTEE_CATEGORIES[index]!;
    const guarantee = this.guarantee(category);
    const ceiling = guarantee.ceiling >= 0 ? this.ceilings[guarantee.ceiling]! : null;
    const key = JSON.stringify([
      category,
      this.responsable,
      guarantee,
      ceiling && [ceiling.amount, ceiling.firstYearAmount, ceiling.period],
      (slot & 1) === 1 ? this.network : null,
    ]);
    const known = this.terms.numberOf(key, index, guarantee);
    this.termsIds[slot] = known.id;
    this.compiled[index] = known.guarantee;
    return known.id;
  }
}

/**
 * Numbers premium bands by shape (what picks a band: ages, departments, child rank, in
 * order), by a hash of the shape and a comparison with the shapes of that hash: a
 * catalogue's offers are numbered in a few milliseconds (a JSON key per offer took ~80 ms
 * for 10 000 offers).
 */
export class BandShapes {
  private readonly byHash = new Map<number, { bands: readonly PremiumBand[]; id: number }[]>();
  private count = 0;

  numberOf(bands: readonly PremiumBand[]): number {
    const hash = shapeHash(bands);
    let known = this.byHash.get(hash);
    if (known === undefined) {
      known = [];
      this.byHash.set(hash, known);
    }
    for (const shape of known) if (sameShape(shape.bands, bands)) return shape.id;
    const id = this.count++;
    known.push({ bands, id });
    return id;
  }
}

function shapeHash(bands: readonly PremiumBand[]): number {
  // FNV-1a over the shape's numbers and department codes.
  let hash = 0x811c9dc5;
  for (const band of bands) {
    hash = Math.imul(hash ^ band.minAge, 0x01000193);
    hash = Math.imul(hash ^ band.maxAge, 0x01000193);
    hash = Math.imul(hash ^ (band.childRankFrom ?? -1), 0x01000193);
    const departments = band.departments;
    hash = Math.imul(hash ^ (departments ? departments.length : -1), 0x01000193);
    if (departments) for (const department of departments) for (let i = 0; i < department.length; i += 1) hash = Math.imul(hash ^ department.charCodeAt(i), 0x01000193);
  }
  return hash;
}

function sameShape(a: readonly PremiumBand[], b: readonly PremiumBand[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.minAge !== y.minAge || x.maxAge !== y.maxAge || x.childRankFrom !== y.childRankFrom) return false;
    if (x.departments === undefined || y.departments === undefined) {
      if (x.departments !== y.departments) return false;
    } else {
      if (x.departments.length !== y.departments.length) return false;
      for (let k = 0; k < x.departments.length; k += 1) if (x.departments[k] !== y.departments[k]) return false;
    }
  }
  return true;
}

/**
 * A catalogue's terms keys (CompiledOffer.termsId) → their number and one compiled copy
 * of the guarantee. Numbers count up per category from 0: a ranking keeps a line's
 * figures in an array indexed by them.
 */
class TermsNumbering {
  private readonly byKey = new Map<string, { id: number; guarantee: CompiledGuarantee }>();
  private readonly countByCategory: number[] = GUARANTEE_CATEGORIES.map(() => 0);

  numberOf(key: string, categoryIndex: number, guarantee: CompiledGuarantee): { id: number; guarantee: CompiledGuarantee } {
    let known = this.byKey.get(key);
    if (known === undefined) {
      known = { id: this.countByCategory[categoryIndex]!++, guarantee };
      this.byKey.set(key, known);
    }
    return known;
  }
}

const CATEGORY_INDEX = new Map(GUARANTEE_CATEGORIES.map((category, index) => [category, index]));

function categoryIndex(category: GuaranteeCategory): number {
  return CATEGORY_INDEX.get(category)!;
}

/** Where CompiledOffer keeps the terms number of a category, without or with the network. */
export function termsSlot(category: GuaranteeCategory, withNetwork: boolean): number {
  return 2 * categoryIndex(category) + (withNetwork ? 1 : 0);
}

/** The slot of a profile's care line: a line that may go to a partner network reads the offer's network discounts. */
export function lineTermsSlot(line: CompiledLine): number {
  return termsSlot(line.guarantee, line.inNetwork && line.segments.some((facts) => facts.network !== "none"));
}

/**
 * A catalogue's offers compiled once: the engine's worker keeps it for the catalogue
 * revision it holds, so each ranking starts from compiled offers and their keys.
 */
export interface CompiledCatalogue {
  readonly offers: readonly CompiledOffer[];
}

export function compileCatalogue(offers: readonly Offer[]): CompiledCatalogue {
  const terms = new TermsNumbering();
  const bandShapes = new BandShapes();
  return { offers: offers.map((offer) => new CompiledOffer(offer, terms, bandShapes)) };
}

/**
 * `make` of a compiled catalogue, made on its first use in this thread and kept as long as
 * the catalogue: what a ranking reads of every offer, laid out once per revision.
 */
export function perCatalogue<T>(make: (catalogue: CompiledCatalogue) => T): (catalogue: CompiledCatalogue) => T {
  const made = new WeakMap<CompiledCatalogue, T>();
  return (catalogue) => {
    let value = made.get(catalogue);
    if (value === undefined) {
      value = make(catalogue);
      made.set(catalogue, value);
    }
    return value;
  };
}

/** The offers of a compiled catalogue listed in `ids`, in catalogue order (nothing compiled again). */
export function selectOffers(catalogue: CompiledCatalogue, ids: readonly string[]): CompiledCatalogue {
  const wanted = new Set(ids);
  return { offers: catalogue.offers.filter((compiled) => wanted.has(compiled.offer.id)) };
}

function compileTerms(terms: GuaranteeTerms): CompiledTerms {
  const glassesAmounts = terms.glassesAmounts
    ? (Object.fromEntries(
        LENS_PAIRS.map((pair) => [pair, terms.glassesAmounts?.[pair] ? moneyToCents(terms.glassesAmounts[pair]) : 0]),
      ) as Record<LensPair, number>)
    : null;
  const forfait = terms.forfait;
  return {
    hasCoverage:
      terms.percentBr !== undefined ||
      terms.percentBrNonOptam !== undefined ||
      terms.fraisReels ||
      forfait !== undefined ||
      glassesAmounts !== null,
    percentBp: terms.percentBr === undefined ? -1 : percentToBasisPoints(terms.percentBr),
    percentNonOptamBp: terms.percentBrNonOptam === undefined ? -1 : percentToBasisPoints(terms.percentBrNonOptam),
    basis: terms.basis,
    fraisReels: terms.fraisReels,
    unitForfait: forfait && forfait.per !== "year" ? moneyToCents(forfait.amount) : 0,
    unitForfaitIncludesSecu: forfait?.includesSecu ?? false,
    yearlyForfait: forfait?.per === "year",
    glassesAmounts,
    frameMax: terms.frameMax === undefined ? -1 : moneyToCents(terms.frameMax),
  };
}

