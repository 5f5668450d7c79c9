import { type NextRequest, NextResponse } from "next/server";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/actions/limits";
import { actionReplyProblem } from "./action-reply";
import { frenchRefusal, INVALID_REQUEST_MESSAGE } from "./refusal";

/**
 * Requests that Next itself answers with an HTTP 500 before any code of the app runs,
 * found by the fuzz test (tests/system/fuzz.sys.test.ts), refused here by proxy.ts with a
 * 4xx instead: a malformed path, and server action requests that Next cannot decode.
 * Returns null for every other request, which goes on unchanged.
 */
export async function rejectMalformedRequest(request: NextRequest): Promise<NextResponse | null> {
  if (!decodablePath(request.nextUrl.pathname)) return refusal(request, 400, "Adresse invalide.");
  if (request.method === "POST") return rejectMalformedActionPost(request);
  return null;
}


const TOO_LARGE =
  "Requête trop volumineuse (1 Mo au plus). Pour importer un gros catalogue, utilisez npm run catalogue:import.";

/** `%` not followed by two hex digits, or an invalid UTF-8 sequence: Next's decoding of a dynamic segment throws. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The POSTs Next treats as possible server actions (next/dist/server/lib/server-action-request-meta.js):
 * a `Next-Action` header (the client's fetch), or a multipart body (a form posted without
 * JavaScript). The checks follow Next's action handler, in its order.
 */
async function rejectMalformedActionPost(request: NextRequest): Promise<NextResponse | null> {
  const isFetchAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  // Next's own tests, case included: it answers a URL-encoded action with a 404 by itself.
  if (contentType === "application/x-www-form-urlencoded") return null;
  const isMultipart = contentType.startsWith("multipart/form-data");
  if (!isFetchAction && !isMultipart) return null;

  // Next's CSRF check throws (a 500) when the Origin is not the host the request was sent to.
  if (!sameOrigin(request.headers)) return refusal(request, 403, INVALID_REQUEST_MESSAGE);
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return refusal(request, 413, TOO_LARGE);
  // The app's client always sends plain data as text; its pages have no form posting to an action without JavaScript.
  if (isFetchAction && isMultipart) return refusal(request, 400, INVALID_REQUEST_MESSAGE);

  const body = await request.arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return refusal(request, 413, TOO_LARGE);
  if (isFetchAction) {
    return actionReplyProblem(new TextDecoder().decode(body)) === null ? null : refusal(request, 400, INVALID_REQUEST_MESSAGE);
  }
  // A multipart POST without the header: Next parses it, and runs it as an action if a
  // field names one. Unparsable, it throws; naming an action, it is refused here because
  // no page of this app posts a form to a server action (extend this if one ever does).
  const form = await new Request(request.url, { method: "POST", headers: { "content-type": contentType }, body }).formData().catch(() => null);
  if (!form || [...form.keys()].some((key) => key.startsWith("$ACTION_"))) return refusal(request, 400, INVALID_REQUEST_MESSAGE);
  return null;
}

/**
 * Next's comparison (action-handler.js): no Origin passes (a hand-made request carries no
 * browser's credentials by accident); otherwise its host must be the first X-Forwarded-Host,
 * else the Host. next.config.js sets no `serverActions.allowedOrigins`: mirror it here if it ever does.
 */
function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originHost === host;
}

function refusal(request: NextRequest, status: 400 | 403 | 413, message: string): NextResponse {
  return frenchRefusal(request, { status, error: "bad_request", title: message, message });
}
