import "server-only";
import { OfferNotFoundError, OfferValidationError, StaleVersionError } from "@/lib/catalogue";
import { AdminAccessError } from "@/lib/catalogue/admin";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Runs a catalogue call and turns its expected refusals into the action result shape,
 * in French: invalid offer → field errors by zod path (R871-2 rule named), stale version
 * → a message saying the input is kept, with `_version` so the form can tell. Anything
 * else is rethrown to adminAction, which logs it and answers with the generic message.
 */
export async function catalogueResult<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const message =
        `Enregistrement refusé : quelqu'un a modifié cette offre depuis que vous l'avez ouverte (version ${error.currentVersion} en ligne, ` +
        `vous éditiez la version ${error.expectedVersion}). Rien n'a été écrasé.`;
      return { ok: false, message, fieldErrors: { _version: message } };
    }
    if (error instanceof OfferValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.rule ? `${issue.message} [${issue.rule}]` : issue.message;
      return { ok: false, message: "Enregistrement refusé : corrigez les champs signalés.", fieldErrors };
    }
    if (error instanceof OfferNotFoundError) return { ok: false, message: error.message };
    if (error instanceof AdminAccessError) return { ok: false, message: error.message };
    throw error;
  }
}

/** adminAction answers ActionResult<ActionResult<T>>: one level for the client. */
export function flatten<T>(result: ActionResult<ActionResult<T>>): ActionResult<T> {
  return result.ok ? result.data : result;
}
