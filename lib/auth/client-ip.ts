type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The client address for per-IP rate limits: the first hop of X-Forwarded-For (what the
 * reverse proxy in front of the app saw), else "local". The header can be forged by a
 * client talking to the app directly, so production must sit behind a proxy that
 * overwrites it; the per-account limits hold regardless.
 */
export function clientIp(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first && first.length <= 64 ? first.toLowerCase() : "local";
}
