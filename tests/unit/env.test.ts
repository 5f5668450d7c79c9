import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const DATABASE_URL = "postgresql://user:pass@localhost:5432/db";

describe("lib/env", () => {
  it("gives local defaults outside production", () => {
    const env = parseEnv({ DATABASE_URL, NODE_ENV: "development" });
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("follows the port served when APP_URL is unset, and keeps an APP_URL that is set", () => {
    expect(parseEnv({ DATABASE_URL, PORT: "3300" }).APP_URL).toBe("http://localhost:3300");
    expect(parseEnv({ DATABASE_URL, PORT: "3300", APP_URL: "https://rac.example" }).APP_URL).toBe("https://rac.example");
    expect(() => parseEnv({ DATABASE_URL, PORT: "port" })).toThrow(/PORT/);
  });

  it("refuses to run in production without AUTH_SECRET", () => {
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production" })).toThrow(/AUTH_SECRET est obligatoire en production/);
  });

  it("accepts production with a long enough AUTH_SECRET", () => {
    const secret = "x".repeat(40);
    expect(parseEnv({ DATABASE_URL, NODE_ENV: "production", AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
  });

  it("refuses a production APP_URL in clear HTTP on a real host, allows it on localhost", () => {
    const production = { DATABASE_URL, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };
    expect(() => parseEnv({ ...production, APP_URL: "http://rac.example" })).toThrow(/APP_URL doit être en https/);
    expect(parseEnv({ ...production, APP_URL: "https://rac.example" }).APP_URL).toBe("https://rac.example");
    expect(parseEnv({ ...production, APP_URL: "http://localhost:3000" }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...production, APP_URL: "http://127.0.0.1:3000" }).APP_URL).toBe("http://127.0.0.1:3000");
  });

  it.each([
    ["a missing DATABASE_URL", {}, /DATABASE_URL/],
    ["a non-PostgreSQL DATABASE_URL", { DATABASE_URL: "mysql://localhost/db" }, /DATABASE_URL/],
    ["a short AUTH_SECRET", { DATABASE_URL, AUTH_SECRET: "short" }, /AUTH_SECRET/],
  ])("rejects %s", (_label, source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
