/**
 * npm run bench — ranking throughput of the engine on seeded synthetic catalogues
 * against the 2-adult-2-children profile (12 care lines). Prints JSON. Ranking only
 * (breakdown: false): the per-act breakdown is built for the offers a page shows.
 */
import { quoteOffers, type QuoteOptions } from "../lib/engine";
import { referenceProfile } from "../seed/factories/profiles";
import { generateSyntheticOffers } from "../seed/factories/synthetic-catalogue";

const RUNS = 5;
const profile = referenceProfile("couple-avec-enfants");
const careLines = profile.beneficiaries.reduce((sum, b) => sum + b.care.length, 0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(size: number, options: QuoteOptions) {
  const offers = generateSyntheticOffers({ count: size, seed: 7 });
  quoteOffers(offers.slice(0, 200), profile, options); // warm-up (JIT)
  const times: number[] = [];
  let ranked = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    ranked = quoteOffers(offers, profile, options).offers.length;
    times.push(performance.now() - start);
  }
  const latency = median(times);
  return {
    offers: size,
    ranked,
    medianMs: Math.round(latency * 10) / 10,
    minMs: Math.round(Math.min(...times) * 10) / 10,
    offersPerSecond: Math.round((size / latency) * 1000),
  };
}

const results: ({ mode: string } & ReturnType<typeof measure>)[] = [];
for (const size of [1_000, 10_000]) {
  results.push({ mode: "scenario", ...measure(size, { mode: "scenario", breakdown: false }) });
  results.push({ mode: "full", ...measure(size, { mode: "full", breakdown: false }) });
}
const targets = { fullTenThousandMs: 1000, scenarioTenThousandMs: 200 };
const tenThousand = (mode: string) => results.find((r) => r.mode === mode && r.offers === 10_000)!.medianMs;
console.log(
  JSON.stringify(
    {
      profile: "couple-avec-enfants",
      beneficiaries: profile.beneficiaries.length,
      careLines,
      runs: RUNS,
      node: process.version,
      results,
      targets,
      targetsMet: {
        full: tenThousand("full") <= targets.fullTenThousandMs,
        scenario: tenThousand("scenario") <= targets.scenarioTenThousandMs,
      },
    },
    null,
    2,
  ),
);
