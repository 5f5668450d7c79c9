import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { PROFILE_NOT_FOUND_MESSAGE, ProfileLimitError } from "@/lib/profiles";

/**
 * Runs a lib/profiles call and turns its expected outcomes into the action result shape:
 * null (no profile of this user has that id: absent or someone else's, we do not say
 * which) → the not-found message; the per-user limit → its French message. Anything else
 * is rethrown to userAction, which logs it and answers with the generic message.
 */
export async function profileResult<T>(call: () => Promise<T | null>): Promise<ActionResult<T>> {
  try {
    const data = await call();
    return data === null ? { ok: false, message: PROFILE_NOT_FOUND_MESSAGE } : { ok: true, data };
  } catch (error) {
    if (error instanceof ProfileLimitError) return { ok: false, message: error.message };
    throw error;
  }
}

/** userAction answers ActionResult<ActionResult<T>>: one level for the client. */
export function flatten<T>(result: ActionResult<ActionResult<T>>): ActionResult<T> {
  return result.ok ? result.data : result;
}
