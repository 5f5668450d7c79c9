/**
 * tsx scripts/engine-cost.ts [seed] [count] — the engine's cost model against measured
 * time, on the demo catalogue, for the reference profiles and the most expensive valid
 * profiles of the abuse system test's search: per page (ranking of 52 offers, explanation
 * of one, side-by-side of three), the estimated work units, the time (or the refusal)
 * and the ns a unit. docs/operations.md ("Engine cost") quotes it; the work budget
 * (lib/engine/work-budget.ts) is calibrated on it.
 */
import fc from "fast-check";
import { estimateQuoteWork, quoteOffers, quoteWorkBudget, type QuoteOptions } from "../lib/engine";
import { compileProfile } from "../lib/engine/compile-profile";
import { DEFAULT_STOCHASTIC_OPTIONS } from "../lib/engine/stochastic";
import { ceilingWorkPerOffer } from "../lib/engine/work-budget";
import type { Profile } from "../lib/schemas/profile";
import { profileSchema } from "../lib/schemas/profile";
import { buildDemoCatalogue } from "../seed/demo-catalogue";
import { REFERENCE_PROFILE_IDS, referenceProfile } from "../seed/factories/profiles";
import { expensiveProfile } from "./lib/expensive-profiles";

const seed = Number(process.argv[2] ?? 20_261_130);
const count = Number(process.argv[3] ?? 14);
const offers = buildDemoCatalogue().offers;
// The options of lib/compare/run-comparison.ts.
const monteCarlo = { deductionSampleCount: 10_000, ceilingWork: ceilingWorkPerOffer(offers.length) };
const pages: [string, number, QuoteOptions][] = [
  ["ranking", offers.length, { breakdown: false, monteCarlo }],
  ["explanation", 1, { breakdown: true, monteCarlo }],
  ["side-by-side", 3, { breakdown: true, monteCarlo }],
];
const profiles: [string, Profile][] = [
  ...REFERENCE_PROFILE_IDS.map((id): [string, Profile] => [id, referenceProfile(id)]),
  ...fc.sample(expensiveProfile, { numRuns: count, seed }).map((input, index): [string, Profile] => [`valid #${index}`, profileSchema.parse(input)]),
];
quoteOffers(offers, profiles[0]![1], pages[0]![2]); // warm-up (JIT)
for (const [name, profile] of profiles) {
  for (const [page, offerCount, options] of pages) {
    const quoted = offers.slice(0, offerCount);
    const work = estimateQuoteWork(compileProfile(profile), { offerCount, mode: "full", breakdown: options.breakdown ?? true, stochastic: { ...DEFAULT_STOCHASTIC_OPTIONS, ...options.monteCarlo } });
    const started = performance.now();
    let outcome = "answered";
    try {
      quoteOffers(quoted, profile, options);
    } catch (error) {
      outcome = `refused (${(error as Error).constructor.name})`;
    }
    const ms = performance.now() - started;
    console.log(
      [name, page, `${(work / 1e6).toFixed(1)} M / ${(quoteWorkBudget(offerCount, { ...DEFAULT_STOCHASTIC_OPTIONS, ...options.monteCarlo }) / 1e6).toFixed(1)} M`, `${Math.round(ms)} ms`, outcome, `${((ms * 1e6) / work).toFixed(1)} ns/unit`].join("\t"),
    );
  }
}
