import type { CompiledBeneficiary } from "./compile-profile";
import type { CompiledOffer } from "./compile-offer";

export type PremiumResult = { ok: true; perBeneficiary: number[]; total: number } | { ok: false; reason: string };

/**
 * Yearly premium: 12 × the monthly premium of each beneficiary's band. When several bands
 * match, the most specific wins: a band for the profile's department over a national
 * one, then a child-rank band (highest rank reached) over a general one. `picksByShape`:
 * the bands picked for this household by band shape (CompiledOffer.bandShape), kept
 * across a ranking's offers, which mostly share a few shapes.
 */
export function annualPremium(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string, picksByShape?: Map<number, Int32Array>): PremiumResult {
  let picks = picksByShape?.get(compiled.bandShape);
  if (picks === undefined) {
    picks = pickBands(compiled, beneficiaries, department);
    picksByShape?.set(compiled.bandShape, picks);
  }
  const perBeneficiary: number[] = [];
  let total = 0;
  for (let b = 0; b < beneficiaries.length; b += 1) {
    const index = picks[b]!;
    if (index < 0) {
      const beneficiary = beneficiaries[b]!;
      return { ok: false, reason: `Aucun tarif pour ${beneficiary.label} (${beneficiary.age} ans) dans le département ${department}` };
    }
    const premium = 12 * compiled.monthlyCents[index]!;
    perBeneficiary.push(premium);
    total += premium;
  }
  return { ok: true, perBeneficiary, total };
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
