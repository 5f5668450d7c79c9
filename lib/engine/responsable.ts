import {
  DOCTOR_RATE_CATEGORIES,
  GUARANTEE_CATEGORY_LABELS,
  LENS_PAIRS,
  LENS_PAIR_LABELS,
  type GuaranteeCategory,
} from "../schemas/care-category";
import type { GuaranteeTerms, Offer } from "../schemas/offer";
import { centsToMoney, moneyToCents } from "./money";
import { REFERENCE } from "./reference/secu-fr";
import type { Timeline } from "./reference/timeline";

export type ResponsableRule =
  | "R871-2-non-optam-200"
  | "R871-2-non-optam-20-points"
  | "R871-2-ticket-moderateur"
  | "R871-2-forfait-journalier"
  | "R871-2-optique-plafond"
  | "R871-2-optique-monture"
  | "R871-2-audio-classe-2";

export interface ResponsableViolation {
  rule: ResponsableRule;
  /** Path in the offer, as zod reports it (["guarantees", "glasses", "frameMax"]). */
  path: (string | number)[];
  message: string;
}

/** The newest figure of a timeline: an offer sold now must respect the rules in force going forward. */
const latest = (timeline: Timeline) => timeline[timeline.length - 1]!.value;
const euros = (cents: number) => `${centsToMoney(cents).replace(".", ",")} €`;

/** A hearing aid's BR per ear and the Sécu's share of it, in cents. */
const HEARING_BR = latest(REFERENCE.hearing.brPerEar);
const HEARING_SECU = (HEARING_BR * latest(REFERENCE.rates.hearing)) / 10000;

/** Sécu rate (in %) used to read a "hors Sécu" percentage as a total; the lowest for the category. */
const SECU_RATE_PERCENT: Partial<Record<GuaranteeCategory, number>> = {
  "doctor-gp": 70,
  "doctor-specialist": 70,
  "lab-imaging": 60,
  pharmacy: 65,
  "surgeon-fees": 80,
  "dental-care": 60,
  "dental-prosthesis": 60,
  "hearing-aids": 60,
  glasses: 60,
  psychologist: 60,
  paramedical: 60,
};

/** The total (Sécu included) a percentage stands for, in % of the BR. */
function totalPercent(category: GuaranteeCategory, percent: number | undefined, basis: GuaranteeTerms["basis"]) {
  if (percent === undefined) return undefined;
  if (basis === "tm-plus") return 100 + percent;
  if (basis === "hors-secu") return percent + (SECU_RATE_PERCENT[category] ?? 0);
  return percent;
}

const TM_CATEGORIES: readonly GuaranteeCategory[] = [
  "doctor-gp",
  "doctor-specialist",
  "lab-imaging",
  "pharmacy",
  "surgeon-fees",
  "dental-care",
  "dental-prosthesis",
  "hearing-aids",
  "glasses",
  "heavy-act-charge",
  // Mon soutien psy sessions and paramedical acts: the ticket modérateur too.
  "psychologist",
  "paramedical",
];

/**
 * The R871-2 CSS rules a contrat responsable must respect, checked on an offer's data.
 * Returns [] for an offer that is not responsable. The engine applies the same caps
 * anyway when it computes, so a faulty offer can never show more than the law allows.
 */
