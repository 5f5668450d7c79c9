import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import type { ProfileInput } from "@/lib/schemas/profile";

/** The starting points offered on the home page; they fill the form and stay editable. */
export const PRESETS = REFERENCE_PROFILES.map(({ id, label, description }) => ({ id, label, description }));

/** The first day of next month (UTC), "2026-12-01" on 2026-11-30: a contract starts in the future. */
export function nextMonthStart(today: Date): string {
  const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 10);
}

/**
 * A preset (or the blank form's single line) starting next month: the reference profiles
 * keep their fixed dates as test fixtures, the site never proposes a start in the past.
 */
export function presetProfile(id: string | undefined, today = new Date()): ProfileInput {
  const preset = REFERENCE_PROFILES.find((candidate) => candidate.id === id)?.profile ?? {
    department: "75",
    beneficiaries: [{ label: "Adulte", age: 35, care: [{ category: "gp", perYear: 3 }] }],
  };
  return { ...preset, startDate: nextMonthStart(today) };
}
