import type { ActFacts, CompiledLine } from "./compile-profile";
import type { CompiledOffer, CompiledTerms } from "./compile-offer";
import { applyRate, positive } from "./money";

/**
 * One act under one offer, before the ceiling and the waiting period (which depend on
 * the act's place in the year). In cents; the parts add up exactly:
 *   price = secuGross + nonCoverable + uncovered + legalCap + fixed + capped
 * and the reste à charge of the act is price − (secuGross − deduction) − mutuelle.
 */
export interface ActTerms {
  /** Billed price, after the network discount when it applies. */
  price: number;
  secuGross: number;
  /** Out-of-parcours penalty and dépassement autorisé, which a contrat responsable may not pay. */
  nonCoverable: number;
  /** Left to pay because the guarantee does not go that far. */
  uncovered: number;
  uncoveredReason: "not-covered" | "beyond-guarantee" | "above-price-cap";
  /** What the offer's data promises above an R871-2 ceiling, not paid. */
  legalCap: number;
  /** Paid whatever the annual ceiling (the ticket modérateur under a contrat responsable). */
  fixed: number;
  /** Paid from the annual ceiling's budget when there is one. */
  capped: number;
  /** Index of the ceiling in CompiledOffer.ceilings, or −1. */
  ceiling: number;
  waitingMonths: number;
}

const INFINITY = Number.MAX_SAFE_INTEGER;

/** Total (Sécu included) a percentage promises on this BR, before the price limit. */
function rateTotal(bp: number, basis: CompiledTerms["basis"], br: number, secuRef: number): number {
  if (basis === "secu-included") return applyRate(br, bp);
  // "TM + x %": the TM is BR − Sécu, so the total is BR + x % BR.
  if (basis === "tm-plus") return br + applyRate(br, bp);
  return secuRef + applyRate(br, bp);
}

