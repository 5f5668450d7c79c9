/** Seeded pseudo-random numbers and the Poisson law, for reproducible Monte-Carlo. */

/** sfc32 seeded through splitmix32: fast, 128-bit state, good enough for simulation. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * Poisson probabilities P(N = n) for n = 0…nmax, truncated once past the mean the
 * remaining tail is below 1e-12 (what is left cannot move a figure by a cent).
 */
export function poissonPmf(mean: number, atLeast = 0): Float64Array {
  if (mean <= 0) return Float64Array.of(1);
  const values: number[] = [];
  // Start from the log to stay finite for large means, then walk the recurrence.
  let p = Math.exp(-mean);
  let cumulative = 0;
  for (let n = 0; ; n += 1) {
    if (n > 0) p = (p * mean) / n;
    values.push(p);
    cumulative += p;
    if (n >= atLeast && n > mean && 1 - cumulative < 1e-12) break;
  }
  return Float64Array.from(values);
}

/** Inverse-CDF draw from a truncated pmf (the last value absorbs the negligible tail). */
export function drawFromPmf(pmf: Float64Array, u: number): number {
  let cumulative = 0;
  const last = pmf.length - 1;
  for (let n = 0; n < last; n += 1) {
    cumulative += pmf[n]!;
    if (u < cumulative) return n;
  }
  return last;
}

/** k-th smallest value (0-based) of `values`, reordering it in place (Hoare quickselect). */
export function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const tmp = values[i]!;
        values[i] = values[j]!;
        values[j] = tmp;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
