import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { enginePool, quoteOffersOffThread } from "../../lib/compare/engine-thread";
import { quoteOffers, type QuoteOptions } from "../../lib/engine";
import { ROOT } from "../../scripts/lib/next-build";
import { loadProfiles } from "../../scripts/lib/load-profiles";
import { profileSchema } from "../../lib/schemas/profile";
import { generateSyntheticOffers } from "../../seed/factories/synthetic-catalogue";

/** The engine thread of the production build (.next/engine-worker.mjs, built by the tier's setup). */
const OPTIONS: QuoteOptions = { sort: "total", breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } };

// Tests run with NODE_ENV=test, where the app leaves the worker off unless asked.
vi.stubEnv("ENGINE_WORKER", "1");

describe("rankings on the engine pool", () => {
  it("uses the worker bundle of the build", () => {
    expect(process.cwd()).toBe(path.resolve(ROOT));
    expect(existsSync(path.join(ROOT, ".next", "engine-worker.mjs"))).toBe(true);
    expect(enginePool()).not.toBeNull();
  });

  it("gives exactly the engine's result, across catalogue revisions and concurrent calls", async () => {
    const first = { revision: "1", offers: generateSyntheticOffers({ count: 40, seed: 1 }) };
    const second = { revision: "2", offers: generateSyntheticOffers({ count: 25, seed: 2 }) };
    const profiles = loadProfiles(12, 5).map((profile) => profileSchema.parse(profile));
    // Interleaved revisions, all in flight together: the worker must switch catalogues on demand.
    const calls = profiles.map((profile, i) => ({ catalogue: i % 3 === 2 ? second : first, profile }));
    const fallback = vi.spyOn(console, "error");
    const results = await Promise.all(calls.map(({ catalogue, profile }) => quoteOffersOffThread(catalogue, profile, OPTIONS)));
    results.forEach((result, i) => {
      const { catalogue, profile } = calls[i]!;
      expect(result).toEqual(quoteOffers(catalogue.offers, profile, OPTIONS));
    });
    // No call fell back to the request thread, and the worker is still the one serving.
    expect(fallback).not.toHaveBeenCalled();
    fallback.mockRestore();
    expect(enginePool()).not.toBeNull();
  });
});
