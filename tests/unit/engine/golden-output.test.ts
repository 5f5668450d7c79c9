import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { quoteOffers } from "@/lib/engine";
import { REFERENCE_PROFILES, referenceProfile } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

/**
 * The engine's exact output on fixed inputs. Speed-ups of the engine (its random draws,
 * the memo of deductions) must not move a single cent or rank: this digest was taken
 * before them. A deliberate change of the rules changes it: update it in the same commit
 * and say why.
 */
const GOLDEN = "669719a476d4c7983932d3bd82b2f62b80ab7cebfda04da999c1db387e887ae6";

const GOLDEN_MID_YEAR = "dcc1f3a249f5fdb1cc28f5a73c8b01dec319c1fb810ac4d3137e880c73294346";

describe("engine output", () => {
  it("is byte-for-byte what it was on the reference profiles and 60 synthetic offers", () => {
    const offers = generateSyntheticOffers({ count: 60, seed: 3 });
    const digest = createHash("sha256");
    for (const { id } of REFERENCE_PROFILES) {
      const profile = referenceProfile(id);
      digest.update(JSON.stringify(quoteOffers(offers, profile, { sort: "total", breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } })));
      digest.update(JSON.stringify(quoteOffers(offers.slice(0, 5), profile, { sort: "rac", breakdown: true })));
    }
    expect(digest.digest("hex")).toBe(GOLDEN);
  });

  it("is what it was for the same profiles starting mid-year (franchises and participations of a second calendar year)", () => {
    const offers = generateSyntheticOffers({ count: 60, seed: 3 });
    const digest = createHash("sha256");
    for (const { id } of REFERENCE_PROFILES) {
      const profile = { ...referenceProfile(id), startDate: "2026-07-15" };
      digest.update(JSON.stringify(quoteOffers(offers, profile, { sort: "total", breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } })));
    }
    expect(digest.digest("hex")).toBe(GOLDEN_MID_YEAR);
  });
});
