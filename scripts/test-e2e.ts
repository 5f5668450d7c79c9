// End-to-end tier: a throwaway embedded PostgreSQL, migrated by Prisma and seeded, a
// fresh `next build` served by `next start`, and Playwright driving Debian's Chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { buildIfNeeded, ROOT, runNext } from "./lib/next-build";
import { deployMigrations } from "./lib/prisma-cli";
import { seedDatabase } from "./lib/seed-database";

const playwrightArgs = process.argv.slice(2);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "rac-e2e-pg-"));
const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
let server: ReturnType<typeof runNext> | undefined;
let code = 1;
try {
  await cluster.createDatabase("rac_e2e");
  const databaseUrl = cluster.url("rac_e2e");
  await deployMigrations(databaseUrl);
  await seedDatabase(databaseUrl);

  const port = String(await findFreePort());
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "e2e-secret-with-at-least-thirty-two-characters", APP_URL: `http://localhost:${port}` };
  await buildIfNeeded({ ...env, NODE_ENV: "production" });
  server = runNext(["start", "-p", port], env);
  await waitForServer(`http://localhost:${port}/`);

  code = await new Promise<number>((resolve) => {
    const playwright = spawn(process.execPath, [path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", ...playwrightArgs], {
      cwd: ROOT,
      env: { ...env, E2E_BASE_URL: `http://localhost:${port}` },
      stdio: "inherit",
    });
    playwright.on("close", (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  server?.kill("SIGTERM");
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${url} within 60 s`);
}
