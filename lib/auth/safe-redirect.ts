/**
 * The `?retour=` target after signing in, kept only when it is a path of this site:
 * "/compte" passes; "https://evil.example", "//evil.example", "/\\evil.example" and
 * anything with a scheme or control characters fall back to `fallback` (no open redirect).
 */
export function safeReturnPath(value: unknown, fallback = "/compte"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/")) return fallback;
  // "//host" and "/\host" are protocol-relative URLs for browsers.
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const base = "http://same-site.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
