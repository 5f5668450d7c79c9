/**
 * What an annual ceiling pays on average: E[min(S, amount)] where S = Σ X_l, the claims
 * of the independent lines sharing the ceiling, X_l = claims_l[N_l] with N_l of law
 * pmf_l. Claims and amount are integer cents.
 *
 * The exact convolution of the lines' laws costs the product of their supports (up to
 * the amount in cents) times the lines' pmf lengths: ~10⁹ steps for 60 lines of 366 acts
 * a year sharing a 500 € ceiling. Each group is given a work budget:
 *   1. when the exact convolution's worst-case work is small (every ordinary profile),
 *      it runs as it always did, on a Map: figures byte for byte what they were;
 *   2. when even the largest claims of all lines together stay under the amount (the
 *      ceiling is never reached), the mean is E[S], exact;
 *   3. otherwise the mean is enclosed between rigorous bounds and the midpoint returned
 *      with half the interval as its stated error (maxError):
 *      - above: amount, and E[S];
 *      - below: amount × P(some line alone reaches the amount) = amount × (1 − Π P(X_l < amount));
 *      - both sides: the convolution on a lattice of step h cents of the claims rounded
 *        down, and of the claims rounded up (min is monotone, so these enclose the mean),
 *        h being the smallest step whose two convolutions fit the budget. With h = 1
 *        cent both roundings are the identity (claims are whole cents): exact.
 * The error is therefore measured on the case itself, not a worst case; tests check the
 * exact mean lies within it.
 */

export interface CeilingLine {
  /** claims[n]: what n acts claim from the ceiling, integer cents. */
  claims: Float64Array;
  /** P(N = n). */
  pmf: Float64Array;
}

export interface CeilingMean {
  /** Cents, not rounded. */
  mean: number;
  /** Largest possible distance to the exact mean, in cents (0: exact). */
  maxError: number;
  /** Work units spent (Map insertions or lattice cell updates). */
  work: number;
}

/** Worst-case Map steps under which the original exact convolution runs (a few milliseconds). */
export const EXACT_MAP_WORK = 200_000;

/** Cents: bounds this close need no convolution. */
const NEGLIGIBLE_ERROR = 0.01;

/** Upper bound of the Map convolution's steps: supports multiply, up to amount + 1 whole-cent values. */
export function exactMapWork(lines: readonly CeilingLine[], amount: number): number {
  let support = 1;
  let work = 0;
  for (const line of lines) {
    work += support * line.pmf.length;
    support = Math.min(support * line.pmf.length, amount + 1);
  }
  return work;
}

/** Cells updated by the two lattice convolutions of step h (a law's support is at most its pmf's length). */
export function latticeWork(lines: readonly CeilingLine[], amount: number, step: number): number {
  const cells = Math.ceil(amount / step) + 1;
  let work = 0;
  for (const line of lines) work += 2 * cells * Math.min(line.pmf.length, cells);
  return work;
}

/** A group's mean settled without a lattice (exact, or bounds already negligible), or its bounds so far. */
export type CeilingSettlement = { settled: true; result: CeilingMean } | { settled: false; lower: number; upper: number };

/** Steps 1, 2 and the cheap bounds of 3: what needs no budget. */
export function settleCheaply(lines: readonly CeilingLine[], amount: number): CeilingSettlement {
  if (amount <= 0) return { settled: true, result: { mean: 0, maxError: 0, work: 0 } };
  const mapWork = exactMapWork(lines, amount);
  if (mapWork <= EXACT_MAP_WORK) return { settled: true, result: { mean: mapConvolution(lines, amount), maxError: 0, work: mapWork } };
  let largest = 0;
  let sum = 0;
  for (const { claims, pmf } of lines) {
    let most = 0;
    for (let n = 1; n < pmf.length; n += 1) {
      sum += pmf[n]! * claims[n]!;
      most = Math.max(most, claims[n]!);
    }
    largest += most;
  }
  if (largest <= amount) return { settled: true, result: { mean: sum, maxError: 0, work: lines.length } };
  const lower = dominantLineLower(lines, amount);
  const upper = Math.min(amount, sum);
  if (upper - lower <= 2 * NEGLIGIBLE_ERROR) return { settled: true, result: { mean: (lower + upper) / 2, maxError: (upper - lower) / 2, work: lines.length } };
  return { settled: false, lower, upper };
}

