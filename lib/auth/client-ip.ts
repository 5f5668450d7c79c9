import { env } from "@/lib/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The client address for per-IP rate limits, from X-Forwarded-For as the trusted reverse
 * proxies wrote it. Each proxy appends the address it received the request from, so with
 * `trustedProxies` proxies in front of the app (TRUSTED_PROXY_COUNT, default 1: the
 * TLS-terminating proxy of docker-compose.yml) the client is that many entries from the
 * right. Entries further left were sent by the client itself and are ignored: a forged
 * header cannot dodge the per-IP limits. A request that reached the app without a header
 * gets the one Next.js fills in from the socket; too few entries (the request skipped a
 * proxy) falls back to the leftmost one.
 */
export function clientIp(headers: HeaderSource, trustedProxies: number = env().TRUSTED_PROXY_COUNT): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries[Math.max(0, entries.length - Math.max(1, trustedProxies))];
  return chosen && chosen.length <= 64 ? chosen.toLowerCase() : "local";
}
