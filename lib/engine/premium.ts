import type { Offer, PremiumBand } from "../schemas/offer";
import type { CompiledBeneficiary } from "./compile-profile";
import { moneyToCents } from "./money";

export type PremiumResult = { ok: true; perBeneficiary: number[]; total: number } | { ok: false; reason: string };

/**
 * Yearly premium: 12 × the monthly premium of each beneficiary's band. When several bands
 * match, the most specific wins: a band for the profile's department over a national
 * one, then a child-rank band (highest rank reached) over a general one.
 */
export function annualPremium(offer: Offer, beneficiaries: CompiledBeneficiary[], department: string): PremiumResult {
  const perBeneficiary: number[] = [];
  for (const beneficiary of beneficiaries) {
    let best: PremiumBand | undefined;
    let bestScore = -1;
    for (const band of offer.premiums.bands) {
      if (beneficiary.age < band.minAge || beneficiary.age > band.maxAge) continue;
      if (band.departments && !band.departments.includes(department)) continue;
      if (band.childRankFrom !== undefined && (!beneficiary.isChild || beneficiary.childRank < band.childRankFrom)) continue;
      const score = (band.departments ? 1000 : 0) + (band.childRankFrom ?? 0);
      if (score > bestScore) {
        best = band;
        bestScore = score;
      }
    }
    if (!best) {
      return { ok: false, reason: `Aucun tarif pour ${beneficiary.label} (${beneficiary.age} ans) dans le département ${department}` };
    }
    perBeneficiary.push(12 * moneyToCents(best.monthly));
  }
  return { ok: true, perBeneficiary, total: perBeneficiary.reduce((a, b) => a + b, 0) };
}
