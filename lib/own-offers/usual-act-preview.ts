import { quoteOffers, type Split } from "../engine";
import { CARE_CATEGORY_LABELS, SECTOR_LABELS, type CareCategory, type GuaranteeCategory, type Sector } from "../schemas/care-category";
import type { Offer } from "../schemas/offer";
import { profileSchema } from "../schemas/profile";

/**
 * The usual act each guarantee line is checked on while a person types it: the commonest
 * care of the line, with dépassements where they exist (OPTAM doctors), at the reference
 * table's usual price, so that « 200 % BR » visibly differs from « 100 % BR ».
 */
const USUAL_ACTS: Record<GuaranteeCategory, { category: CareCategory; sector?: Sector }> = {
  "doctor-gp": { category: "gp", sector: "2-optam" },
  "doctor-specialist": { category: "specialist-referred", sector: "2-optam" },
  "lab-imaging": { category: "lab-test" },
  pharmacy: { category: "pharmacy-65" },
  "hospital-daily-charge": { category: "hospital-day" },
  "private-room": { category: "private-room" },
  "surgeon-fees": { category: "surgeon-fees", sector: "2-optam" },
  "heavy-act-charge": { category: "heavy-act-charge" },
  glasses: { category: "glasses-class-b" },
  "contact-lenses": { category: "contact-lenses" },
  "dental-care": { category: "dental-care" },
  "dental-prosthesis": { category: "crown-free-price" },
  orthodontics: { category: "orthodontics" },
  "hearing-aids": { category: "hearing-aid-class-2" },
  "alternative-medicine": { category: "alternative-medicine" },
  psychologist: { category: "psychologist-msp" },
  paramedical: { category: "physiotherapy" },
  "dental-implants": { category: "dental-implant" },
};

export interface UsualActFigures {
  /** "Consultation de médecin généraliste (secteur 2 OPTAM)". */
  label: string;
  /** One act, for an adult in the parcours de soins: billed = Sécu + mutuelle + reste à charge. */
  split: Split;
}

/**
 * What one usual act of `category` would cost under `offer`, for an adult of 40 in the
 * parcours de soins, acts from `startDate` (the engine's scenario: the act exactly as
 * entered). Waiting periods are left out (the act is the guarantee's, not the first
 * month's) and the premium does not matter. Null when the date lies outside the
 * reference table. Pure: runs in the browser as the person types.
 */
export function usualActPreview(offer: Offer, category: GuaranteeCategory, startDate: string): UsualActFigures | null {
  const act = USUAL_ACTS[category];
  const parsed = profileSchema.safeParse({
    startDate,
    department: "75",
    beneficiaries: [{ label: "Adulte", age: 40, care: [{ category: act.category, perYear: 1, ...(act.sector ? { sector: act.sector } : {}) }] }],
  });
  if (!parsed.success) return null;
  const guarantees = Object.fromEntries(
    Object.entries(offer.guarantees).map(([key, guarantee]) => [key, { ...guarantee, waitingMonths: 0 }]),
  ) as Offer["guarantees"];
  const previewed: Offer = { ...offer, guarantees, premiums: { bands: [{ minAge: 0, maxAge: 120, monthly: "0.00" }] } };
  const quote = quoteOffers([previewed], parsed.data, { mode: "scenario", breakdown: false }).offers[0];
  if (!quote) return null;
  const { price, secu, mutuelle, rac } = quote.scenario;
  const label = act.sector ? `${CARE_CATEGORY_LABELS[act.category]} (${SECTOR_LABELS[act.sector].toLowerCase()})` : CARE_CATEGORY_LABELS[act.category];
  return { label, split: { price, secu, mutuelle, rac } };
}
