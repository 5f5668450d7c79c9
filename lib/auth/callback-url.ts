/**
 * next-auth answers every request with an HTTP 500 ("There is a problem with the server
 * configuration") when the `callbackUrl` query parameter or its callback-URL cookie is
 * not an http(s) URL or a path (next-auth/core/lib/assert.js `isValidHttpUrl`): a typo in
 * a link, or a forged cookie, would lock the browser out of every auth route. The route
 * handler refuses those with a 400 first, and clears such a cookie.
 */
export function isNextAuthCallbackUrl(url: string, baseUrl: string): boolean {
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

/** The callback-URL cookie's name, as next-auth names it (next-auth/core/lib/cookie.js). */
export function callbackUrlCookieName(secureCookies: boolean): string {
  return `${secureCookies ? "__Secure-" : ""}next-auth.callback-url`;
}

/** Why next-auth would refuse this request's callback URL, or null. */
export function unusableCallbackUrl(request: { nextUrl: URL; cookies: { get(name: string): { value: string } | undefined } }, secureCookies: boolean): "query" | "cookie" | null {
  const base = request.nextUrl.origin;
  // next-auth keeps the last of repeated parameters: every one is checked.
  if (request.nextUrl.searchParams.getAll("callbackUrl").some((url) => url && !isNextAuthCallbackUrl(url, base))) return "query";
  const fromCookie = request.cookies.get(callbackUrlCookieName(secureCookies))?.value;
  if (fromCookie && !isNextAuthCallbackUrl(fromCookie, base)) return "cookie";
  return null;
}
