import type { CareCategory } from "./care-category";

/**
 * Input limits a real household never meets, so that the public comparison (which runs
 * the engine for anyone) cannot be asked for years of work (issue 12). Each limit says
 * why it is above any real need; the profile schema enforces them and names the field.
 * A new care kind gets its own row here (the Record type makes it required).
 */
export interface CareLimit {
  /** Most acts (days, boxes, sessions…) a year on one care line. */
  perYear: number;
  /** Why no household needs more. */
  reason: string;
}

const CONSULTATIONS: CareLimit = {
  perYear: 104,
  reason: "two a week all year, more than the closest follow-up (weekly psychiatric care, cancer treatment); several doctors are several lines",
};

export const CARE_LIMITS: Record<CareCategory, CareLimit> = {
  gp: CONSULTATIONS,
  specialist: CONSULTATIONS,
  "specialist-referred": CONSULTATIONS,
  "specialist-apc": { perYear: 12, reason: "a one-off opinion asked by the médecin traitant: once a month would already be no longer one-off" },
  psychiatrist: CONSULTATIONS,
  pediatrician: CONSULTATIONS,
  gynecologist: CONSULTATIONS,
  ophthalmologist: CONSULTATIONS,
  "lab-test": { perYear: 104, reason: "twice a week all year, the rhythm of dialysis or chemotherapy monitoring" },
  imaging: { perYear: 52, reason: "once a week all year, beyond any imaging follow-up" },
  "pharmacy-65": { perYear: 366, reason: "a box a day all year on one line; a person on many medicines splits them over several lines" },
  "pharmacy-30": { perYear: 366, reason: "a box a day all year on one line" },
  "pharmacy-15": { perYear: 366, reason: "a box a day all year on one line" },
  "hospital-day": { perYear: 366, reason: "every day of a leap year in hospital" },
  "hospital-day-psychiatry": { perYear: 366, reason: "every day of a leap year in hospital" },
  "private-room": { perYear: 366, reason: "every night of a leap year" },
  "surgeon-fees": { perYear: 24, reason: "two operations a month all year" },
  "heavy-act-charge": { perYear: 52, reason: "a heavy act (over 120 €) every week all year" },
  "glasses-100-sante": { perYear: 4, reason: "renewal is every two years (yearly for children); four pairs a year allow for breakages" },
  "glasses-class-b": { perYear: 4, reason: "renewal is every two years (yearly for children); four pairs a year allow for breakages" },
  "contact-lenses": { perYear: 12, reason: "a yearly allowance, counted as at most one supply a month" },
  "dental-care": { perYear: 52, reason: "a dental session every week all year" },
  "crown-100-sante": { perYear: 32, reason: "an adult has 32 teeth" },
  "crown-free-price": { perYear: 32, reason: "an adult has 32 teeth" },
  orthodontics: { perYear: 2, reason: "orthodontics is billed per semester: two a year" },
  "hearing-aid-class-1": { perYear: 2, reason: "two ears (renewal every four years)" },
  "hearing-aid-class-2": { perYear: 2, reason: "two ears (renewal every four years)" },
  "alternative-medicine": { perYear: 104, reason: "two sessions a week all year" },
  "psychologist-msp": { perYear: 52, reason: "a session a week all year, four times what the Sécu pays (12 a year)" },
  "psychologist-private": { perYear: 104, reason: "two sessions a week all year" },
  physiotherapy: { perYear: 260, reason: "a session every weekday of the year, beyond the most intensive rehabilitation" },
  nursing: { perYear: 366, reason: "a nurse's visit every day of a leap year; a second daily visit is a second line" },
  "speech-therapy": { perYear: 104, reason: "two sessions a week all year" },
  orthoptics: { perYear: 52, reason: "a session a week all year; a course is 10 to 20 sessions" },
  "dental-consultation": { perYear: 12, reason: "a check-up every month; care sessions are their own line" },
  "dental-implant": { perYear: 32, reason: "an adult has 32 teeth" },
  "contact-lenses-reimbursed": { perYear: 2, reason: "the Sécu's yearly forfait is per eye: two eyes" },
};

/** Household limits, with the same purpose. */
export const HOUSEHOLD_LIMITS = {
  /** A household of ten (parents and eight children) is already rare; a profile covers one household. */
  beneficiaries: 10,
  /** Sixty kinds of care for one person in one year: far beyond the heaviest chronic care. */
  linesPerBeneficiary: 60,
  /**
   * Lines of one person sharing one guarantee (so one yearly ceiling): twelve specialists,
   * or twelve kinds of medicines, is already more than a care pathway holds; the cost of
   * the ceiling's exact mean grows with the product of these lines' counts.
   */
  linesPerGuarantee: 12,
  /** Acts of one person in a year, all lines together: four every day of the year. */
  actsPerBeneficiary: 1464,
} as const;
