const integerFormat = new Intl.NumberFormat("fr-FR");

/** "1 234 offres", "1 offre": a count with its French noun, plural when above one. */
export function formatCount(count: number, noun: string): string {
  return `${integerFormat.format(count)} ${count > 1 ? `${noun}s` : noun}`;
}

const meanFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A mean number of acts a year: "0,3", "2", "1,25". */
export function formatMean(mean: number): string {
  return meanFormat.format(mean);
}

const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * "1234.5" → "1 234,50 €". Amounts arrive as exact decimal strings with two decimals;
 * a double holds any such amount below 2^53 cents exactly, so formatting cannot round.
 */
export function formatEuros(amount: string): string {
  return euroFormat.format(Number(amount));
}

/** Exact cents of a decimal money string, for sorting and filtering without float drift. */
export function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-01-01" → "1 janvier 2026". */
export function formatIsoDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}
