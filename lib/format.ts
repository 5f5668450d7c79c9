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

/** French writes the first day of a month as an ordinal: "1er janvier", Intl writes "1 janvier". */
export function withFirstOfMonth(parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((part) => (part.type === "day" && Number(part.value) === 1 ? "1er" : part.value)).join("");
}

/** "2026-01-01" → "1er janvier 2026", "2026-03-15" → "15 mars 2026". */
export function formatIsoDate(iso: string): string {
  return withFirstOfMonth(dateFormat.formatToParts(new Date(`${iso}T00:00:00Z`)));
}

/**
 * "de" before a name, elided before a vowel or a mute h as French requires: "d’Adulte 1",
 * "d’Hélène", "de Marie". An h is taken as mute: names with an aspirated h are rare.
 */
export function deName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüÿæœ]/i.test(name.trim()) ? `d’${name.trim()}` : `de ${name.trim()}`;
}
