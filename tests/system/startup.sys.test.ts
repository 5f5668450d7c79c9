import { describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { runNext } from "../../scripts/lib/next-build";
import { TEST_AUTH_SECRET } from "./support/system";

/** `next start` of the production build refuses an invalid environment at once (instrumentation.ts). */
async function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await findFreePort();
  const child = runNext(["start", "-p", String(port)], { ...process.env, NODE_ENV: "production", ...env }, "pipe");
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, output };
}

const DATABASE_URL = "postgresql://postgres:postgres@localhost:1/unused";

describe("an invalid production environment stops the server", () => {
  it.each([
    ["an http:// APP_URL on a real host", { DATABASE_URL, AUTH_SECRET: TEST_AUTH_SECRET, APP_URL: "http://rac.example" }, "APP_URL doit être en https:// en production"],
    ["no AUTH_SECRET", { DATABASE_URL, AUTH_SECRET: "", APP_URL: "https://rac.example" }, "AUTH_SECRET"],
  ])("%s", async (_case, env, reason) => {
    const { code, output } = await startWith(env);
    expect(code).toBe(1);
    expect(output).toContain(reason);
  });
});