export function validateResponsable(offer: Offer): ResponsableViolation[] {
  if (!offer.responsable) return [];
  const violations: ResponsableViolation[] = [];
  const add = (rule: ResponsableRule, path: (string | number)[], message: string) =>
    violations.push({ rule, path, message: `Contrat responsable (art. R871-2 CSS) : ${message}` });

  for (const [category, guarantee] of Object.entries(offer.guarantees) as [GuaranteeCategory, Offer["guarantees"][GuaranteeCategory]][]) {
    const label = GUARANTEE_CATEGORY_LABELS[category];
    const base = ["guarantees", category];
    const variants: [GuaranteeTerms, (string | number)[]][] = [[guarantee, base]];
    if (guarantee.inNetwork) variants.push([guarantee.inNetwork, [...base, "inNetwork"]]);

    for (const [terms, path] of variants) {
      const optam = totalPercent(category, terms.percentBr, terms.basis);
      const forfaitCents = terms.forfait ? moneyToCents(terms.forfait.amount) : 0;

      if (DOCTOR_RATE_CATEGORIES.includes(category)) {
        const nonOptam = totalPercent(category, terms.percentBrNonOptam ?? terms.percentBr, terms.basis);
        const field = terms.percentBrNonOptam !== undefined ? "percentBrNonOptam" : "percentBr";
        if (terms.fraisReels) {
          add("R871-2-non-optam-200", [...path, "fraisReels"], `« ${label} » aux frais réels dépasse, pour les médecins non OPTAM, la limite de 200 % de la BR.`);
        } else if (nonOptam !== undefined && nonOptam > 200) {
          add("R871-2-non-optam-200", [...path, field], `« ${label} » : ${nonOptam} % de la BR pour les médecins non OPTAM, au-delà de la limite de 200 %.`);
        }
        if (!terms.fraisReels && nonOptam !== undefined && optam !== undefined) {
          const nonOptamExcess = nonOptam - 100;
          if (nonOptamExcess > 0 && nonOptamExcess > optam - 100 - 20) {
            add("R871-2-non-optam-20-points", [...path, field], `« ${label} » : les dépassements des médecins non OPTAM (${nonOptam} %) doivent être couverts au moins 20 points de BR en dessous des médecins OPTAM (${optam} %).`);
          }
        }
      }

      if (TM_CATEGORIES.includes(category)) {
        let covered = terms.fraisReels || (optam !== undefined && optam >= 100);
        if (category === "glasses") covered ||= terms.glassesAmounts !== undefined || terms.forfait !== undefined;
        if (category === "hearing-aids" && terms.forfait && terms.forfait.per !== "year") {
          covered ||= forfaitCents >= (terms.forfait.includesSecu ? HEARING_BR : HEARING_BR - HEARING_SECU);
        }
        if (category === "heavy-act-charge") {
          covered ||= terms.forfait !== undefined && terms.forfait.per !== "year" && forfaitCents >= latest(REFERENCE.hospital.heavyActFlatCharge);
        }
        if (!covered) {
          add("R871-2-ticket-moderateur", path, `« ${label} » doit couvrir tout le ticket modérateur (au moins 100 % de la BR).`);
        }
      }

      if (category === "hospital-daily-charge") {
        const fj = latest(REFERENCE.hospital.forfaitJournalier);
        const covered = terms.fraisReels || (terms.forfait?.per === "day" || terms.forfait?.per === "act") && forfaitCents >= fj;
        if (!covered) {
          add("R871-2-forfait-journalier", path, `le forfait journalier hospitalier (${euros(fj)}) doit être pris en charge en totalité, sans limitation de durée.`);
        }
      }

      if (category === "glasses") {
        for (const pair of LENS_PAIRS) {
          const amount = terms.glassesAmounts?.[pair];
          const ceiling = latest(REFERENCE.optics.responsableCeilings[pair]);
          if (amount !== undefined && moneyToCents(amount) > ceiling) {
            add("R871-2-optique-plafond", [...path, "glassesAmounts", pair], `lunettes avec ${LENS_PAIR_LABELS[pair]} prises en charge au plus ${euros(ceiling)} (part Sécu incluse), l'offre indique ${euros(moneyToCents(amount))}.`);
          }
        }
        const lowest = latest(REFERENCE.optics.responsableCeilings["simple-simple"]);
        if (terms.fraisReels) {
          add("R871-2-optique-plafond", [...path, "fraisReels"], "les lunettes ne peuvent pas être remboursées aux frais réels : la prise en charge est plafonnée selon les verres.");
        } else if (terms.forfait && terms.forfait.per !== "year" && forfaitCents > lowest) {
          add("R871-2-optique-plafond", [...path, "forfait", "amount"], `un forfait unique de ${euros(forfaitCents)} dépasse le plafond de ${euros(lowest)} des lunettes à verres simples.`);
        }
        const frameMax = latest(REFERENCE.optics.responsableFrameMax);
        if (terms.frameMax !== undefined && moneyToCents(terms.frameMax) > frameMax) {
          add("R871-2-optique-monture", [...path, "frameMax"], `la monture est prise en charge au plus ${euros(frameMax)}, l'offre indique ${euros(moneyToCents(terms.frameMax))}.`);
        } else if (terms.frameMax === undefined) {
          const largest = Math.max(forfaitCents, ...Object.values(terms.glassesAmounts ?? {}).map(moneyToCents));
          if (largest > frameMax) {
            add("R871-2-optique-monture", [...path, "frameMax"], `la prise en charge de la monture doit être limitée à ${euros(frameMax)} (indiquer frameMax).`);
          }
        }
      }

      if (category === "hearing-aids") {
        const ceiling = latest(REFERENCE.hearing.classIIResponsableCeilingPerEar);
        // Same reading as the engine: Sécu + the percentage part + the forfait part.
        let offered = Number.POSITIVE_INFINITY;
        if (!terms.fraisReels) {
          const ratePart = optam !== undefined ? Math.max(0, (HEARING_BR * optam) / 100 - HEARING_SECU) : 0;
          const forfaitPart =
            terms.forfait && terms.forfait.per !== "year" ? Math.max(0, forfaitCents - (terms.forfait.includesSecu ? HEARING_SECU : 0)) : 0;
          offered = HEARING_SECU + ratePart + forfaitPart;
        }
        if (offered > ceiling) {
          add("R871-2-audio-classe-2", path, `une aide auditive de classe II est prise en charge au plus ${euros(ceiling)} par oreille (part Sécu incluse).`);
        }
      }
    }
  }
  return violations;
}
