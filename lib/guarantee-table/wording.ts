import Decimal from "decimal.js";
import {
  GUARANTEE_CATEGORIES,
  GUARANTEE_CATEGORY_LABELS,
  LENS_PAIRS,
  NETWORK_LABELS,
  type GuaranteeCategory,
  type LensPair,
} from "../schemas/care-category";
import type { Ceiling, Forfait, Guarantee, GuaranteeTerms, NetworkTerms, Offer } from "../schemas/offer";

/**
 * The tableau de garanties of an offer in the words insurers print ("200 % BR dont Sécu",
 * "TM + 100 % BR", "forfait 300 € par implant, 2 par an", "non couvert"), from the
 * engine's Offer. Pure: the offer page renders what this returns, for catalogue and
 * own offers alike.
 */

/** One line of the tableau. */
export interface GuaranteeRow {
  category: GuaranteeCategory;
  label: string;
  /** What it pays, one printed phrase per part ("200 % BR dont Sécu", "forfait 50 € par séance"). */
  coverage: string[];
  /** What it pays at a partner of the offer's network instead, or null. */
  inNetwork: string[] | null;
  /** "Délai de carence : 3 mois", or null. */
  waiting: string | null;
  /** The annual ceiling the line shares, in words, or null. */
  ceiling: string | null;
  /** What a contrat responsable adds by law on this line (the 100 % Santé basket), or null. */
  byLaw: string | null;
}

export interface GuaranteeTable {
  rows: GuaranteeRow[];
  /** "Réseau Santéclair : −40 % sur les verres…", or null. */
  network: string | null;
  responsable: boolean;
}

/** Lines with a 100 % Santé basket, which every contrat responsable pays in full up to the legal prices. */
const BASKET_OF: Partial<Record<GuaranteeCategory, string>> = {
  glasses: "Lunettes 100 % Santé (classe A) : sans reste à charge",
  "dental-prosthesis": "Couronnes et bridges 100 % Santé : sans reste à charge",
  "hearing-aids": "Aides auditives 100 % Santé (classe I) : sans reste à charge",
};

/** What a per-unit forfait is counted by, per guarantee line (the schema's "act", "day", "equipment"). */
const UNIT_OF: Record<GuaranteeCategory, string> = {
  "doctor-gp": "consultation",
  "doctor-specialist": "consultation",
  "lab-imaging": "acte",
  pharmacy: "boîte",
  "hospital-daily-charge": "jour",
  "private-room": "nuit",
  "surgeon-fees": "intervention",
  "heavy-act-charge": "acte",
  glasses: "équipement",
  "contact-lenses": "équipement",
  "dental-care": "soin",
  "dental-prosthesis": "prothèse",
  orthodontics: "semestre",
  "hearing-aids": "oreille",
  "alternative-medicine": "séance",
  psychologist: "séance",
  paramedical: "séance",
  "dental-implants": "implant",
};

/** Insurers print euros without cents when there are none: "300 €", "12,50 €". */
export function printedEuros(amount: string): string {
  const value = new Decimal(amount);
  const digits = value.isInteger() ? 0 : 2;
  return `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value.toNumber())} €`;
}

const printedPercent = (percent: number) => `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(percent)} %`;

/** "200 % BR dont Sécu", "TM + 100 % BR", "100 % BR hors Sécu". */
export function rateWording(percent: number, basis: GuaranteeTerms["basis"]): string {
  if (basis === "tm-plus") return `TM + ${printedPercent(percent)} BR`;
  if (basis === "hors-secu") return `${printedPercent(percent)} BR hors Sécu`;
  return `${printedPercent(percent)} BR dont Sécu`;
}

/** "forfait 300 € par implant, 2 par an", "150 € par an", "forfait 60 € par oreille dont Sécu". */
export function forfaitWording(forfait: Forfait, category: GuaranteeCategory): string {
  const amount = printedEuros(forfait.amount);
  const secu = forfait.includesSecu ? " dont Sécu" : "";
  if (forfait.per === "year") return `${amount} par an et par bénéficiaire${secu}`;
  const count = forfait.maxPerYear === undefined ? "" : `, ${forfait.maxPerYear} par an`;
  return `forfait ${amount} par ${UNIT_OF[category]}${secu}${count}`;
}

