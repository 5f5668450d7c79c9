import { actDay, actSegments, type CompiledProfile } from "./compile-profile";

/**
 * The acts of a year for given whole counts, per beneficiary in date order (ties: line
 * order, then act order), with the participation forfaitaire and franchises allocated.
 * None of this depends on the offer.
 */
export interface ScheduledAct {
  line: number;
  day: number;
  segment: number;
  /** Participation forfaitaire or franchise actually taken on this act, after the caps. */
  deduction: number;
}

export interface Schedule {
  /** Per beneficiary, in date order. */
  acts: ScheduledAct[][];
}

export function scheduleYear(profile: CompiledProfile, counts: ArrayLike<number>): Schedule {
  const periodDays = profile.periodEnd - profile.periodStart;
  const acts = profile.beneficiaries.map((beneficiary) => {
    const list: ScheduledAct[] = [];
    for (const lineIndex of beneficiary.lineIndexes) {
      const line = profile.lines[lineIndex]!;
      const n = counts[lineIndex] ?? 0;
      const days = Array.from({ length: n }, (_, i) => actDay(profile.periodStart, periodDays, i, n));
      const segments = actSegments(profile, line, days);
      days.forEach((day, i) => list.push({ line: lineIndex, day, segment: segments[i]!, deduction: 0 }));
    }
    // Stable sort: same-day acts keep line order then act order.
    list.sort((a, b) => a.day - b.day);
    allocateDeductions(profile, list);
    return list;
  });
  return { acts };
}

/**
 * Participation forfaitaire: at most 4 a day for one professional (a care line stands
 * for one professional) and 50 € a calendar year per person, with no cap across
 * professionals. Franchises: their own daily cap per professional (paramedical acts)
 * and their own 50 € a calendar year. Taken in date order.
 */
function allocateDeductions(profile: CompiledProfile, acts: ScheduledAct[]): void {
  const pfYear = [0, 0];
  const franchiseYear = [0, 0];
  // What each line has deducted on `dayOfLine[line]`; a line's acts come in date order.
  const dayOfLine = new Map<number, number>();
  const takenToday = new Map<number, number>();
  for (const act of acts) {
    const facts = profile.lines[act.line]!.segments[act.segment]!;
    if (facts.deductionKind === "none" || facts.deductionUnit === 0) continue;
    if (dayOfLine.get(act.line) !== act.day) {
      dayOfLine.set(act.line, act.day);
      takenToday.set(act.line, 0);
    }
    const year = act.day >= profile.calendar.boundary ? 1 : 0;
    const yearly = facts.deductionKind === "pf" ? pfYear : franchiseYear;
    const yearCap = facts.deductionKind === "pf" ? profile.pfPerYearCap : profile.franchisePerYearCap;
    const today = takenToday.get(act.line)!;
    const amount = Math.min(facts.deductionUnit, facts.deductionDayCap - today, yearCap - yearly[year]!);
    takenToday.set(act.line, today + amount);
    yearly[year]! += amount;
    act.deduction = amount;
  }
}
