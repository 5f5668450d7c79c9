import { createHash, timingSafeEqual } from "node:crypto";

/** next-auth's CSRF cookie name (next-auth/core/lib/cookie.js). */
export function csrfCookieName(secureCookies: boolean): string {
  return `${secureCookies ? "__Host-" : ""}next-auth.csrf-token`;
}

/**
 * next-auth's double-submit check (next-auth/core/lib/csrf-token.js), for the requests it
 * does not check itself or checks too late: the cookie holds `token|sha256(token+secret)`
 * and the form must post the same token. A cross-site form cannot: the cookie is
 * SameSite=Lax and httpOnly, so it neither travels with that POST nor can be read.
 */
export function isCsrfTokenValid(cookieValue: string | undefined, postedToken: unknown, secret: string): boolean {
  if (!cookieValue || typeof postedToken !== "string" || postedToken.length === 0) return false;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return false;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  return sameText(hash, expected) && sameText(postedToken, token);
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}
