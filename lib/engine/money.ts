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
