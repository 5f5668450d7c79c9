import Decimal from "decimal.js";
import { z } from "zod";

/**
 * Money crosses JSON as a decimal string with two decimals ("30.00"). JSON numbers are
 * accepted for convenience and normalised through decimal.js from their shortest
 * decimal representation, so 0.1 + 0.2-style float noise cannot sneak in: a number
 * with more than two decimals is refused rather than silently rounded.
 */
const MONEY_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;

export const moneySchema = z
  .union([
    z.string().regex(MONEY_PATTERN, "Montant en euros attendu : des chiffres, au plus deux décimales, ex. 30,00"),
    z
      .number()
      .nonnegative("Un montant ne peut pas être négatif")
      .max(999_999_999, "Montant trop élevé")
      .refine((n) => new Decimal(n).decimalPlaces() <= 2, "Au plus deux décimales pour un montant"),
  ])
  .transform((value) => new Decimal(value).toFixed(2))
  .meta({ description: 'Montant en euros, chaîne décimale à deux décimales ("30.00"); un nombre JSON est accepté et normalisé.' });
export type Money = z.output<typeof moneySchema>;

/** Exact conversion of a normalised money string to integer cents. */
export function moneyToCents(money: string): number {
  // Digit by digit: called for every amount of every offer of a quote, so no split/Number.
  let cents = 0;
  let decimals = -1;
  for (let i = 0; i < money.length; i += 1) {
    const code = money.charCodeAt(i);
    if (code === 46) decimals = 0;
    else {
      cents = cents * 10 + (code - 48);
      if (decimals >= 0) decimals += 1;
    }
  }
  if (decimals <= 0) return cents * 100;
  return decimals === 1 ? cents * 10 : cents;
}

/** Integer cents to a money string ("1234" → "12.34"); cents are always integers here. */
export function centsToMoney(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${rest < 10 ? "0" : ""}${rest}`;
}

/** A percentage of the BR ("200" for 200 % BR), up to two decimals. */
export const percentSchema = z
  .number()
  .min(0, "Un taux ne peut pas être négatif")
  .max(2000, "Taux supérieur à 2000 %")
  .refine((n) => new Decimal(n).decimalPlaces() <= 2, "Au plus deux décimales pour un taux");

/** An ISO calendar date "YYYY-MM-DD" that exists; its message comes from the French error map (it names the field). */
export const isoDateSchema = z.iso.date();
