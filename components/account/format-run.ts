import { withFirstOfMonth } from "@/lib/format";

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** "2026-11-23T12:45:00.000Z" → "23 novembre 2026 à 13:45", French time (the same on the server and in the browser). */
export function formatDateTime(iso: string): string {
  return withFirstOfMonth(dateTimeFormat.formatToParts(new Date(iso)));
}

/** "12@2026-11-23" (lib/catalogue's revision: counter, then the day it was checked on) → "n° 12". */
export function catalogueRevisionLabel(revision: string): string {
  return `n° ${revision.split("@")[0]}`;
}

export const SORT_LABELS = { total: "coût total", rac: "reste à charge attendu" } as const;
