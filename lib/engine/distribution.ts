/** Seeded pseudo-random numbers and the Poisson law, for reproducible Monte-Carlo. */

/**
 * sfc32 seeded through splitmix32: fast, 128-bit state, good enough for simulation. Each
 * step gives a 32-bit integer t, the uniform number t / 2^32.
 */
export class SeededStream {
  // The state as int32 (same bits): uint32 values past 2^31 kept in fields or closure
  // variables are boxed on every write, which made each draw allocate.
  private readonly state: Int32Array;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.state = new Int32Array([splitmix(), splitmix(), splitmix(), splitmix()]);
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    const state = this.state;
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
  }

  /**
   * `count` draws of a pmf, identical to drawFromPmf(pmf, this.next()) called in turn:
   * the generator's steps inline (the state in locals), each integer looked up in the
   * pmf's guide table.
   */
  drawMany(pmf: Float64Array, count: number): Int32Array {
    const guide = new PmfGuide(pmf);
    const state = this.state;
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    const out = new Int32Array(count);
    for (let s = 0; s < count; s += 1) {
      const t = (a + b + d) >>> 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[s] = guide.draw(t);
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    return out;
  }
}

/** The generator as a function, one number at a time (the synthetic catalogue, the load profiles, tests). */
export function seededRandom(seed: number): () => number {
  const stream = new SeededStream(seed);
  return () => stream.next();
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
 * The inverse CDF of a pmf for a 32-bit integer t (u = t / 2^32), as drawFromPmf takes it:
 * the same cumulative sums, found from a guide table instead of searched from 0. With 2^k
 * buckets, bucket j = t >>> (32 − k) holds exactly the u with j / 2^k ≤ u < (j + 1) / 2^k;
 * a bucket inside one value's interval gives that value without a comparison (all but a
 * few in a hundred, at 64 buckets per value), only the buckets a cumulative sum cuts are
 * searched.
 */
export class PmfGuide {
  /** Per bucket, the value every u of it draws, or −1 − the first value to search from. */
  readonly buckets: Int32Array;
  /** 32 − log2(buckets): a bucket is t >>> shift. */
  readonly shift: number;
  private readonly cumulative: Float64Array;
  private readonly last: number;

  constructor(pmf: Float64Array) {
    const last = pmf.length - 1;
    const cumulative = new Float64Array(Math.max(last, 0));
    let sum = 0;
    for (let n = 0; n < last; n += 1) cumulative[n] = sum += pmf[n]!;
    // 64 to 4 096 buckets: a table of at most 16 kB for a line of 366 acts a year.
    const bits = Math.min(12, Math.max(6, Math.ceil(Math.log2(last * 64))));
    const count = 2 ** bits;
    const buckets = new Int32Array(count);
    for (let j = 0, n = 0; j < count; j += 1) {
      // The first n whose cumulative exceeds the bucket's lower end…
      while (n < last && !(j / count < cumulative[n]!)) n += 1;
      // …is every u's of the bucket when its upper end does not exceed that cumulative either.
      buckets[j] = n === last || (j + 1) / count <= cumulative[n]! ? n : -1 - n;
    }
    this.buckets = buckets;
    this.shift = 32 - bits;
    this.cumulative = cumulative;
    this.last = last;
  }

  draw(t: number): number {
    const n = this.buckets[t >>> this.shift]!;
    return n >= 0 ? n : this.search(t, -n - 1);
  }

  /** The draw for t, searching from `from` (the first value past its bucket's lower end). */
  private search(t: number, from: number): number {
    const u = t / 4294967296;
    let n = from;
    while (n < this.last && !(u < this.cumulative[n]!)) n += 1;
    return n;
  }
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
