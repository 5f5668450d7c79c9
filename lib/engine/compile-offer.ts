import { GUARANTEE_CATEGORIES, LENS_PAIRS, type GuaranteeCategory, type LensPair } from "../schemas/care-category";
import type { GuaranteeTerms, Offer } from "../schemas/offer";
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
}

export interface CompiledCeiling {
  id: string;
  amount: number;
  firstYearAmount: number;
  period: "calendar" | "membership";
}

export interface CompiledOffer {
  offer: Offer;
  responsable: boolean;
  /** Basis points of price discount in network, or null without network. */
  network: { lenses: number; frame: number; dental: number; hearing: number } | null;
  guarantees: Record<GuaranteeCategory, CompiledGuarantee>;
  ceilings: CompiledCeiling[];
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

export function compileOffer(offer: Offer): CompiledOffer {
  const ceilings: CompiledCeiling[] = offer.ceilings.map((ceiling) => ({
    id: ceiling.id,
    amount: moneyToCents(ceiling.amount),
    firstYearAmount: moneyToCents(ceiling.firstYearAmount ?? ceiling.amount),
    period: ceiling.period,
  }));
  const ceilingOf = new Map<GuaranteeCategory, number>();
  offer.ceilings.forEach((ceiling, index) => ceiling.categories.forEach((category) => ceilingOf.set(category, index)));

  const guarantees = {} as Record<GuaranteeCategory, CompiledGuarantee>;
  for (const category of GUARANTEE_CATEGORIES) {
    const guarantee = offer.guarantees[category];
    let ceiling = ceilingOf.get(category) ?? -1;
    let ceilingIsYearlyForfait = false;
    // A yearly forfait is a per-beneficiary budget, i.e. a calendar-year ceiling of its own.
    // In and out of network share one budget: the base terms' amount, else the network's.
    const yearly = guarantee.forfait?.per === "year" ? guarantee.forfait : guarantee.inNetwork?.forfait;
    if (ceiling === -1 && yearly?.per === "year") {
      const amount = moneyToCents(yearly.amount);
      ceiling = ceilings.length;
      ceilingIsYearlyForfait = true;
      ceilings.push({ id: `forfait-annuel-${category}`, amount, firstYearAmount: amount, period: "calendar" });
    }
    guarantees[category] = {
      terms: compileTerms(guarantee),
      inNetwork: guarantee.inNetwork ? compileTerms(guarantee.inNetwork) : null,
      waitingMonths: guarantee.waitingMonths,
      ceiling,
      ceilingIsYearlyForfait,
    };
  }
  return {
    offer,
    responsable: offer.responsable,
    network: offer.network
      ? {
          lenses: percentToBasisPoints(offer.network.lensesDiscountPercent),
          frame: percentToBasisPoints(offer.network.frameDiscountPercent),
          dental: percentToBasisPoints(offer.network.dentalDiscountPercent),
          hearing: percentToBasisPoints(offer.network.hearingDiscountPercent),
        }
      : null,
    guarantees,
    ceilings,
  };
}
