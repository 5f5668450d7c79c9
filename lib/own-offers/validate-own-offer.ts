import type { CatalogueIssue } from "../catalogue/errors";
import { pathKey } from "../catalogue/validate-offer";
import { FRENCH_ERRORS } from "../schemas/french-errors";
import { offerSchema, validateResponsable, type Offer, type ResponsableViolation } from "../schemas/offer";

export type OwnOfferValidation = { ok: true; offer: Offer; warnings: ResponsableViolation[] } | { ok: false; issues: CatalogueIssue[] };

/**
 * The catalogue's rules for an offer a person entered from their papers: the same zod
 * schema (an offer the engine cannot read is refused), but the contrat responsable rules
 * (R871-2 CSS) only as warnings. The person cannot change their contract or a quote they
 * were sent: the comparison must still take it as printed, and say where it departs from
 * the rules (often a typing mistake, sometimes a contract that is not responsable).
 */
export function validateOwnOffer(input: unknown): OwnOfferValidation {
  const parsed = offerSchema.safeParse(input, FRENCH_ERRORS);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(pathKey), message: issue.message })) };
  }
  return { ok: true, offer: parsed.data, warnings: validateResponsable(parsed.data) };
}
