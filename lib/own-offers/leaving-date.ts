import { addMonths, dayNumber, isoDate } from "../engine/dates";

/**
 * When a person can leave their current individual complementary health contract.
 *
 * - After twelve months of membership: at any time, without fees; the termination takes
 *   effect one month after the insurer receives the notification (résiliation
 *   infra-annuelle, loi n° 2019-733 du 14 juillet 2019 and décret n° 2020-1438, in force
 *   since 2020-12-01: Code des assurances L113-15-2, Code de la mutualité L221-10-2, and
 *   their twin for institutions de prévoyance in the Code de la sécurité sociale;
 *   https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000042558822).
 * - Before: at the yearly échéance, with a notification at least two months before it
 *   (Code des assurances L113-12, Code de la mutualité L221-10). The échéance is taken as
 *   the anniversary of the membership start (many contracts say 31 December instead: the
 *   message tells the person to check). Past that deadline, the earliest way out is the
 *   résiliation infra-annuelle from the first anniversary.
 *
 * Dates are "YYYY-MM-DD" calendar days; a month later is the same day of month, clamped to
 * the month's end (31 January → 28 or 29 February; 29 February + 12 months → 28 February).
 */
export type LeavingOption =
  | {
      /** Twelve months of membership are over: notify any day, out one month later. */
      kind: "any-time";
      /** The end of the contract for a notification received on `today`. */
      effectiveIfToday: string;
    }
  | {
      /** Within the first year, the notice for the first échéance still possible. */
      kind: "at-anniversary";
      anniversary: string;
      /** Last day for the insurer to receive the notification (two months before). */
      notifyBy: string;
    }
  | {
      /** Within the first year, too late for the first échéance's notice. */
      kind: "after-first-year";
      /** From this day on, the résiliation infra-annuelle is open. */
      anyTimeFrom: string;
      /** The contract's earliest end: one month after a notification on `anyTimeFrom`. */
      earliestEnd: string;
    };

/** Months of membership after which the contract can be left at any time. */
const MEMBERSHIP_MONTHS_BEFORE_ANY_TIME = 12;
/** Notice before the yearly échéance (L113-12 Code des assurances, L221-10 Code de la mutualité). */
const NOTICE_MONTHS_BEFORE_ECHEANCE = 2;
/** The termination takes effect this long after the insurer receives it (L113-15-2). */
const ANY_TIME_NOTICE_MONTHS = 1;

export function leavingOption(membershipStart: string, today: string): LeavingOption {
  const start = dayNumber(membershipStart);
  const now = dayNumber(today);
  const firstAnniversary = addMonths(start, MEMBERSHIP_MONTHS_BEFORE_ANY_TIME);
  if (now >= firstAnniversary) {
    return { kind: "any-time", effectiveIfToday: isoDate(addMonths(now, ANY_TIME_NOTICE_MONTHS)) };
  }
  const notifyBy = addMonths(firstAnniversary, -NOTICE_MONTHS_BEFORE_ECHEANCE);
  if (now <= notifyBy) return { kind: "at-anniversary", anniversary: isoDate(firstAnniversary), notifyBy: isoDate(notifyBy) };
  return {
    kind: "after-first-year",
    anyTimeFrom: isoDate(firstAnniversary),
    earliestEnd: isoDate(addMonths(firstAnniversary, ANY_TIME_NOTICE_MONTHS)),
  };
}
