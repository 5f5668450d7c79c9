import { describe, expect, it } from "vitest";
import { rateLimitKey } from "@/lib/auth/rate-limit";
import { COMPARISON_RATE_LIMITS, countComparisonOf } from "@/lib/compare/comparison-rate-limit";
import { EngineRefusal } from "@/lib/compare/engine-refusal";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("compare-rate");

describe("no rate limit on comparisons (issue 12 §1)", () => {
  it("one address gets its limit a minute across two instances, then a French refusal; another address is unaffected", async () => {
    const [instanceA, instanceB] = [database.client(), database.client()];
    const ip = "203.0.113.7";
    const { limit } = COMPARISON_RATE_LIMITS.perClient;
    await Promise.all(Array.from({ length: limit }, (_, i) => countComparisonOf(i % 2 ? instanceA : instanceB, ip)));
    const refusal = await countComparisonOf(instanceA, ip).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EngineRefusal);
    expect((refusal as EngineRefusal).reason).toBe("rate-limited");
    expect((refusal as EngineRefusal).message).toBe("Trop de comparaisons en peu de temps : patientez une minute avant de recommencer.");
    await expect(countComparisonOf(instanceB, "203.0.113.8")).resolves.toBeUndefined();
    // A minute later the window is over.
    await query(database.url, `UPDATE "RateLimitCounter" SET "windowStart" = "windowStart" - interval '61 seconds' WHERE "key" = $1`, [rateLimitKey(COMPARISON_RATE_LIMITS.perClient, ip)]);
    await expect(countComparisonOf(instanceA, ip)).resolves.toBeUndefined();
  });

  it("all addresses together are limited too", async () => {
    const key = rateLimitKey(COMPARISON_RATE_LIMITS.global, "all");
    await countComparisonOf(database.client(), "198.51.100.2");
    await query(database.url, `UPDATE "RateLimitCounter" SET "count" = $2 WHERE "key" = $1`, [key, COMPARISON_RATE_LIMITS.global.limit]);
    const refusal = await countComparisonOf(database.client(), "198.51.100.1").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EngineRefusal);
    expect((refusal as EngineRefusal).reason).toBe("rate-limited");
  });
});
