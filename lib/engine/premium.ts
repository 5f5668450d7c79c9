import type { CompiledBeneficiary } from "./compile-profile";
import { perCatalogue, type CompiledOffer } from "./compile-offer";

export type PremiumResult = { ok: true; perBeneficiary: number[]; total: number } | { ok: false; reason: string };

/**
 * Yearly premium: 12 × the monthly premium of each beneficiary's band. When several bands
 * match, the most specific wins: a band for the profile's department over a national
 * one, then a child-rank band (highest rank reached) over a general one. `picksByShape`:
 * the bands picked for this household by band shape (CompiledOffer.bandShape), kept
 * across a ranking's offers, which mostly share a few shapes.
 */
export function annualPremium(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string, picksByShape?: Map<number, Int32Array>): PremiumResult {
  const picks = picksFor(compiled, beneficiaries, department, picksByShape);
  const perBeneficiary: number[] = [];
  let total = 0;
  for (let b = 0; b < beneficiaries.length; b += 1) {
    const index = picks[b]!;
    if (index < 0) return { ok: false, reason: missingBandReason(beneficiaries[b]!, department) };
    const premium = 12 * compiled.monthlyCents[index]!;
    perBeneficiary.push(premium);
    total += premium;
  }
  return { ok: true, perBeneficiary, total };
}

/**
 * A catalogue's premium figures by offer position, in typed arrays: a ranking reads every
 * offer's, and reading them through the 10 000 compiled offers took about twice as long
 * (docs/operations.md).
 */
export class PremiumColumns {
  private readonly bandShape: Int32Array;
  /** Offer i's monthly premiums in cents are monthlyCents[start[i]…start[i + 1]), by band. */
  private readonly start: Int32Array;
  private readonly monthlyCents: Float64Array;

  constructor(private readonly offers: readonly CompiledOffer[]) {
    this.start = new Int32Array(offers.length + 1);
    for (let i = 0; i < offers.length; i += 1) this.start[i + 1] = this.start[i]! + offers[i]!.monthlyCents.length;
    this.monthlyCents = new Float64Array(this.start[offers.length]!);
    offers.forEach((offer, i) => this.monthlyCents.set(offer.monthlyCents, this.start[i]!));
    this.bandShape = Int32Array.from(offers, (offer) => offer.bandShape);
  }

  /**
   * annualPremium's total for the offer at `position`, or −1 when some beneficiary has no
   * band (annualPremium gives the reason): a ranking asks it of every offer, and needs no
   * object per offer. The same additions in the same order; the compiled offer is read
   * only for a band shape not picked yet.
   */
  totalAt(position: number, beneficiaries: CompiledBeneficiary[], department: string, picksByShape: Map<number, Int32Array>): number {
    let picks = picksByShape.get(this.bandShape[position]!);
    if (picks === undefined) picks = picksFor(this.offers[position]!, beneficiaries, department, picksByShape);
    const start = this.start[position]!;
    let total = 0;
    for (let b = 0; b < picks.length; b += 1) {
      const index = picks[b]!;
      if (index < 0) return -1;
      total += 12 * this.monthlyCents[start + index]!;
    }
    return total;
  }
}

/** The catalogue's PremiumColumns, made on its first ranking in this thread. */
export const premiumColumns = perCatalogue((catalogue) => new PremiumColumns(catalogue.offers));

/** Why an offer is not proposed to the household (PremiumColumns.totalAt gave −1): the first beneficiary without a band. */
export function premiumRefusal(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string, picksByShape: Map<number, Int32Array>): string {
  const picks = picksFor(compiled, beneficiaries, department, picksByShape);
  const b = picks.indexOf(-1);
  return missingBandReason(beneficiaries[b]!, department);
}

function missingBandReason(beneficiary: CompiledBeneficiary, department: string): string {
  return `Aucun tarif pour ${beneficiary.label} (${beneficiary.age} ans) dans le département ${department}`;
}

function picksFor(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string, picksByShape: Map<number, Int32Array> | undefined): Int32Array {
  let picks = picksByShape?.get(compiled.bandShape);
  if (picks === undefined) {
    picks = pickBands(compiled, beneficiaries, department);
    picksByShape?.set(compiled.bandShape, picks);
  }
  return picks;
}

/** Each beneficiary's band index, or −1 when none applies. */
function pickBands(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string): Int32Array {
  const bands = compiled.offer.premiums.bands;
  const picks = new Int32Array(beneficiaries.length).fill(-1);
  beneficiaries.forEach((beneficiary, b) => {
    let bestScore = -1;
    for (let index = 0; index < bands.length; index += 1) {
      const band = bands[index]!;
      if (beneficiary.age < band.minAge || beneficiary.age > band.maxAge) continue;
      if (band.departments && !band.departments.includes(department)) continue;
      if (band.childRankFrom !== undefined && (!beneficiary.isChild || beneficiary.childRank < band.childRankFrom)) continue;
      const score = (band.departments ? 1000 : 0) + (band.childRankFrom ?? 0);
      if (score > bestScore) {
        picks[b] = index;
        bestScore = score;
      }
    }
  });
  return picks;
}
