import type { ActionResult } from "./result";

export const SERVER_UNREACHABLE_MESSAGE =
  "Le service ne répond pas pour le moment. Votre saisie est conservée : réessayez dans quelques instants.";

/**
 * For client components: a server action call that could not complete (network down,
 * the 503 answered while the database is unreachable, a restart) becomes an ordinary
 * refusal with a French message, instead of an exception that would replace the page
 * (and the user's input) with an error screen.
 */
export async function reachServer<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch (error) {
    // Kept in the browser's console: a client bug must not pass silently for an outage.
    console.error(error);
    return { ok: false, message: SERVER_UNREACHABLE_MESSAGE };
  }
}
