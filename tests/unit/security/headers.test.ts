import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsRequest } from "@/lib/security/headers";

describe("contentSecurityPolicy", () => {
  const production = contentSecurityPolicy({ nonce: "abc123", development: false, https: true });

  it("lets scripts run only with the response's nonce, and never eval in production", () => {
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
    expect(production).toContain("form-action 'self'");
    expect(production).toContain("base-uri 'self'");
  });

  it("allows eval in development only, where React needs it", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests only when served over HTTPS", () => {
    expect(production).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("isHttpsRequest", () => {
  it("trusts the reverse proxy's X-Forwarded-Proto, first hop", () => {
    expect(isHttpsRequest("http://localhost:3000/", "https")).toBe(true);
    expect(isHttpsRequest("http://localhost:3000/", "HTTPS, http")).toBe(true);
    expect(isHttpsRequest("https://rac.example/", "http")).toBe(false);
  });

  it("falls back to the request URL", () => {
    expect(isHttpsRequest("https://rac.example/", null)).toBe(true);
    expect(isHttpsRequest("http://localhost:3000/", null)).toBe(false);
  });
});

describe("next.config.js fixed headers", () => {
  it("sends nosniff, a referrer policy and DENY framing on every route", async () => {
    // A plain JavaScript module without types: imported through a path TypeScript does not resolve.
    const configModule = "../../../next.config.js";
    const { FIXED_SECURITY_HEADERS } = (await import(configModule)) as { FIXED_SECURITY_HEADERS: { key: string; value: string }[] };
    const byName = new Map(FIXED_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(byName.get("X-Content-Type-Options")).toBe("nosniff");
    expect(byName.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(byName.get("X-Frame-Options")).toBe("DENY");
  });
});
