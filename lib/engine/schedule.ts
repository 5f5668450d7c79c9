import { actDay, segmentIndex, type CompiledProfile } from "./compile-profile";

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
      for (let i = 0; i < n; i += 1) {
        const day = actDay(profile.periodStart, periodDays, i, n);
        list.push({ line: lineIndex, day, segment: segmentIndex(line, day), deduction: 0 });
      }
    }
    // Stable sort: same-day acts keep line order then act order.
    list.sort((a, b) => a.day - b.day);
    allocateDeductions(profile, list);
    return list;
  });
  return { acts };
}

/**
 * Participation forfaitaire: at most 4 € a day and 50 € a calendar year per person;
 * franchises on medicines: at most 50 € a calendar year. Taken in date order.
 */
function allocateDeductions(profile: CompiledProfile, acts: ScheduledAct[]): void {
  const pfYear = [0, 0];
  const franchiseYear = [0, 0];
  let currentDay = -1;
  let pfToday = 0;
  for (const act of acts) {
    const facts = profile.lines[act.line]!.segments[act.segment]!;
    if (facts.deductionKind === "none" || facts.deductionUnit === 0) continue;
    const year = act.day >= profile.calendar.boundary ? 1 : 0;
    let amount: number;
    if (facts.deductionKind === "pf") {
      if (act.day !== currentDay) {
        currentDay = act.day;
        pfToday = 0;
      }
      amount = Math.min(facts.deductionUnit, profile.pfPerDayCap - pfToday, profile.pfPerYearCap - pfYear[year]!);
      pfToday += amount;
      pfYear[year]! += amount;
    } else {
      amount = Math.min(facts.deductionUnit, profile.franchisePerYearCap - franchiseYear[year]!);
      franchiseYear[year]! += amount;
    }
    act.deduction = amount;
  }
}
