import type { CompiledBeneficiary } from "./compile-profile";
import type { CompiledOffer } from "./compile-offer";

export type PremiumResult = { ok: true; perBeneficiary: number[]; total: number } | { ok: false; reason: string };

/**
 * Yearly premium: 12 × the monthly premium of each beneficiary's band. When several bands
 * match, the most specific wins: a band for the profile's department over a national
 * one, then a child-rank band (highest rank reached) over a general one.
 */
export function annualPremium(compiled: CompiledOffer, beneficiaries: CompiledBeneficiary[], department: string): PremiumResult {
  const bands = compiled.offer.premiums.bands;
  const perBeneficiary: number[] = [];
  for (const beneficiary of beneficiaries) {
    let best = -1;
    let bestScore = -1;
    for (let index = 0; index < bands.length; index += 1) {
      const band = bands[index]!;
      if (beneficiary.age < band.minAge || beneficiary.age > band.maxAge) continue;
      if (band.departments && !band.departments.includes(department)) continue;
      if (band.childRankFrom !== undefined && (!beneficiary.isChild || beneficiary.childRank < band.childRankFrom)) continue;
      const score = (band.departments ? 1000 : 0) + (band.childRankFrom ?? 0);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best < 0) {
      return { ok: false, reason: `Aucun tarif pour ${beneficiary.label} (${beneficiary.age} ans) dans le département ${department}` };
    }
    perBeneficiary.push(12 * compiled.monthlyCents[best]!);
  }
  return { ok: true, perBeneficiary, total: perBeneficiary.reduce((a, b) => a + b, 0) };
}
