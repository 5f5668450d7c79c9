/**
 * Money inside the engine is integer cents in plain numbers: exact up to 2^53, fast in
 * the Monte-Carlo loops, and the only arithmetic is +, − and the rate product below.
 * Rates are integer basis points (7000 = 70 %).
 */

/**
 * rate × amount rounded half-up on the cent, as the Sécu rounds its reimbursements
 * (70 % of 26,50 € = 18,55 €; 60 % of 0,15 € = 0,09 €). Both operands are non-negative
 * integers, so the integer formula is exact.
 */
export function applyRate(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5000) / 10000);
}

export function positive(cents: number): number {
  return cents > 0 ? cents : 0;
}

export { centsToMoney, moneyToCents } from "../schemas/money";

/** Percent (up to two decimals, e.g. 137.5) to basis points, without float drift. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Whole cents for `values` (cents, not rounded) that add up exactly to `total`: each value
 * floored, then the missing cents given to the largest remainders, ties to the largest
 * values (or, should the total be below the floors, taken back from the smallest
 * remainders among positive amounts). Largest-remainder rounding: when `total` is the
 * rounded sum of the values, every amount moves by less than a cent.
 */
export function allocateCents(values: ArrayLike<number>, total: number): number[] {
  const floors = Array.from(values, (value) => Math.floor(value));
  const remainder = (index: number) => values[index]! - floors[index]!;
  const order = Array.from(values, (_, index) => index).sort(
    (a, b) => remainder(b) - remainder(a) || values[b]! - values[a]! || a - b,
  );
  let missing = total - floors.reduce((sum, value) => sum + value, 0);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing -= 1) floors[order[k]!]! += 1;
  while (missing < 0) {
    let taken = false;
    for (let k = order.length - 1; missing < 0 && k >= 0; k -= 1) {
      if (floors[order[k]!]! > 0) {
        floors[order[k]!]! -= 1;
        missing += 1;
        taken = true;
      }
    }
    if (!taken) break;
  }
  return floors;
}
