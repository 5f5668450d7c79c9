import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres";
import { buildIfNeeded, type NextOutput, runNext } from "./next-build";
import { deployMigrations } from "./prisma-cli";
import { seedDatabase } from "./seed-database";

export interface TestServer {
  baseUrl: string;
  databaseUrl: string;
  /** The environment the server runs with, for child processes that talk to it. */
  env: NodeJS.ProcessEnv;
  /** The `next start` process (its memory is measured by the load test). */
  serverPid: number;
}

/**
 * Runs `work` against the production build served by `next start`, on a throwaway
 * embedded PostgreSQL migrated by Prisma and seeded with the demo catalogue; everything
 * is stopped and removed afterwards, whatever `work` does.
 */
export async function withTestServer<T>(work: (server: TestServer) => Promise<T>, options: { nextOutput?: NextOutput } = {}): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rac-server-pg-"));
  // Mails of the run (sign-in links…) land here; the e2e tests read them (E2E_OUTBOX_DIR).
  const outboxDir = mkdtempSync(path.join(os.tmpdir(), "rac-outbox-"));
  const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
  let server: ReturnType<typeof runNext> | undefined;
  try {
    await cluster.createDatabase("rac_test");
    const databaseUrl = cluster.url("rac_test");
    await deployMigrations(databaseUrl);
    await seedDatabase(databaseUrl);

    const port = String(await findFreePort());
    const baseUrl = `http://localhost:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "test-secret-with-at-least-thirty-two-characters",
      APP_URL: baseUrl,
      // Never a real SMTP server from a test run, even if the shell has one configured.
      SMTP_URL: "",
      MAIL_OUTBOX_DIR: outboxDir,
      E2E_OUTBOX_DIR: outboxDir,
    };
    await buildIfNeeded({ ...env, NODE_ENV: "production" }, options.nextOutput);
    server = runNext(["start", "-p", port], env, options.nextOutput);
    await waitForServer(`${baseUrl}/`);
    return await work({ baseUrl, databaseUrl, env, serverPid: server.pid! });
  } finally {
    server?.kill("SIGTERM");
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outboxDir, { recursive: true, force: true });
  }
}

/** Resolves once `url` answers below 500; throws after 60 s. */
export async function waitForServer(url: string): Promise<void> {
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
