import { formatEuros } from "@/lib/format";
import { GUARANTEE_CATEGORY_LABELS, LENS_PAIR_LABELS, NETWORK_LABELS, type GuaranteeCategory, type LensPair, type NetworkName } from "@/lib/schemas/care-category";
import { fieldLabel } from "@/lib/schemas/french-errors";

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/**
 * An offer field's French name from its path in the catalogue format, for the audit log
 * and the import report: "guarantees.glasses.frameMax" → "Lunettes : plafond de la
 * monture", "premiums.bands.2.monthly" → "Tranche de cotisation 3 : cotisation mensuelle".
 */
export function offerFieldLabel(path: readonly (string | number)[]): string {
  const segments = path.map(String);
  const context: string[] = [];
  let leaf: string | null = null;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const next = segments[index + 1];
    if (segment === "guarantees" && next !== undefined) {
      context.push(GUARANTEE_CATEGORY_LABELS[next as GuaranteeCategory] ?? next);
      index += 1;
    } else if (segment === "inNetwork") {
      context.push("chez un partenaire du réseau");
    } else if (segment === "premiums" && next === "bands") {
      index += 1;
      if (isIndex(segments[index + 1])) {
        context.push(`Tranche de cotisation ${Number(segments[index + 1]) + 1}`);
        index += 1;
      } else leaf = "Tranches de cotisation";
    } else if (segment === "ceilings" && isIndex(next)) {
      context.push(`Plafond ${Number(next) + 1}`);
      index += 1;
    } else if (segment === "network") {
      context.push("Réseau de soins");
    } else if (segment === "forfait") {
      context.push("forfait");
    } else if (segment === "glassesAmounts" && next !== undefined) {
      leaf = `Montant pour ${lowerFirst(LENS_PAIR_LABELS[next as LensPair] ?? next)}`;
      index += 1;
    } else if (isIndex(segment)) {
      context.push(`n° ${Number(segment) + 1}`);
    } else if (index === segments.length - 1) {
      leaf = fieldLabel([segment]) ?? segment;
    } else {
      context.push(fieldLabel([segment]) ?? segment);
    }
  }
  if (segments.at(-1) === "name" && segments.at(-2) === "insurer") return "Nom de l’assureur";
  if (segments.at(-1) === "name" && segments.at(-2) === "network") return "Réseau de soins";
  if (context.length === 0) return leaf ?? "Offre";
  const [first, ...rest] = context;
  const head = [first, ...rest.map(lowerFirst)].join(", ");
  return leaf ? `${head} : ${lowerFirst(leaf)}` : head;
}

const MONEY_KEYS = new Set(["amount", "monthly", "frameMax", "firstYearAmount"]);
const PERCENT_KEYS = /percent|Percent|^percentBr/;
const BASIS_LABELS: Record<string, string> = { "secu-included": "part Sécu incluse", "tm-plus": "ticket modérateur + x % BR", "hors-secu": "en plus de la Sécu" };
const PER_LABELS: Record<string, string> = { act: "par acte", day: "par jour", equipment: "par équipement", year: "par an" };

/** A value of that field as a person reads it: "30,00 €", "250 %", "oui", "—" for none. */
export function offerValueText(path: readonly (string | number)[], value: unknown): string {
  const key = String(path.at(-1));
  const parent = String(path.at(-2));
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "string" && (MONEY_KEYS.has(key) || parent === "glassesAmounts") && /^\d+(\.\d+)?$/.test(value)) return formatEuros(value);
  if (typeof value === "number" && PERCENT_KEYS.test(key)) return `${new Intl.NumberFormat("fr-FR").format(value)} %`;
  if (typeof value === "number") return new Intl.NumberFormat("fr-FR").format(value);
  if (key === "basis" && typeof value === "string") return BASIS_LABELS[value] ?? value;
  if (key === "per" && typeof value === "string") return PER_LABELS[value] ?? value;
  if (key === "name" && parent === "network" && typeof value === "string") return NETWORK_LABELS[value as NetworkName] ?? value;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
