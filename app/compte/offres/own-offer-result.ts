import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { OfferValidationError } from "@/lib/catalogue";
import { OWN_OFFER_NOT_FOUND_MESSAGE, OwnOfferLimitError, OwnOfferStaleError } from "@/lib/own-offers";

/**
 * Runs a lib/own-offers call and turns its expected outcomes into the action result
 * shape: null (no offer of this person has that id: absent or someone else's, we do not
 * say which) → not found; an offer the engine cannot read → field errors by path; the
 * per-person limit and a save over a newer version → their French messages. Anything else
 * is rethrown to userAction, which logs it and answers with the generic message.
 */
export async function ownOfferResult<T>(call: () => Promise<T | null>): Promise<ActionResult<T>> {
  try {
    const data = await call();
    return data === null ? { ok: false, message: OWN_OFFER_NOT_FOUND_MESSAGE } : { ok: true, data };
  } catch (error) {
    if (error instanceof OfferValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
      return { ok: false, message: "Enregistrement refusé : corrigez les champs signalés.", fieldErrors };
    }
    if (error instanceof OwnOfferLimitError || error instanceof OwnOfferStaleError) return { ok: false, message: error.message };
    throw error;
  }
}
