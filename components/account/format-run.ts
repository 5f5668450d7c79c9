import { withFirstOfMonth } from "@/lib/format";

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** "2026-11-23T12:45:00.000Z" → "23 novembre 2026 à 13:45", French time (the same on the server and in the browser). */
export function formatDateTime(iso: string): string {
  return withFirstOfMonth(dateTimeFormat.formatToParts(new Date(iso)));
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/**
 * "catalogue mis à jour le 23 novembre 2026": when the catalogue a run used last changed
 * (a revision number means nothing to a person); null for runs saved before the date was kept.
 */
export function catalogueUpdatedLabel(lastRun: { catalogueUpdatedAt?: string }): string | null {
  return lastRun.catalogueUpdatedAt ? `catalogue mis à jour le ${withFirstOfMonth(dateFormat.formatToParts(new Date(lastRun.catalogueUpdatedAt)))}` : null;
}

export const SORT_LABELS = { total: "coût total", rac: "reste à charge attendu" } as const;
