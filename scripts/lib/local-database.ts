import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const LOCAL_DATA_DIR = path.join(root, ".data", "postgres");
export const LOCAL_DATABASE = "reste_a_charge";
const DEFAULT_LOCAL_PORT = 54329;

/**
 * A random AUTH_SECRET kept under `.data/` for the local production build of
 * `npm start`, so that local use needs no configuration and no secret is committed.
 */
export function localAuthSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8");
}

export type LocalDatabase = { url: string; stop(): Promise<void> };

/**
 * The database of `npm start` and the db:* scripts: DATABASE_URL when set (nothing is
 * started), otherwise the embedded PostgreSQL whose data lives under `.data/`.
 */
export async function openLocalDatabase(log: (line: string) => void = () => {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const requested = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_LOCAL_PORT);
  const port = await findFreePort(requested);
  const cluster: RunningPostgres = await startEmbeddedPostgres({ dataDir: LOCAL_DATA_DIR, port, persistent: true, log });
  await cluster.createDatabase(LOCAL_DATABASE);
  return { url: cluster.url(LOCAL_DATABASE), stop: () => cluster.stop() };
}
