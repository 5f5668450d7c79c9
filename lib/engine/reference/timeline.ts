import { dayNumber } from "../dates";

/** A figure that changes over time: each entry applies from its date until the next one. */
export type Timeline = readonly { readonly from: string; readonly value: number }[];

/**
 * Value in force on a day (days since 1970-01-01, UTC). Before the first known date
 * the oldest value applies, after the last one the newest: the table is kept current
 * by adding dated entries, never by editing past ones.
 */
export function valueAt(timeline: Timeline, day: number): number {
  let value = timeline[0]?.value;
  if (value === undefined) throw new Error("Empty reference timeline");
  for (const entry of timeline) {
    if (dayNumber(entry.from) <= day) value = entry.value;
  }
  return value;
}

/** Every date in the table where some figure changes, to split a year into stable segments. */
export function changeDays(timelines: readonly Timeline[]): number[] {
  const days = new Set<number>();
  for (const timeline of timelines) for (const entry of timeline) days.add(dayNumber(entry.from));
  return [...days].sort((a, b) => a - b);
}
