import { EXACT_MAP_WORK, exactMapWork, type CeilingLine } from "./ceiling-mean";
import { ProfileError, type CompiledProfile } from "./compile-profile";
import { poissonPmf } from "./distribution";
import { DEFAULT_STOCHASTIC_OPTIONS, dayTableEntries, type StochasticOptions } from "./stochastic";

/**
 * The engine's cost model. A quote's work is estimated from the compiled profile, the
 * number of offers and the options before anything runs, in work units of roughly the
 * same cost (one act simulated, one sampled count read, one convolution cell, one
 * deducted act walked: a few nanoseconds each on the machines of docs/operations.md).
 * Over QUOTE_WORK_BUDGET the quote is refused with a QuoteTooLargeError; under it, the
 * parts whose exact cost is unbounded (shared-ceiling convolutions) run within their own
 * budget, QUOTE_CEILING_WORK, split among the offers.
 */

/**
 * ~1.5 s of engine time on one core of the CI machine: 150 times the heaviest reference
 * profile ranked on the demo catalogue (2.6 M), above what the largest profiles the
 * schema accepts need on it (docs/operations.md, "Engine cost").
 */
export const QUOTE_WORK_BUDGET = 400_000_000;

/** Convolution cells for the ceilings shared by several lines, for all the offers of a quote. */
export const QUOTE_CEILING_WORK = 40_000_000;

/** What one offer may spend on its shared ceilings: the quote's share, and never more than the engine's default. */
export function ceilingWorkPerOffer(offerCount: number, defaultWork = DEFAULT_STOCHASTIC_OPTIONS.ceilingWork): number {
  return Math.min(defaultWork, QUOTE_CEILING_WORK / Math.max(1, offerCount));
}

export class QuoteTooLargeError extends ProfileError {
  constructor(readonly work: number) {
    super("Ce profil demande trop de calculs pour être comparé : réduisez le nombre d'actes ou de lignes de soins.");
  }
}

export interface QuoteWorkInput {
  offerCount: number;
  mode: "full" | "scenario";
  breakdown: boolean;
  stochastic: StochasticOptions;
}

/**
 * Whether some person's lines sharing a guarantee (so possibly a ceiling) could need more
 * than the exact convolution's cheap bound, whatever the ceiling's amount: the product
 * of their pmf lengths bounds the support the convolution walks.
 */
function mayNeedLattice(profile: CompiledProfile, pmf: readonly Float64Array[]): boolean {
  for (const beneficiary of profile.beneficiaries) {
    const byGuarantee = new Map<string, CeilingLine[]>();
    for (const l of beneficiary.lineIndexes) {
      const lines = byGuarantee.get(profile.lines[l]!.guarantee) ?? [];
      lines.push({ claims: new Float64Array(0), pmf: pmf[l]! });
      byGuarantee.set(profile.lines[l]!.guarantee, lines);
    }
    for (const lines of byGuarantee.values()) if (lines.length > 1 && exactMapWork(lines, Infinity) > EXACT_MAP_WORK) return true;
  }
  return false;
}

/** Estimated work units of quoteOffers for this profile and options. */
export function estimateQuoteWork(profile: CompiledProfile, { offerCount, mode, breakdown, stochastic }: QuoteWorkInput): number {
  const scenarioActs = profile.lines.reduce((sum, line) => sum + line.scenarioCount, 0);
  // A breakdown builds an object per act: several times the cost of simulating it.
  let perOffer = scenarioActs * (breakdown ? 8 : 1);
  let fixed = scenarioActs * 2; // the schedule: listed and sorted once
  if (mode === "full") {
    const pmf = profile.lines.map((line) => poissonPmf(line.mean));
    const counts = pmf.reduce((sum, p) => sum + p.length, 0);
    const tables = dayTableEntries(pmf);
    const tabulated = tables <= stochastic.dayTableLimit;
    const samples = Math.max(stochastic.sampleCount, stochastic.deductionSampleCount);
    // Draws, and the deducted acts walked per sampled year: each person's walk stops at
    // the caps, at most (50 € / smallest deduction) acts per cap and calendar year.
    let walked = 0;
    for (const beneficiary of profile.beneficiaries) {
      let acts = 0;
      let smallest = Infinity;
      for (const l of beneficiary.lineIndexes) {
        const units = profile.lines[l]!.segments.map((facts) => facts.deductionUnit).filter((unit) => unit > 0);
        if (units.length === 0) continue;
        acts += pmf[l]!.length;
        smallest = Math.min(smallest, ...units);
      }
      if (acts > 0) walked += Math.min(acts, (4 * Math.max(profile.pfPerYearCap, profile.franchisePerYearCap)) / smallest);
    }
    fixed += samples * (profile.lines.length + walked) + (tabulated ? 2 * tables : 0);
    // Per offer: the lines' tables (counted runs), the sampled years, and the ceilings'
    // budget when some lines sharing a guarantee could be too costly to convolve exactly.
    perOffer += counts * 4 + stochastic.sampleCount * profile.lines.length + (mayNeedLattice(profile, pmf) ? stochastic.ceilingWork : 0);
  }
  return fixed + offerCount * perOffer;
}