const LENS_PAIR_SHORT: Record<LensPair, string> = {
  "simple-simple": "2 verres simples",
  "simple-complex": "1 verre simple et 1 complexe",
  "complex-complex": "2 verres complexes",
  "simple-very-complex": "1 verre simple et 1 très complexe",
  "complex-very-complex": "1 verre complexe et 1 très complexe",
  "very-complex-very-complex": "2 verres très complexes",
};

/** Each printed part of one set of terms; the parts add up, as the engine adds them. */
export function termsWording(terms: GuaranteeTerms, category: GuaranteeCategory): string[] {
  const parts: string[] = [];
  if (terms.fraisReels) parts.push("frais réels");
  if (terms.percentBr !== undefined && !(terms.percentBr === 0 && terms.basis !== "tm-plus")) {
    const nonOptam = terms.percentBrNonOptam;
    if (nonOptam === undefined || nonOptam === terms.percentBr) parts.push(rateWording(terms.percentBr, terms.basis));
    else {
      parts.push(`${rateWording(terms.percentBr, terms.basis)} (médecins OPTAM)`);
      parts.push(`${rateWording(nonOptam, terms.basis)} (médecins non OPTAM)`);
    }
  }
  if (terms.forfait) parts.push(forfaitWording(terms.forfait, category));
  if (terms.glassesAmounts) {
    for (const pair of LENS_PAIRS) {
      const amount = terms.glassesAmounts[pair];
      parts.push(`${LENS_PAIR_SHORT[pair]} : ${amount === undefined ? "non couvert" : `${printedEuros(amount)} par équipement dont Sécu`}`);
    }
  }
  if (terms.frameMax !== undefined) parts.push(`dont monture ${printedEuros(terms.frameMax)} au plus`);
  return parts.length > 0 ? parts : ["non couvert"];
}

/** "Délai de carence : 6 mois", or null without one. */
export function waitingWording(guarantee: Pick<Guarantee, "waitingMonths">): string | null {
  return guarantee.waitingMonths > 0 ? `Délai de carence : ${guarantee.waitingMonths} mois après la date d’effet` : null;
}

/** "Plafond 1 000 € par an et par bénéficiaire (année civile), 500 € la première année, commun avec : Orthodontie". */
export function ceilingWording(ceiling: Ceiling, category: GuaranteeCategory): string {
  const year = ceiling.period === "calendar" ? "année civile" : "année d’adhésion";
  const firstYear = ceiling.firstYearAmount === undefined ? "" : `, ${printedEuros(ceiling.firstYearAmount)} la première année`;
  const others = ceiling.categories.filter((other) => other !== category).map((other) => GUARANTEE_CATEGORY_LABELS[other]);
  const shared = others.length > 0 ? `, commun avec : ${others.join(", ")}` : "";
  return `Plafond ${printedEuros(ceiling.amount)} par an et par bénéficiaire (${year})${firstYear}${shared}`;
}

/** "Réseau Santéclair : −40 % sur les verres, −20 % sur les montures…" (discounts of 0 % left out). */
export function networkWording(network: NetworkTerms): string {
  const discounts = [
    [network.lensesDiscountPercent, "sur les verres"],
    [network.frameDiscountPercent, "sur les montures"],
    [network.dentalDiscountPercent, "chez le dentiste"],
    [network.hearingDiscountPercent, "sur les aides auditives"],
  ] as const;
  const printed = discounts.filter(([percent]) => percent > 0).map(([percent, where]) => `−${printedPercent(percent)} ${where}`);
  const name = `Réseau de soins ${NETWORK_LABELS[network.name]}`;
  return printed.length > 0 ? `${name} : prix réduits chez ses partenaires, ${printed.join(", ")}` : name;
}

/** The whole tableau: every guarantee line (the schema requires them all), in the usual order. */
export function guaranteeTable(offer: Offer): GuaranteeTable {
  const rows = GUARANTEE_CATEGORIES.map((category): GuaranteeRow => {
    const guarantee = offer.guarantees[category];
    const ceiling = offer.ceilings.find((candidate) => candidate.categories.includes(category));
    return {
      category,
      label: GUARANTEE_CATEGORY_LABELS[category],
      coverage: termsWording(guarantee, category),
      inNetwork: guarantee.inNetwork && offer.network ? termsWording(guarantee.inNetwork, category) : null,
      waiting: waitingWording(guarantee),
      ceiling: ceiling ? ceilingWording(ceiling, category) : null,
      byLaw: offer.responsable ? (BASKET_OF[category] ?? null) : null,
    };
  });
  return { rows, network: offer.network ? networkWording(offer.network) : null, responsable: offer.responsable };
}
