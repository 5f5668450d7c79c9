/**
 * What an annual ceiling pays on average: E[min(S, amount)] where S = Σ X_l, the claims
 * of the independent lines sharing the ceiling, X_l = claims_l[N_l] with N_l of law
 * pmf_l. Claims and amount are integer cents.
 *
 * The exact convolution of the lines' laws costs the product of their supports (up to
 * the amount in cents) times the lines' pmf lengths: ~10⁹ steps for 60 lines of 366 acts
 * a year sharing a 500 € ceiling. Each group is given a work budget and this picks, in
 * order, the first way that fits it:
 *   1. the original exact convolution on a Map, when its worst-case work is small (every
 *      ordinary profile: its figures stay byte for byte what they were);
 *   2. exact E[S], when even the largest claims of all lines together stay under the
 *      amount (the ceiling is never reached);
 *   3. the convolution on a lattice of step h cents with the laws rounded onto it by
 *      mean-preserving splits (exact when h = 1 cent, claims being whole cents);
 * except that the dominant-line bound (4) is taken first when its error is negligible,
 * and kept over a lattice of step h > 1 when its error is the smaller.
 *
 * Error of 3: g(s) = E[min(s + the lines still to add, amount)] is concave with slopes in
 * [0, 1]; replacing a value by a mean-preserving split onto two lattice points at most w
 * apart moves E[g] by at most w/4 (the largest gap between such a function and its
 * chord on an interval of width w). One split per line: the error is at most the sum of
 * w/4 over the lines that had to be split, and the lattice result is never above the
 * exact mean (a chord lies under a concave function).
 * Error of 4: amount ≥ E[min(S, amount)] ≥ amount × P(some X_l ≥ amount) = amount ×
 * (1 − Π P(X_l < amount)); the midpoint is within half that interval.
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

/** Cents: an error this small cannot move a rounded figure by more than a cent. */
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

/** Cells updated by the lattice convolution of step h (pmf lengths bound each law's support, twice for the splits). */
export function latticeWork(lines: readonly CeilingLine[], amount: number, step: number): number {
  const cells = Math.ceil(amount / step) + 1;
  let work = 0;
  for (const line of lines) work += cells * Math.min(2 * line.pmf.length, cells);
  return work;
}

/** E[min(Σ claims, amount)] within `budget` work units (never less than what step 1 needs on a single line). */
export function expectedCeilingPayment(lines: readonly CeilingLine[], amount: number, budget: number): CeilingMean {
  if (amount <= 0) return { mean: 0, maxError: 0, work: 0 };
  const mapWork = exactMapWork(lines, amount);
  if (mapWork <= EXACT_MAP_WORK) return { mean: mapConvolution(lines, amount), maxError: 0, work: mapWork };

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
  if (largest <= amount) return { mean: sum, maxError: 0, work: lines.length };

  // Lines each likely to fill the ceiling alone (an abuse more than a household): settled without a convolution.
  const dominant = dominantLineBound(lines, amount);
  if (dominant.maxError <= NEGLIGIBLE_ERROR) return dominant;

  // The smallest step whose lattice fits the budget (the work only falls as the step grows).
  let low = 1;
  let high = amount;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (latticeWork(lines, amount, middle) <= budget) high = middle;
    else low = middle + 1;
  }
  const lattice = latticeConvolution(lines, amount, low);
  if (lattice.maxError === 0) return lattice;
  return dominant.maxError < lattice.maxError ? dominant : lattice;
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
 * Lattice points 0, h, 2h, … below the amount, then the amount itself (the last cell):
 * a sum reaching the amount stays there, as min(s + x, amount) = amount for s = amount.
 */
function latticeConvolution(lines: readonly CeilingLine[], amount: number, step: number): CeilingMean {
  const cap = Math.ceil(amount / step);
  const pointOf = (cell: number) => (cell >= cap ? amount : cell * step);
  let distribution = new Float64Array(cap + 1);
  distribution[0] = 1;
  let maxError = 0;
  let work = 0;
  const law = new Float64Array(cap + 1);
  const tail = new Float64Array(cap + 2);
  for (const { claims, pmf } of lines) {
    law.fill(0);
    let widestSplit = 0;
    for (let n = 0; n < pmf.length; n += 1) {
      const weight = pmf[n]!;
      if (weight === 0) continue;
      const value = claims[n]!;
      if (value >= amount) {
        law[cap]! += weight;
        continue;
      }
      const cell = Math.floor(value / step);
      const below = cell * step;
      if (below === value) {
        law[cell]! += weight;
        continue;
      }
      const above = pointOf(cell + 1);
      const upper = (value - below) / (above - below);
      law[cell]! += weight * (1 - upper);
      law[cell + 1]! += weight * upper;
      widestSplit = Math.max(widestSplit, above - below);
    }
    maxError += widestSplit / 4;
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
  let mean = 0;
  for (let i = 0; i <= cap; i += 1) mean += distribution[i]! * pointOf(i);
  return { mean, maxError, work };
}

function dominantLineBound(lines: readonly CeilingLine[], amount: number): CeilingMean {
  let allBelow = 1;
  let work = 0;
  for (const { claims, pmf } of lines) {
    let below = 0;
    for (let n = 0; n < pmf.length && claims[n]! < amount; n += 1) below += pmf[n]!;
    allBelow *= Math.min(1, below);
    work += pmf.length;
  }
  const lower = amount * (1 - allBelow);
  return { mean: (amount + lower) / 2, maxError: (amount - lower) / 2, work };
}
