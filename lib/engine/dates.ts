/**
 * Dates as whole days since 1970-01-01 (UTC): the engine compares and spreads acts over
 * the year with integers, no Date object in the loops.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Same day of month `months` later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY);
}

export function firstDayOfYear(year: number): number {
  return Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
}

const frenchDateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "1 janvier 2026": for the engine's French messages. */
export function frenchDate(day: number): string {
  return frenchDateFormat.format(new Date(day * MS_PER_DAY));
}
