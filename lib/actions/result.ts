import type { z } from "zod";

/** The one shape every server action returns (STYLE.md §4). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export const GENERIC_ERROR_MESSAGE = "Une erreur inattendue est survenue. Réessayez dans un instant.";

/** zod issues keyed by their dotted path ("beneficiaries.0.care.2.price"), first message wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}
