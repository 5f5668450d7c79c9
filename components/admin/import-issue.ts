import type { CatalogueIssue } from "@/lib/catalogue/errors";
import { fieldLabel } from "@/lib/schemas/french-errors";
import { offerFieldLabel } from "@/components/offer-editor/offer-field-label";

/** The id of each offer of an import file, by position, to name an offer instead of "offers.3". */
export function offerIdsOf(text: string): (string | null)[] {
  try {
    const offers = (JSON.parse(text) as { offers?: unknown } | null)?.offers;
    return Array.isArray(offers) ? offers.map((offer) => ((offer as { id?: unknown } | null)?.id ?? null) as string | null).map((id) => (typeof id === "string" ? id : null)) : [];
  } catch {
    return [];
  }
}

/**
 * An import problem as a person reads it: the offer by its id (or its rank in the file)
 * and the field by its French name, then the message; never a path like "offers.0.premiums".
 */
export function importIssueText(issue: CatalogueIssue, offerIds: readonly (string | null)[]): string {
  const [root, index, ...rest] = issue.path;
  if (root !== "offers" || typeof index !== "number") {
    const field = issue.path.length > 0 ? offerFieldLabel(issue.path) : null;
    return field && !issue.message.startsWith(`${fieldLabel(issue.path)} :`) ? `${field} : ${issue.message}` : issue.message;
  }
  const id = offerIds[index];
  const offer = id ? `Offre « ${id} »` : `Offre n° ${index + 1} du fichier`;
  if (rest.length === 0) return `${offer} : ${issue.message}`;
  // zod's messages already start with the field's name ("Cotisations : ce champ est obligatoire.").
  const named = fieldLabel(rest);
  if (named && issue.message.startsWith(`${named} :`)) {
    // Where the field is (a band, a guarantee), when it is not at the offer's top level.
    const context = rest.length > 1 ? offerFieldLabel(rest.slice(0, -1)) : null;
    return context ? `${offer}, ${context} — ${issue.message}` : `${offer} — ${issue.message}`;
  }
  return `${offer}, ${offerFieldLabel(rest)} : ${issue.message}`;
}