/** Step 3's lattices, narrowing the bounds of an unsettled group within `budget` work units. */
export function boundByLattice(lines: readonly CeilingLine[], amount: number, bounds: { lower: number; upper: number }, budget: number): CeilingMean {
  // The smallest step whose lattices fit the budget (the work only falls as the step grows).
  let low = 1;
  let high = amount;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (latticeWork(lines, amount, middle) <= budget) high = middle;
    else low = middle + 1;
  }
  const down = latticeMean(lines, amount, low, Math.floor);
  const up = latticeMean(lines, amount, low, Math.ceil);
  const lower = Math.max(bounds.lower, down.mean);
  const upper = Math.min(bounds.upper, up.mean);
  return { mean: (lower + upper) / 2, maxError: Math.max(0, (upper - lower) / 2), work: down.work + up.work };
}

/** E[min(Σ claims, amount)] within `budget` work units for the lattices (the exact Map convolution runs under EXACT_MAP_WORK whatever the budget). */
export function expectedCeilingPayment(lines: readonly CeilingLine[], amount: number, budget: number): CeilingMean {
  const cheap = settleCheaply(lines, amount);
  return cheap.settled ? cheap.result : boundByLattice(lines, amount, cheap, budget);
}

/** The original exact convolution (values capped early: min is monotone). */
function mapConvolution(lines: readonly CeilingLine[], amount: number): number {
  if (lines.length === 1) {
    const { claims, pmf } = lines[0]!;
    let mean = 0;
    for (let n = 1; n < pmf.length; n += 1) mean += pmf[n]! * Math.min(claims[n]!, amount);
    return mean;
  }
  let values = [0];
  let probs = [1];
  for (const { claims, pmf } of lines) {
    const next = new Map<number, number>();
    for (let i = 0; i < values.length; i += 1) {
      for (let n = 0; n < pmf.length; n += 1) {
        const value = Math.min(values[i]! + claims[n]!, amount);
        next.set(value, (next.get(value) ?? 0) + probs[i]! * pmf[n]!);
      }
    }
    values = [...next.keys()];
    probs = [...next.values()];
  }
  let mean = 0;
  for (let i = 0; i < values.length; i += 1) mean += values[i]! * probs[i]!;
  return mean;
}

/**
 * E[min(S', amount)] where S' is S with each line's claims rounded (down or up) to a
 * multiple of the step: a lower or an upper bound of E[min(S, amount)], min being
 * monotone. Lattice points 0, h, 2h, … below the amount, then the amount itself (the
 * last cell): a sum reaching the amount stays there (min(s + x, amount) = amount).
 */
function latticeMean(lines: readonly CeilingLine[], amount: number, step: number, round: (x: number) => number): CeilingMean {
  const cap = Math.ceil(amount / step);
  let distribution = new Float64Array(cap + 1);
  distribution[0] = 1;
  let work = 0;
  const law = new Float64Array(cap + 1);
  const tail = new Float64Array(cap + 2);
  for (const { claims, pmf } of lines) {
    law.fill(0);
    for (let n = 0; n < pmf.length; n += 1) law[Math.min(cap, round(claims[n]! / step))]! += pmf[n]!;
    // tail[i] = P(current sum in cells i…cap), for the mass pushed to the amount.
    tail[cap + 1] = 0;
    for (let i = cap; i >= 0; i -= 1) tail[i] = tail[i + 1]! + distribution[i]!;
    const next = new Float64Array(cap + 1);
    for (let j = 0; j <= cap; j += 1) {
      const weight = law[j]!;
      if (weight === 0) continue;
      for (let i = 0; i + j < cap; i += 1) next[i + j]! += distribution[i]! * weight;
      next[cap]! += tail[Math.max(0, cap - j)]! * weight;
      work += cap + 1;
    }
    distribution = next;
  }
  let mean = distribution[cap]! * amount;
  for (let i = 0; i < cap; i += 1) mean += distribution[i]! * i * step;
  return { mean, maxError: 0, work };
}

/** amount × P(some line alone claims the amount) = amount × (1 − Π P(X_l < amount)) ≤ E[min(S, amount)]. */
function dominantLineLower(lines: readonly CeilingLine[], amount: number): number {
  let allBelow = 1;
  for (const { claims, pmf } of lines) {
    let below = 0;
    for (let n = 0; n < pmf.length; n += 1) if (claims[n]! < amount) below += pmf[n]!;
    allBelow *= Math.min(1, below);
  }
  return amount * (1 - allBelow);
}
