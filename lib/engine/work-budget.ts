import { EXACT_MAP_WORK, exactMapWork, type CeilingLine } from "./ceiling-mean";
import { ProfileError, type CompiledProfile } from "./compile-profile";
import { poissonPmf } from "./distribution";
import { DEFAULT_STOCHASTIC_OPTIONS, dayTableEntries, type StochasticOptions } from "./stochastic";

/**
 * The engine's cost model. A quote's work is estimated from the compiled profile, the
 * number of offers and the options before anything runs, in work units of roughly the
 * same cost (one act simulated, one sampled count read, one convolution cell, one
 * deducted act walked: a few nanoseconds each on the machines of docs/operations.md).
 * Over quoteWorkBudget(offers) the quote is refused with a QuoteTooLargeError; under it, the
 * parts whose exact cost is unbounded (shared-ceiling convolutions) run within their own
 * budget, QUOTE_CEILING_WORK, split among the offers.
 */

/**
 * What a quote may cost, in work units: a fixed part for the profile (its sampled years,
 * deductions and schedule, the same on every page) and an allowance per offer quoted,
 * since the catalogue's size is the operator's choice, not the visitor's. Calibrated on
 * this 2-core machine (docs/operations.md, "Engine cost"): a unit costs 4–100 ns
 * depending on the profile and the machine's load, so 5 M + 0.25 M an offer (18 M for the
 * demo's 52 offers) is at most ~0.25 s of engine on an idle core. The 400 profiles of the
 * load test need at most 3.8 M on the demo catalogue, the reference profiles at most
 * 2.6 M; ten people with a dozen lines each near the yearly limits are refused before
 * anything runs instead of holding a core for seconds.
 */
export const QUOTE_WORK_BASE = 5_000_000;
export const QUOTE_WORK_PER_OFFER = 250_000;

/** The sampled years the comparison pages ask for (lib/compare/run-comparison.ts), which the budget above is for. */
const BUDGETED_SAMPLES = 10_000;

/**
 * The budget of a quote of `offerCount` offers. A caller asking for more sampled years
 * (the engine's default is 50 000; the sample count is the server's choice, never the
 * visitor's) gets a budget in proportion: the budget bounds what the profile costs.
 */
export function quoteWorkBudget(offerCount: number, stochastic: Pick<StochasticOptions, "sampleCount" | "deductionSampleCount">): number {
  const samples = Math.max(stochastic.sampleCount, stochastic.deductionSampleCount);
  return (QUOTE_WORK_BASE + offerCount * QUOTE_WORK_PER_OFFER) * Math.max(1, samples / BUDGETED_SAMPLES);
}

/** Convolution cells for the ceilings shared by several lines, for all the offers of a quote. */
export const QUOTE_CEILING_WORK = 8_000_000;

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
    // Draws, and the deducted acts walked per sampled year: all of a person's deducted
    // acts in the worst case. The walk stops once the person's yearly caps are reached,
    // but acts of several lines on the same days add nothing past the 4 € daily cap, so
    // the yearly cap may never be reached and every act is walked (measured: ten people
    // with twelve 100-a-year lines each walked them all, seconds of engine).
    let walked = 0;
    for (const beneficiary of profile.beneficiaries) {
      for (const l of beneficiary.lineIndexes) {
        if (profile.lines[l]!.segments.some((facts) => facts.deductionUnit > 0)) walked += pmf[l]!.length;
      }
    }
    fixed += samples * (profile.lines.length + walked) + (tabulated ? 2 * tables : 0);
    // Per offer: the lines' tables (counted runs), the sampled years, and the ceilings'
    // budget when some lines sharing a guarantee could be too costly to convolve exactly.
    perOffer += counts * 4 + stochastic.sampleCount * profile.lines.length + (mayNeedLattice(profile, pmf) ? stochastic.ceilingWork : 0);
  }
  return fixed + offerCount * perOffer;
}
