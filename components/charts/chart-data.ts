import type { OfferResult } from "@/lib/compare/types";
import { toCents } from "@/lib/format";

/** "Insurer — formula": several insurers name their formulas alike ("Essentiel"). */
export const offerName = (offer: Pick<OfferResult, "insurer" | "formula">) => `${offer.insurer} — ${offer.formula}`;

/**
 * The offers that no other offer beats on both premium and expected reste à charge,
 * by increasing premium: the line a person should choose on.
 */
export function efficientFrontier(offers: readonly OfferResult[]): OfferResult[] {
  const byPremium = [...offers].sort(
    (a, b) => toCents(a.annualPremium) - toCents(b.annualPremium) || toCents(a.expectedRac) - toCents(b.expectedRac),
  );
  const frontier: OfferResult[] = [];
  for (const offer of byPremium) {
    const last = frontier.at(-1);
    if (!last || toCents(offer.expectedRac) < toCents(last.expectedRac)) frontier.push(offer);
  }
  return frontier;
}

/**
 * Evenly spaced axis ticks in cents, from 0 to a round value at or above `maxCents`:
 * steps of 1, 2, 2.5 or 5 times a power of ten euros, about `count` of them, so the
 * axis reads 0 / 1 000 / 2 000 / 3 000 rather than leaving some out unevenly.
 */
export function evenTicks(maxCents: number, count = 5): number[] {
  const maxEuros = Math.max(maxCents / 100, 1);
  const rough = maxEuros / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let value = 0; value < maxEuros + step; value += step) {
    ticks.push(Math.round(value * 100));
    if (value >= maxEuros) break;
  }
  return ticks;
}
