import { type NextRequest, NextResponse } from "next/server";
import { databaseReachable } from "@/lib/database-health";
import { serviceUnavailableResponse } from "@/lib/security/service-unavailable";
import { contentSecurityPolicy, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";
import { rejectMalformedRequest } from "@/lib/security/malformed-request";

/**
 * Before every page, server action and route handler: a fresh CSP nonce (Next reads it
 * from the request's CSP header and puts it on its own scripts), HSTS over HTTPS, a 4xx
 * for the malformed requests Next would answer with a 500, and the French 503 page while
 * PostgreSQL is unreachable.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const https = isHttpsRequest(request.url, request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"),
    development: process.env.NODE_ENV === "development",
    https,
  });

  const databaseUrl = process.env.DATABASE_URL;
  const response =
    (await rejectMalformedRequest(request)) ??
    (databaseUrl && !DATABASE_FREE_PATHS.has(request.nextUrl.pathname) && !(await databaseReachable(databaseUrl))
      ? serviceUnavailableResponse(request)
      : NextResponse.next({ request: { headers: withHeader(request.headers, "Content-Security-Policy", policy) } }));

  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * next-auth's sign-in call fetches these two first; neither reads the database. Left
 * open during an outage, the call then fails on its POST, which the sign-in forms turn
 * into the French "service unavailable" message with the address kept (instead of
 * next-auth navigating away to its error page).
 */
const DATABASE_FREE_PATHS = new Set(["/api/auth/providers", "/api/auth/csrf"]);

function withHeader(headers: Headers, name: string, value: string): Headers {
  const copy = new Headers(headers);
  copy.set(name, value);
  return copy;
}

export const config = {
  // Static files carry no script to protect and need no database: next.config.js gives them the fixed headers.
  matcher: [
    "/((?!_next/static|_next/image|icon.svg).*)",
    // …but a server action call is checked wherever it is posted (lib/security/malformed-request.ts).
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
