import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { hitAll, type RateLimitPolicy } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EngineRefusal } from "./engine-refusal";

/**
 * Public comparisons (the comparison action, a shared /comparer link, the explanation and
 * side-by-side pages) are counted in PostgreSQL like sign-in attempts (lib/auth/rate-limit.ts),
 * so the limits hold across app instances.
 */
export const COMPARISON_RATE_LIMITS = {
  /**
   * One address: a person editing a profile compares a few times a minute; 120 is two a
   * second sustained, what a script does, not a visitor (a household, or an office
   * behind one address, shares it).
   */
  perClient: { name: "compare:ip", limit: 120, windowMinutes: 1 },
  /**
   * All addresses together: ~330 comparisons a second, nearly twice the ~185 one instance
   * serves at 10 connections (docs/operations.md, Load): beyond, spreading addresses is an
   * attack on capacity, and refusing fast is kinder than queueing.
   */
  global: { name: "compare:all", limit: 20_000, windowMinutes: 1 },
} as const satisfies Record<string, RateLimitPolicy>;

/** Counts one comparison of a client address; an EngineRefusal("rate-limited") past a limit. */
export async function countComparisonOf(prisma: PrismaClient, ip: string): Promise<void> {
  const outcome = await hitAll(prisma, [
    [COMPARISON_RATE_LIMITS.perClient, ip],
    [COMPARISON_RATE_LIMITS.global, "all"],
  ]);
  if (!outcome.allowed) {
    const minutes = outcome.retryMinutes;
    throw new EngineRefusal(
      "rate-limited",
      `Trop de comparaisons en peu de temps : patientez ${minutes === 1 ? "une minute" : `${minutes} minutes`} avant de recommencer.`,
    );
  }
}

/** Counts one comparison of this request's client. */
export async function countComparison(): Promise<void> {
  await countComparisonOf(db(), clientIp(await headers()));
}

/** A public page's comparison: counted, then run; a refusal becomes its French message for the page to show. */
export async function comparePublicly<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    await countComparison();
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof EngineRefusal) return { ok: false, message: error.message };
    throw error;
  }
}
