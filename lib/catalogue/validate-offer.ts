import { FRENCH_ERRORS } from "../schemas/french-errors";
import { offerSchema, validateResponsable, type Offer } from "../schemas/offer";
import type { CatalogueIssue } from "./errors";

export type OfferValidation = { ok: true; offer: Offer } | { ok: false; issues: CatalogueIssue[] };

/**
 * The one gate for every write to the catalogue (editor, import, seed): the shared zod
 * schema, then, for a contrat responsable, the R871-2 CSS rules with the rule named.
 */
export function validateOffer(input: unknown): OfferValidation {
  const parsed = offerSchema.safeParse(input, FRENCH_ERRORS);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(pathKey), message: issue.message })) };
  }
  const violations = validateResponsable(parsed.data);
  if (violations.length > 0) {
    return { ok: false, issues: violations.map(({ rule, path, message }) => ({ rule, path, message })) };
  }
  return { ok: true, offer: parsed.data };
}

/** zod paths may hold symbols in theory; offers only have string and number keys. */
export function pathKey(key: PropertyKey): string | number {
  return typeof key === "symbol" ? String(key) : key;
}
