// Calls the app's server actions over HTTP exactly as the browser does (the `Next-Action`
// header, the arguments as a JSON array), for the load script and the system tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./next-build";

export interface ServerAction {
  id: string;
  name: string;
  /** The page the action is posted to, route groups removed, dynamic segments left as `[name]`. */
  page: string;
}

/** Every server action of the production build in `.next`, by exported name. */
export function readServerActions(distDir = path.join(ROOT, ".next")): Map<string, ServerAction> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string }>;
  };
  const actions = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page = `/${worker.replace(/^app\//, "").replace(/(^|\/)page$/, "").split("/").filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    actions.set(entry.exportedName, { id, name: entry.exportedName, page });
  }
  return actions;
}

export interface ActionResponse {
  status: number;
  /** The raw response body (React Server Components rows, or an error page). */
  body: string;
  /** The action's return value when the call reached it. */
  value: unknown;
}

/**
 * Posts `args` to the action the way React's client does; for fuzzing, `body` replaces the
 * JSON array and `headers` add to or replace the client's (a `content-type`, an `origin`…).
 */
export async function callAction(
  baseUrl: string,
  action: ServerAction,
  args: unknown[],
  options: { cookie?: string; page?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<ActionResponse> {
  const response = await fetch(`${baseUrl}${options.page ?? action.page}`, {
    method: "POST",
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body ?? JSON.stringify(args),
    redirect: "manual",
  });
  const body = await response.text();
  return { status: response.status, body, value: actionValue(body) };
}

/** The return value in a Flight response: row 0 names the row (`"a":"$@1"`) that holds it. */
export function actionValue(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    if (typeof head?.a !== "string" || !head.a.startsWith("$@")) return head?.a;
    return JSON.parse(rows.get(head.a.slice(2)) ?? "null");
  } catch {
    return undefined;
  }
}

/** A successful ranking from compareAction: `{ ok: true, data: { offers: [at least one] } }`. */
export function isRanking(value: unknown): boolean {
  const result = value as { ok?: unknown; data?: { offers?: unknown } } | null | undefined;
  return result?.ok === true && Array.isArray(result.data?.offers) && result.data.offers.length > 0;
}

/**
 * Signs in with e-mail and password through next-auth's own endpoints (CSRF token, then
 * the credentials callback) and returns the Cookie header of the session.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    redirect: "manual",
  });
  const session = cookieHeader(response.headers.getSetCookie());
  if (!/session-token=/.test(session)) throw new Error(`sign-in refused for ${email} (HTTP ${response.status})`);
  return `${cookies}; ${session}`;
}

/** `name=value; name=value` from Set-Cookie headers (attributes dropped, deletions skipped). */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(";")[0]!.trim())
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
