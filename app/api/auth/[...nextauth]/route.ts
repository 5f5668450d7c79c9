import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { callbackUrlCookieName, unusableCallbackUrl } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";
import { csrfCookieName, isCsrfTokenValid } from "@/lib/auth/csrf";
import { normalizeEmail } from "@/lib/auth/email-address";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceCookieValue } from "@/lib/auth/known-device";
import { countMagicLinkRequest } from "@/lib/auth/magic-link-request";
import { signInLinkPageUrl } from "@/lib/auth/sign-in-link";
import { rateLimitedCode } from "@/lib/auth/messages";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { frenchRefusal, INVALID_REQUEST_MESSAGE } from "@/lib/security/refusal";

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

function nextAuth(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  const refused = refusedCallbackUrl(request);
  if (refused) return refused;
  const { nextauth } = await context.params;
  // A GET that signed in whoever opened it let a page sign a visitor in to someone else's
  // account (login CSRF), and mail scanners used links up. Links older than this change
  // point here: they land on the page with the button.
  if (nextauth[0] === "callback" && nextauth[1] === "email") {
    return Response.redirect(signInLinkPageUrl(env().APP_URL, request.nextUrl.searchParams), 303);
  }
  return nextAuth(request, context);
}

function invalidRequest(request: NextRequest): Response {
  return frenchRefusal(request, { status: 400, error: "bad_request", title: INVALID_REQUEST_MESSAGE, message: INVALID_REQUEST_MESSAGE });
}

/** A 400 instead of next-auth's 500 for a callback URL it cannot use; a bad cookie is cleared, so the next try works. */
function refusedCallbackUrl(request: NextRequest): Response | null {
  const secureCookies = authOptions().useSecureCookies ?? false;
  const unusable = unusableCallbackUrl(request, secureCookies);
  if (!unusable) return null;
  const response = invalidRequest(request);
  if (unusable === "cookie") {
    response.headers.append("Set-Cookie", `${callbackUrlCookieName(secureCookies)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`);
  }
  return response;
}

/**
 * Around next-auth's POST routes:
 * - a sign-in link request is rate-limited here, before next-auth (its e-mail provider
 *   offers no hook that sees the request, so the caller's IP), but only once its CSRF
 *   token is valid: next-auth would refuse the others without sending anything, and they
 *   must not use up the mailbox's requests;
 * - using a sign-in link needs the CSRF token (next-auth checks it for passwords only): a
 *   form on another site cannot sign the visitor in to an account of its choosing;
 * - a browser that signs in successfully gets the known-device cookie for that address.
 * A refusal answers the way next-auth answers its own errors to `signIn(…, { redirect: false })`.
 */
export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  const refused = refusedCallbackUrl(request);
  if (refused) return refused;
  const body = await readBody(request);
  // next-auth parses a JSON body without catching its errors: unparsable, it would be a 500.
  if (body === INVALID) return invalidRequest(request);
  const { nextauth } = await context.params;
  const { AUTH_SECRET } = env();
  const secureCookies = authOptions().useSecureCookies ?? false;
  const csrfValid = isCsrfTokenValid(request.cookies.get(csrfCookieName(secureCookies))?.value, body?.csrfToken, AUTH_SECRET);
  const [action, provider] = nextauth;

  if (action === "signin" && provider === "email" && csrfValid) {
    const email = body?.email;
    if (typeof email === "string" && email.trim()) {
      const knownDevice = isKnownDevice(AUTH_SECRET, normalizeEmail(email), request.cookies.get(KNOWN_DEVICE_COOKIE)?.value);
      const outcome = await countMagicLinkRequest(db(), { email, ip: clientIp(request.headers), knownDevice });
      if (!outcome.allowed) {
        return Response.json({ url: `${env().APP_URL}/connexion?error=${rateLimitedCode(outcome.retryMinutes)}` }, { status: 429 });
      }
    }
  }
  if (action === "callback" && provider === "email" && !csrfValid) return invalidRequest(request);

  const response = await nextAuth(request, context);
  if (action === "callback") {
    const email = provider === "email" ? request.nextUrl.searchParams.get("email") : body?.email;
    if (typeof email === "string" && openedSession(response, secureCookies)) {
      const value = knownDeviceCookieValue(AUTH_SECRET, normalizeEmail(email));
      response.headers.append(
        "Set-Cookie",
        `${KNOWN_DEVICE_COOKIE}=${value}; Path=/; Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`,
      );
    }
  }
  return response;
}

/** Whether next-auth's answer sets a (non-empty) session cookie: the sign-in succeeded. */
function openedSession(response: Response, secureCookies: boolean): boolean {
  const name = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;
  // A large token is split into "name.0", "name.1"… (next-auth's SessionStore).
  return response.headers.getSetCookie().some((cookie) => /^[^=]+=[^;]/.test(cookie) && (cookie.startsWith(`${name}=`) || cookie.startsWith(`${name}.0=`)));
}

const INVALID = Symbol("invalid body");

/**
 * The POST body as next-auth reads it (next-auth/next/utils.js `getBody`): JSON or
 * URL-encoded by the Content-Type, anything else ignored. Read from a copy (next-auth
 * reads the original), and the same way, so that a JSON body is rate-limited like a form.
 */
async function readBody(request: NextRequest): Promise<Record<string, unknown> | null | typeof INVALID> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/json")) {
    try {
      const value: unknown = await request.clone().json();
      return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
    } catch {
      return INVALID;
    }
  }
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await request.clone().text()));
  return null;
}
