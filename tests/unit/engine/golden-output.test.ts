import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { quoteOffers } from "@/lib/engine";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

/**
 * The engine's exact output on fixed inputs. Speed-ups of the engine (its random draws,
 * the memo of deductions) must not move a single cent or rank: this digest was taken
 * before them. A deliberate change of the rules changes it: update it in the same commit
 * and say why.
 */
const GOLDEN = "ef57430d578c939ea42e7f7ea48b779c05646a08fcbc82ec55ec4b3189b1f4d6";

describe("engine output", () => {
  it("is byte-for-byte what it was on the reference profiles and 60 synthetic offers", () => {
    const offers = generateSyntheticOffers({ count: 60, seed: 3 });
    const digest = createHash("sha256");
    for (const { profile } of REFERENCE_PROFILES) {
      digest.update(JSON.stringify(quoteOffers(offers, profile, { sort: "total", breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } })));
      digest.update(JSON.stringify(quoteOffers(offers.slice(0, 5), profile, { sort: "rac", breakdown: true })));
    }
    expect(digest.digest("hex")).toBe(GOLDEN);
  });
});
