import { z } from "zod";

/**
 * The field a person sees, by the last key of a schema path. A few keys mean different
 * things by where they are (a beneficiary's "label" is the first name field of the form).
 */
const FIELD_LABELS: Record<string, string> = {
  // Care profile (the comparison form)
  startDate: "Date d’effet",
  department: "Département",
  beneficiaries: "Bénéficiaires",
  age: "Âge",
  role: "Adulte ou enfant",
  regime: "Régime",
  care: "Soins prévus",
  category: "Soin",
  perYear: "Nombre par an",
  sector: "Secteur du praticien",
  price: "Prix facturé",
  br: "Base de remboursement",
  framePrice: "Prix de la monture",
  lensPair: "Verres",
  inNetwork: "Réseau de soins",
  exemptFromParticipation: "Exonération de participation forfaitaire",
  hasMedecinTraitant: "Médecin traitant",
  // Offers (admin editor, import)
  id: "Identifiant",
  insurer: "Assureur",
  kind: "Type d’organisme",
  formula: "Formule",
  level: "Niveau",
  responsable: "Contrat responsable",
  network: "Réseau de soins",
  premiums: "Cotisations",
  bands: "Tranches de cotisation",
  minAge: "Âge minimum",
  maxAge: "Âge maximum",
  monthly: "Cotisation mensuelle",
  departments: "Départements",
  childRankFrom: "Rang d’enfant",
  guarantees: "Garanties",
  percentBr: "Taux (% de la BR)",
  percentBrNonOptam: "Taux non OPTAM (% de la BR)",
  basis: "Mode de calcul du taux",
  fraisReels: "Frais réels",
  forfait: "Forfait",
  amount: "Montant",
  per: "Forfait par",
  includesSecu: "Part Sécu incluse",
  glassesAmounts: "Montants des lunettes",
  frameMax: "Plafond de la monture",
  waitingMonths: "Délai de carence (mois)",
  ceilings: "Plafonds",
  categories: "Garanties du plafond",
  period: "Période du plafond",
  firstYearAmount: "Plafond de la première année",
  lensesDiscountPercent: "Remise sur les verres (%)",
  frameDiscountPercent: "Remise sur les montures (%)",
  dentalDiscountPercent: "Remise dentaire (%)",
  hearingDiscountPercent: "Remise audition (%)",
  validFrom: "Début de validité",
  validTo: "Fin de validité",
  formatVersion: "Version du format",
  offers: "Offres",
  // Accounts
  email: "Adresse e-mail",
  confirmEmail: "Adresse e-mail de confirmation",
  password: "Mot de passe",
  name: "Nom",
};

/** The French name of the field at `path`, or null when the path names none (the whole input). */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const keys = path.filter((key): key is string => typeof key === "string");
  const last = keys.at(-1);
  if (last === undefined) return null;
  const parent = keys.at(-2);
  if (last === "label") return parent === "beneficiaries" ? "Prénom ou rôle" : "Libellé";
  if (last === "name" && parent === "insurer") return "Nom de l’assureur";
  if (parent === "glassesAmounts") return "Montant des lunettes pour ces verres";
  return FIELD_LABELS[last] ?? null;
}

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const frenchNumber = (value: number | bigint) => numberFormat.format(value);

function plural(count: number | bigint, noun: string): string {
  return `${frenchNumber(count)} ${Number(count) > 1 ? `${noun}s` : noun}`;
}

/** What a value of this type should be, in words a person understands. */
function expectedInWords(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidType>): string {
  const schema = issue.inst as { minValue?: number | null; maxValue?: number | null } | undefined;
  const min = schema?.minValue;
  const max = schema?.maxValue;
  const kind = issue.expected === "int" || (schema && "isInt" in schema && schema.isInt) ? "un nombre entier" : "un nombre";
  switch (issue.expected) {
    case "number":
    case "int":
      if (typeof min === "number" && typeof max === "number" && Number.isSafeInteger(min) && max <= 1e9) {
        return `indiquez ${kind} entre ${frenchNumber(min)} et ${frenchNumber(max)}`;
      }
      return `indiquez ${kind} en chiffres`;
    case "string":
      return "indiquez un texte";
    case "boolean":
      return "choisissez oui ou non";
    case "array":
      return "une liste est attendue";
    case "object":
    case "record":
      return "des informations sont attendues ici";
    default:
      return "valeur manquante ou d’un type inattendu";
  }
}

function sizeInWords(origin: string, bound: number | bigint, side: "min" | "max"): string {
  if (origin === "string") {
    if (side === "min" && Number(bound) === 1) return "ce champ est obligatoire";
    return side === "min" ? `${plural(bound, "caractère")} au moins` : `${plural(bound, "caractère")} au plus`;
  }
  if (origin === "array" || origin === "set") {
    if (side === "min" && Number(bound) === 1) return "au moins un élément est attendu";
    return side === "min" ? `${plural(bound, "élément")} au moins` : `${plural(bound, "élément")} au plus`;
  }
  if (side === "min") return Number(bound) === 0 ? "indiquez 0 ou plus (pas de nombre négatif)" : `indiquez ${frenchNumber(bound)} ou plus`;
  return `indiquez ${frenchNumber(bound)} au plus`;
}

/** The issue in plain French, without the field name. */
function describe(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "ce champ est obligatoire" : expectedInWords(issue);
    case "too_small":
      if (issue.inclusive === false && issue.origin !== "string" && issue.origin !== "array") return `indiquez plus de ${frenchNumber(issue.minimum)}`;
      return sizeInWords(issue.origin, issue.minimum, "min");
    case "too_big":
      if (issue.inclusive === false && issue.origin !== "string" && issue.origin !== "array") return `indiquez moins de ${frenchNumber(issue.maximum)}`;
      return sizeInWords(issue.origin, issue.maximum, "max");
    case "invalid_format":
      if (issue.format === "date") return "indiquez une date qui existe (jour, mois, année)";
      if (issue.format === "datetime") return "indiquez une date et une heure";
      if (issue.format === "email") return "indiquez une adresse e-mail, ex. prenom@exemple.fr";
      return "format non reconnu";
    case "not_multiple_of":
      return `indiquez un multiple de ${frenchNumber(issue.divisor)}`;
    case "invalid_value":
      return issue.values.length === 1 ? `seule la valeur ${String(issue.values[0])} est acceptée` : "choisissez une des valeurs proposées";
    case "invalid_union":
      return "valeur non reconnue";
    case "unrecognized_keys":
      return `${issue.keys.length > 1 ? "champs inconnus" : "champ inconnu"} : ${issue.keys.join(", ")}`;
    case "invalid_key":
      return "catégorie inconnue";
    case "invalid_element":
      return "valeur non reconnue dans la liste";
    default:
      return "valeur non acceptée";
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * zod's messages for the issues the shared schemas do not word themselves, in plain
 * French naming the field and what it accepts ("Âge : indiquez un nombre entier entre 0
 * et 120") instead of zod's type vocabulary ("nombre attendu, chaîne de caractères reçu").
 */
export const frenchErrorMap: z.core.$ZodErrorMap = (issue) => {
  const label = fieldLabel(issue.path ?? []);
  const text = describe(issue);
  return label ? `${label} : ${text}.` : `${capitalise(text)}.`;
};

/**
 * Passed per parse, so the process-wide zod config stays untouched. Used by forms,
 * server actions and the catalogue alike; a message written in a schema wins over it.
 */
export const FRENCH_ERRORS = { error: frenchErrorMap };
