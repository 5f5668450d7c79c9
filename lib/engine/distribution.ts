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
  // The state as int32 (same bits): uint32 values past 2^31 kept in closure variables
  // are boxed on every write, which made each draw allocate.
  const state = new Int32Array([splitmix(), splitmix(), splitmix(), splitmix()]);
  return () => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (a + b + d) >>> 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
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

/**
 * Inverse-CDF draw from a truncated pmf (the last value absorbs the negligible tail):
 * the definition drawManyFromPmf must match draw for draw (tests use it as the reference).
 */
export function drawFromPmf(pmf: Float64Array, u: number): number {
  let cumulative = 0;
  const last = pmf.length - 1;
  for (let n = 0; n < last; n += 1) {
    cumulative += pmf[n]!;
    if (u < cumulative) return n;
  }
  return last;
}

/**
 * `count` draws, identical to drawFromPmf(pmf, random()) called in turn: the same
 * cumulative sums, searched from a guide table instead of from 0 each time.
 */
export function drawManyFromPmf(pmf: Float64Array, random: () => number, count: number): Int32Array {
  const last = pmf.length - 1;
  const cumulative = new Float64Array(Math.max(last, 0));
  let sum = 0;
  for (let n = 0; n < last; n += 1) cumulative[n] = sum += pmf[n]!;
  // guide[j]: the first n whose cumulative exceeds j / buckets, where a draw in bucket j starts.
  const buckets = Math.max(1, last * 2);
  const guide = new Int32Array(buckets);
  for (let j = 0, n = 0; j < buckets; j += 1) {
    while (n < last && !(j / buckets < cumulative[n]!)) n += 1;
    guide[j] = n;
  }
  const out = new Int32Array(count);
  for (let s = 0; s < count; s += 1) {
    const u = random();
    let n = guide[Math.floor(u * buckets)]!;
    // u * buckets rounds: step back in the rare case u sits just below its bucket's start.
    while (n > 0 && u < cumulative[n - 1]!) n -= 1;
    while (n < last && !(u < cumulative[n]!)) n += 1;
    out[s] = n;
  }
  return out;
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
