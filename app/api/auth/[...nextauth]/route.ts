import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { callbackUrlCookieName, unusableCallbackUrl } from "@/lib/auth/callback-url";
import { clientIp } from "@/lib/auth/client-ip";
import { countMagicLinkRequest } from "@/lib/auth/magic-link-request";
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
  return refusedCallbackUrl(request) ?? nextAuth(request, context);
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
 * Sign-in link requests are rate-limited here, before next-auth: its e-mail provider
 * offers no hook that sees the request (and so the caller's IP). A refusal answers the
 * way next-auth answers its own errors to `signIn(…, { redirect: false })`.
 */
export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  const refused = refusedCallbackUrl(request);
  if (refused) return refused;
  const body = await readBody(request);
  // next-auth parses a JSON body without catching its errors: unparsable, it would be a 500.
  if (body === INVALID) return invalidRequest(request);
  const { nextauth } = await context.params;
  if (nextauth[0] === "signin" && nextauth[1] === "email") {
    const email = body?.email;
    if (typeof email === "string" && email.trim()) {
      const outcome = await countMagicLinkRequest(db(), email, clientIp(request.headers));
      if (!outcome.allowed) {
        return Response.json({ url: `${env().APP_URL}/connexion?error=${rateLimitedCode(outcome.retryMinutes)}` }, { status: 429 });
      }
    }
  }
  return nextAuth(request, context);
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
