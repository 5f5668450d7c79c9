import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import { safeReturnPath } from "./safe-redirect";

export type CurrentUser = { id: string; email: string; role: "USER" | "ADMIN" };

/**
 * The signed-in user, or null. next-auth decrypts the JWT cookie and its jwt callback
 * checks the session row (exists, not expired) and reads the user's current role, so a
 * signed-out, expired or deleted session is null here even if the browser kept its cookie.
 * Cached per request: the layout and the page share one database read.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions())) as { user?: Partial<CurrentUser> } | null;
  const user = session?.user;
  if (!user?.id || !user.email || (user.role !== "USER" && user.role !== "ADMIN")) return null;
  return { id: user.id, email: user.email, role: user.role };
});

/** For pages and layouts: the user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?retour=${encodeURIComponent(safeReturnPath(returnTo, "/compte"))}`);
  return user;
}

/** For admin pages: signed out → sign-in page; signed in without the ADMIN role → 404 (the area is not advertised). */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser("/admin");
  if (user.role !== "ADMIN") notFound();
  return user;
}

/**
 * The server-side session token of this request's browser (inside next-auth's encrypted
 * JWT cookie), or null: what a password change keeps while ending every other session.
 * The caller has already checked the session (getCurrentUser).
 */
export async function currentSessionToken(): Promise<string | null> {
  const options = authOptions();
  const secureCookie = options.useSecureCookies ?? false;
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as never,
    secret: options.secret,
    secureCookie,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}
