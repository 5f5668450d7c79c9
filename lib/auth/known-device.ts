import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A browser that signed in to an account before is "known" for it: it carries a cookie
 * with an HMAC (keyed by AUTH_SECRET) of the account's address and an expiry. The per-
 * account limits slow guessers down on unknown browsers only, so someone hammering an
 * account from elsewhere never locks its owner out of the browser they usually use.
 * The cookie names no address (an HMAC cannot be read back) and is useless for another
 * account or once expired.
 */
export const KNOWN_DEVICE_COOKIE = "rac-appareil-connu";
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function signature(secret: string, email: string, expiresAt: number): string {
  return createHmac("sha256", secret).update(`known-device|${email}|${expiresAt}`).digest("base64url");
}

/** The cookie value for a browser that just signed in to `email` (already normalised). */
export function knownDeviceCookieValue(secret: string, email: string, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + KNOWN_DEVICE_MAX_AGE_SECONDS;
  return `${expiresAt}.${signature(secret, email, expiresAt)}`;
}

/** Whether the cookie (if any) says this browser signed in to `email` before. */
export function isKnownDevice(secret: string, email: string, cookieValue: string | undefined, now = Date.now()): boolean {
  if (!cookieValue) return false;
  const [expires, given] = cookieValue.split(".");
  const expiresAt = Number(expires);
  if (!given || !Number.isInteger(expiresAt) || expiresAt * 1000 <= now) return false;
  const expected = Buffer.from(signature(secret, email, expiresAt));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The known-device cookie out of a raw `Cookie` header (next-auth hands `authorize` plain headers). */
export function knownDeviceFromCookieHeader(cookieHeader: string | string[] | undefined): string | undefined {
  const header = Array.isArray(cookieHeader) ? cookieHeader.join("; ") : cookieHeader;
  for (const part of header?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name === KNOWN_DEVICE_COOKIE) return value.join("=");
  }
  return undefined;
}
