import "server-only";
import type { z } from "zod";
import { ADMIN_ONLY_MESSAGE, SIGN_IN_REQUIRED_MESSAGE } from "@/lib/auth/messages";
import { type CurrentUser, getCurrentUser } from "@/lib/auth/session";
import { type ActionGuard, defineAction } from "./define-action";
import type { ActionResult } from "./result";

// Server actions are public endpoints whatever page calls them: each call checks the
// session again (against the Session table), never trusting the layout that rendered the form.
const signedIn: ActionGuard<CurrentUser> = async () => {
  const user = await getCurrentUser();
  return user ? { ok: true, context: user } : { ok: false, message: SIGN_IN_REQUIRED_MESSAGE };
};

const admin: ActionGuard<CurrentUser> = async () => {
  const access = await signedIn();
  if (access.ok && access.context.role !== "ADMIN") return { ok: false, message: ADMIN_ONLY_MESSAGE };
  return access;
};

/** A server action for a signed-in user: the handler gets the parsed input and the verified user. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return defineAction(signedIn, schema, handler);
}

/** A server action for administrators only (role read from the database on each call). */
export function adminAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return defineAction(admin, schema, handler);
}
