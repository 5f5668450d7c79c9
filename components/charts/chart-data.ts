import type { ChartData, ChartPoint, OfferResult } from "@/lib/compare/types";

const OWNERSHIP_SUFFIX = { own: " (mon offre)", current: " (mon contrat actuel)" } as const;

/** "Insurer — formula": several insurers name their formulas alike ("Essentiel"); the person's own offers say so. */
export const offerName = (offer: Pick<OfferResult, "insurer" | "formula" | "ownership">) =>
  `${offer.insurer} — ${offer.formula}${offer.ownership ? OWNERSHIP_SUFFIX[offer.ownership] : ""}`;

/**
 * The scatter's points as its table lists them: the frontier and the sample of beaten
 * offers the server sent (lib/compare/ranking-view.ts), by increasing premium.
 */
export function scatterRows(chart: ChartData): (ChartPoint & { beaten: boolean })[] {
  return [...chart.frontier.map((point) => ({ ...point, beaten: false })), ...chart.beatenSample.map((point) => ({ ...point, beaten: true }))].sort(
    (a, b) => a.premiumCents - b.premiumCents || a.racCents - b.racCents || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0),
  );
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
