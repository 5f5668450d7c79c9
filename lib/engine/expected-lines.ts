import { actDay, actSegments } from "./compile-profile";
import type { OfferTerms } from "./scenario";
import { allocateCents } from "./money";
import type { CeilingPayment, StochasticProfile } from "./stochastic";

/** A care line's expected yearly figures under one offer, in whole cents (and its mean count). */
export interface LineExpectation {
  /** Mean number of acts the law used (the entered mean, up to the negligible truncated tail). */
  count: number;
  price: number;
  secu: number;
  mutuelle: number;
  rac: number;
}

/**
 * The expected figures of every care line under one offer, from the same Poisson laws as
 * the offer's expected reste à charge, and adding up to it to the cent:
 * - billed, Sécu (before deductions) and what the mutuelle pays outside any ceiling are
 *   plain expectations over each line's count;
 * - the participation forfaitaire and franchises, capped at 50 € a year per person
 *   across lines, are shared in each sampled year in proportion to what each line
 *   deducts (StochasticProfile.expectedDeductionsByLine);
 * - a ceiling pays the mean the offer's figure subtracted (evaluateStochastic's
 *   `ceilings`: E[min(Σ claims, ceiling)] exactly, or its bounded figure when the exact
 *   convolution would not fit the work budget), shared among its lines in proportion to
 *   their expected claims. E[min(Σ, ceiling)] does not split by line exactly (a line's
 *   part depends on the others' counts), so this share is an attribution, also when
 *   the mean is exact; it keeps the lines' sum on the offer's figure.
 * The amounts are then rounded by largest remainder so that, over the lines, RAC adds up
 * to `expectedRac`, Sécu and billed to their rounded totals, and mutuelle to the rest;
 * each line's billed is its Sécu + mutuelle + RAC (within a cent of its own rounding).
 */
export function expectLines(terms: OfferTerms, stochastic: StochasticProfile, expectedRac: number, ceilings: readonly CeilingPayment[]): LineExpectation[] {
  const profile = terms.profile;
  const lineCount = profile.lines.length;
  const price = new Float64Array(lineCount);
  const secu = new Float64Array(lineCount);
  const mutuelle = new Float64Array(lineCount);
  // claims[period][line]: what a line's acts claim from its ceiling on average.
  const claims = [new Float64Array(lineCount), new Float64Array(lineCount)];

  for (let l = 0; l < lineCount; l += 1) {
    const pmf = stochastic.pmf[l]!;
    const line = profile.lines[l]!;
    const ceiling = terms.offer.guaranteeAt(line.guaranteeIndex).ceiling;
    const periods = ceiling >= 0 ? terms.ceilingPeriodCount(ceiling) : 1;
    if (line.segments.length === 1 && terms.waitEndDay(l) <= profile.periodStart && periods === 1) {
      // One set of figures all year: the means are the mean count times the act's figures.
      const t = terms.get(l, 0);
      const mean = stochastic.truncatedMean[l]!;
      price[l] = mean * t.price;
      secu[l] = mean * t.secuGross;
      mutuelle[l] = mean * (t.fixed + (ceiling < 0 ? t.capped : 0));
      claims[0]![l] = mean * (ceiling < 0 ? 0 : t.capped);
    } else {
      // Acts differ by date (a tariff change, a waiting period, two ceiling periods, a
      // yearly cap on sessions): the year of n acts is laid out as the scenario lays it out.
      const periodDays = profile.periodEnd - profile.periodStart;
      for (let n = 1; n < pmf.length; n += 1) {
        const p = pmf[n]!;
        if (p === 0) continue;
        const days = Array.from({ length: n }, (_, i) => actDay(profile.periodStart, periodDays, i, n));
        const segments = actSegments(profile, line, days);
        for (let i = 0; i < n; i += 1) {
          const t = terms.get(l, segments[i]!);
          price[l]! += p * t.price;
          secu[l]! += p * t.secuGross;
          if (terms.waiting(l, days[i]!)) continue;
          mutuelle[l]! += p * t.fixed;
          if (ceiling < 0) mutuelle[l]! += p * t.capped;
          else claims[terms.ceilingPeriod(ceiling, days[i]!)]![l]! += p * t.capped;
        }
      }
    }
    // The deductions' mean is sampled, the Sécu's exact: where the Sécu pays no more than
    // the deduction (a tarif d'autorité), sampling noise must not make it negative.
    secu[l] = Math.max(0, secu[l]! - stochastic.expectedDeductionsByLine[l]!);
  }
  for (const group of ceilings) {
    const groupClaims = claims[group.period]!;
    const claimed = group.lines.reduce((sum, l) => sum + groupClaims[l]!, 0);
    if (claimed > 0) for (const l of group.lines) mutuelle[l]! += (group.paid * groupClaims[l]!) / claimed;
  }

  const rac = Array.from(price, (billed, l) => Math.max(0, billed - secu[l]! - mutuelle[l]!));
  const total = (values: ArrayLike<number>) => Math.round(Array.from(values).reduce((sum, value) => sum + value, 0));
  const racCents = allocateCents(rac, expectedRac);
  const secuCents = allocateCents(secu, total(secu));
  const mutuelleCents = allocateCents(mutuelle, total(price) - total(secu) - expectedRac);
  return profile.lines.map((_, l) => ({
    count: stochastic.truncatedMean[l]!,
    price: secuCents[l]! + mutuelleCents[l]! + racCents[l]!,
    secu: secuCents[l]!,
    mutuelle: mutuelleCents[l]!,
    rac: racCents[l]!,
  }));
}
