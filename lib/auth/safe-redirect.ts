const SAME_SITE_BASE = "http://same-site.invalid";

/** A path a browser would read as another host: "//host", "/\host" (backslashes count as slashes). */
function looksLikeAnotherHost(path: string): boolean {
  return /^[/\\]{2}/.test(path);
}

/**
 * The `?retour=` target after signing in, kept only when it is a path of this site:
 * "/compte" passes; "https://evil.example", "//evil.example", "/\\evil.example" and
 * anything with a scheme or control characters fall back to `fallback` (no open redirect).
 *
 * The checks run on the normalised result too, not only on the input: "/.//evil.example"
 * and "/a/..//evil.example" start with one slash but normalise to "//evil.example", which
 * a `Location` header sends off-site. Encoded slashes are checked once decoded, in case a
 * later hop decodes them.
 */
export function safeReturnPath(value: unknown, fallback = "/compte"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || looksLikeAnotherHost(value)) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, SAME_SITE_BASE);
    if (url.origin !== SAME_SITE_BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (looksLikeAnotherHost(url.pathname) || looksLikeAnotherHost(decodeURIComponent(url.pathname))) return fallback;
    if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(url.pathname))) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
