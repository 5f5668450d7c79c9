/**
 * Who is acting. Structurally the CurrentUser of lib/auth/session.ts, restated here so
 * the catalogue does not depend on the session code (scripts and tests pass plain objects).
 */
export interface AdminActor {
  id: string;
  email: string;
  role: "USER" | "ADMIN";
}

/** A caller without the ADMIN role reached an admin entry point: nothing was read or written. */
export class AdminAccessError extends Error {
  constructor() {
    super("Accès réservé aux administrateurs.");
    this.name = "AdminAccessError";
  }
}

/**
 * Checked again by every admin function although the layout and adminAction check it
 * too: server actions are public endpoints, and a lib function called from a future
 * action or script must not rely on its caller having checked.
 */
export function assertAdmin(actor: AdminActor | null | undefined): asserts actor is AdminActor & { role: "ADMIN" } {
  if (!actor || actor.role !== "ADMIN") throw new AdminAccessError();
}
