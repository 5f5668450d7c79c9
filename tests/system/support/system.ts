// The system tier's parts: real embedded PostgreSQL clusters that a test can stop and
// restart, and real `next start` processes of the production build that it can kill.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../../../scripts/lib/embedded-postgres";
import { runNext } from "../../../scripts/lib/next-build";
import { deployMigrations } from "../../../scripts/lib/prisma-cli";
import { seedDatabase } from "../../../scripts/lib/seed-database";
import { waitForServer } from "../../../scripts/lib/test-server";
import { query } from "../../support/query";

export const TEST_AUTH_SECRET = "system-test-secret-with-at-least-thirty-two-characters";

export interface TestDatabase {
  url: string;
  /** Stops PostgreSQL, keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it if needed and deletes its data. */
  remove(): Promise<void>;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
}

/** A migrated, seeded database on its own cluster, in a temporary directory. */
export async function startDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rac-sys-pg-"));
  const port = await findFreePort();
  const boot = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, "cluster"), port, persistent: true });
  let cluster: RunningPostgres | null = await boot();
  await cluster.createDatabase("rac_system");
  const url = cluster.url("rac_system");
  await deployMigrations(url);
  await seedDatabase(url);
  return {
    url,
    async stop() {
      await cluster?.stop();
      cluster = null;
    },
    async start() {
      cluster ??= await boot();
    },
    async remove() {
      await cluster?.stop();
      cluster = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
    query: (text, values = []) => query(url, text, values),
  };
}

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Kills the process (SIGKILL: nothing is flushed) and waits for it to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Whether the process is still running. */
  alive(): boolean;
}

/**
 * `next start` of the production build (built by the tier's global setup) on a free port.
 * Its output goes to the test's own; `onOutput` also gets every chunk of it.
 */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  options: { onOutput?: (chunk: string) => void } = {},
): Promise<AppProcess> {
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: TEST_AUTH_SECRET,
    APP_URL: baseUrl,
    SMTP_URL: "",
    MAIL_OUTBOX_DIR: mkdtempSync(path.join(os.tmpdir(), "rac-sys-outbox-")),
    ...extraEnv,
  };
  const { onOutput } = options;
  const child = runNext(["start", "-p", String(port)], env, onOutput ? "pipe" : "inherit");
  if (onOutput) {
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      onOutput(chunk.toString("utf8"));
    });
  }
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void gone.then(() => (exited = true));
  await waitForServer(`${baseUrl}/`);
  return {
    baseUrl,
    child,
    alive: () => !exited,
    async kill(signal = "SIGKILL") {
      if (!exited) child.kill(signal);
      await gone;
    },
  };
}
