import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readServerActions } from "../../scripts/lib/server-actions";
import { createPasswordUser } from "./support/users";
import { startApp, startDatabase, type AppProcess, type TestDatabase } from "./support/system";

/**
 * Every kind of route the app serves, with the headers a browser must get on it. The app
 * runs as in production behind a TLS-terminating reverse proxy (APP_URL in https, the
 * proxy's X-Forwarded-Proto), which is when HSTS and Secure cookies apply.
 */
let database: TestDatabase;
let app: AppProcess;
const HTTPS = { "x-forwarded-proto": "https" };

beforeAll(async () => {
  database = await startDatabase();
  app = await startApp(database.url, { APP_URL: "https://rac.example" });
});
afterAll(async () => {
  await app?.kill();
  await database?.remove();
});

function expectFixedHeaders(headers: Headers) {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("x-powered-by")).toBeNull();
}

function expectPolicy(headers: Headers) {
  const policy = headers.get("content-security-policy") ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
}

describe("security headers on every route kind", () => {
  it.each([
    ["home page", "/"],
    ["form page", "/comparer"],
    ["dynamic page with a parameter", "/comparer/offre/inconnue"],
    ["content page", "/comment-nous-calculons"],
    ["sign-in page", "/connexion"],
    ["redirect of a protected page", "/compte"],
    ["admin area (a redirect when signed out)", "/admin"],
    ["unknown page (404)", "/nulle-part"],
    ["route handler (next-auth)", "/api/auth/csrf"],
    ["route handler (data export, 401)", "/compte/export"],
  ])("%s %s", async (_kind, route) => {
    const response = await fetch(`${app.baseUrl}${route}`, { headers: HTTPS, redirect: "manual" });
    expect(response.status).toBeLessThan(500);
    expectFixedHeaders(response.headers);
    expectPolicy(response.headers);
  });

  it("a fresh nonce per response, and on every script of the page", async () => {
    const [first, second] = await Promise.all([fetch(`${app.baseUrl}/`, { headers: HTTPS }), fetch(`${app.baseUrl}/`, { headers: HTTPS })]);
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toBeDefined();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first)}"`);
  });

  it("a server action answer", async () => {
    const compare = readServerActions().get("compareAction")!;
    const response = await fetch(`${app.baseUrl}${compare.page}`, {
      method: "POST",
      headers: { ...HTTPS, "next-action": compare.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body: JSON.stringify([{ profile: "garbage" }]),
    });
    expect(response.status).toBe(200);
    expectFixedHeaders(response.headers);
    expectPolicy(response.headers);
  });

  it("static files get the fixed headers", async () => {
    const html = await (await fetch(`${app.baseUrl}/`, { headers: HTTPS })).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(`${app.baseUrl}${asset}`, { headers: HTTPS });
    expect(response.status).toBe(200);
    expectFixedHeaders(response.headers);
  });

  it("over plain HTTP (local use) there is no HSTS and no upgrade-insecure-requests", async () => {
    const response = await fetch(`${app.baseUrl}/`);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});

describe("cookies", () => {
  it("the CSRF and session cookies are HttpOnly, Secure and SameSite=Lax in production", async () => {
    const user = await createPasswordUser(database);
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: HTTPS });
    const sessionCookies = await sessionSetCookies(user);
    expect(sessionCookies.some((line) => line.startsWith("__Secure-next-auth.session-token="))).toBe(true);
    for (const line of [...csrf.headers.getSetCookie(), ...sessionCookies]) {
      expect(line, line).toMatch(/;\s*HttpOnly/i);
      expect(line, line).toMatch(/;\s*Secure/i);
      expect(line, line).toMatch(/;\s*SameSite=Lax/i);
    }
  });
});

/** The Set-Cookie lines of a successful password sign-in. */
async function sessionSetCookies(user: { email: string; password: string }): Promise<string[]> {
  const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: HTTPS });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...HTTPS, "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }).toString(),
    redirect: "manual",
  });
  return response.headers.getSetCookie();
}
