import { GUARANTEE_CATEGORIES, LENS_PAIRS } from "../schemas/care-category";
import {
  ceilingSchema,
  forfaitSchema,
  guaranteeSchema,
  networkTermsSchema,
  offerSchema,
  premiumBandSchema,
} from "../schemas/offer";

/**
 * The order keys are written in: the order the shared schemas declare their fields, then
 * the guarantee categories and lens pairs in their reference order. Deriving it from the
 * schemas keeps exports readable (id, insurer, formula… as documented) and stable when a
 * field is added; keys the list does not know come last, alphabetically.
 */
const KEY_ORDER = new Map(
  [
    "formatVersion",
    "offers",
    ...Object.keys(offerSchema.shape),
    "name",
    "kind",
    ...Object.keys(networkTermsSchema.shape),
    "bands",
    ...Object.keys(premiumBandSchema.shape),
    ...Object.keys(guaranteeSchema.shape),
    ...Object.keys(forfaitSchema.shape),
    ...Object.keys(ceilingSchema.shape),
    ...GUARANTEE_CATEGORIES,
    ...LENS_PAIRS,
  ].map((key, index, all) => [key, all.indexOf(key)] as const),
);

function compareKeys(a: string, b: string): number {
  const rankA = KEY_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rankB = KEY_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return rankA !== rankB ? rankA - rankB : a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, ordered(item)]));
}

/** Deterministic JSON: same data, same bytes, whatever order the keys were built in. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(ordered(value), null, indent);
}
