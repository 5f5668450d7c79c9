import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { countMagicLinkRequest } from "@/lib/auth/magic-link-request";
import { rateLimitedCode } from "@/lib/auth/messages";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

function nextAuth(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  return nextAuth(request, context);
}

/**
 * Sign-in link requests are rate-limited here, before next-auth: its e-mail provider
 * offers no hook that sees the request (and so the caller's IP). A refusal answers the
 * way next-auth answers its own errors to `signIn(…, { redirect: false })`.
 */
export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth[0] === "signin" && nextauth[1] === "email") {
    const email = await formField(request, "email");
    if (typeof email === "string" && email.trim()) {
      const outcome = await countMagicLinkRequest(db(), email, clientIp(request.headers));
      if (!outcome.allowed) {
        return Response.json({ url: `${env().APP_URL}/connexion?error=${rateLimitedCode(outcome.retryMinutes)}` }, { status: 429 });
      }
    }
  }
  return nextAuth(request, context);
}

/** A field of next-auth's url-encoded POST body, read from a copy (next-auth reads the original). */
async function formField(request: NextRequest, name: string): Promise<string | null> {
  try {
    const value = (await request.clone().formData()).get(name);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