export function evaluateAct(offer: CompiledOffer, line: CompiledLine, facts: ActFacts): ActTerms {
  const guarantee = offer.guaranteeAt(line.guaranteeIndex);
  const responsable = offer.responsable;
  const network = offer.network;
  // Network prices apply to partner opticians, dentists and audiologists only, never to
  // doctors (loi Le Roux) and never to 100 % Santé items, already price-capped.
  const inNetwork = line.inNetwork && network !== null && facts.network !== "none" && facts.priceCap < 0;

  let price = facts.price;
  let frame = facts.framePrice;
  if (inNetwork) {
    if (facts.network === "optics") {
      const lenses = price - frame;
      frame -= applyRate(frame, network.frame);
      price = frame + lenses - applyRate(lenses, network.lenses);
    } else {
      price -= applyRate(price, facts.network === "dental" ? network.dental : network.hearing);
    }
  }
  const terms = inNetwork && guarantee.inNetwork ? guarantee.inNetwork : guarantee.terms;
  // The Sécu pays on min(BR, price): a network price below the BR lowers its share too.
  const secuGross = price < Math.min(facts.br, facts.price) ? applyRate(price, facts.secuRate) : facts.secuGross;
  const br = facts.br;

  // Under a contrat responsable the mutuelle works as if the act were in the parcours and
  // may pay neither the 40-point penalty nor the dépassement autorisé (R871-1 CSS).
  const outOfParcours = responsable && facts.outOfParcours;
  const secuRef = outOfParcours ? facts.secuGrossInParcours : secuGross;
  const da = outOfParcours ? facts.outOfParcoursDa : 0;
  const nonCoverable = outOfParcours ? secuRef - secuGross + da : 0;
  const priceRef = price - da;
  const coverable = positive(price - secuGross - nonCoverable);

  // What the offer's data promises ("x % BR Sécu included" = min(x·BR, price) − Sécu gross).
  const bp = facts.nonOptam && terms.percentNonOptamBp >= 0 ? terms.percentNonOptamBp : terms.percentBp;
  let promised = 0;
  if (terms.fraisReels) promised = coverable;
  else if (bp >= 0) promised = positive(Math.min(rateTotal(bp, terms.basis, br, secuRef), priceRef) - secuRef);
  const forfaitPart = terms.unitForfait > 0 ? positive(terms.unitForfait - (terms.unitForfaitIncludesSecu ? secuRef : 0)) : 0;
  promised += forfaitPart;
  if (terms.glassesAmounts !== null && line.category === "glasses-class-b") {
    const frameCovered = terms.frameMax >= 0 ? Math.min(frame, terms.frameMax) : frame;
    const equipment = Math.min(frameCovered + price - frame, terms.glassesAmounts[line.lensPair]);
    promised += positive(equipment - secuRef);
  }
  const beforeYearly = Math.min(coverable, promised);
  const e0 = terms.yearlyForfait ? coverable : beforeYearly;

  // Minimum a contrat responsable pays (R871-2 CSS).
  let floor = 0;
  if (responsable) {
    if (facts.floor === "tm") floor = Math.min(coverable, positive(Math.min(br, priceRef) - secuRef));
    else if (facts.floor === "full") floor = coverable;
    else if (facts.floor === "100-sante") floor = Math.min(coverable, positive(Math.min(price, facts.priceCap) - secuGross));
  }
  const e1 = Math.max(e0, floor);

  // Maximum a contrat responsable may pay (R871-2 CSS), whatever the offer's data says.
  let lawMax = INFINITY;
  if (responsable) {
    if (facts.legalCap === "doctor") {
      // Non-OPTAM dépassements: covered at most 100 % BR and 20 points of BR below OPTAM's.
      let optamDepassement: number;
      if (terms.fraisReels) optamDepassement = INFINITY;
      else {
        const optamTotal = terms.percentBp >= 0 ? rateTotal(terms.percentBp, terms.basis, br, secuRef) : secuRef;
        optamDepassement = positive(optamTotal - br) + positive(terms.unitForfait - (terms.unitForfaitIncludesSecu ? secuRef : 0));
      }
      const nonOptamDepassement = Math.min(br, positive(optamDepassement - applyRate(br, 2000)));
      lawMax = positive(Math.min(br + nonOptamDepassement, priceRef) - secuRef);
    } else if (facts.legalCap === "glasses") {
      lawMax = positive(Math.min(Math.min(frame, facts.legalFrameMax) + price - frame, facts.legalCeiling) - secuGross);
    } else if (facts.legalCap === "hearing-2") {
      lawMax = positive(Math.min(price, facts.legalCeiling) - secuGross);
    }
  }
  const e2 = Math.min(e1, Math.max(lawMax, floor));

  let fixed: number;
  if (guarantee.ceiling < 0) fixed = e2;
  else if (guarantee.ceilingIsYearlyForfait) fixed = Math.min(e2, Math.max(floor, beforeYearly));
  // A forfait limited in number: its budget bounds the forfait, not the percentage paid beside it.
  else if (guarantee.ceilingIsCountedForfait) fixed = Math.min(e2, Math.max(floor, Math.min(coverable, promised - forfaitPart)));
  // A contrat responsable always pays the ticket modérateur: a ceiling limits only what is beyond it.
  // Not responsable: the ceiling limits the whole mutuelle share.
  else fixed = responsable ? Math.min(e2, floor) : 0;

  const uncovered = coverable - e1;
  return {
    price,
    secuGross,
    nonCoverable,
    uncovered,
    uncoveredReason:
      facts.priceCap >= 0 && price > facts.priceCap
        ? "above-price-cap"
        : !terms.hasCoverage && floor === 0
          ? "not-covered"
          : "beyond-guarantee",
    legalCap: e1 - e2,
    fixed,
    capped: e2 - fixed,
    ceiling: guarantee.ceiling,
    waitingMonths: guarantee.waitingMonths,
  };
}
