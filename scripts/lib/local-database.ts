import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { clusterUrl, findFreePort, PostgresStartError, runningCluster, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { pendingMigrations } from "./migrations";
import { deployMigrations } from "./prisma-cli";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const LOCAL_DATA_DIR = path.join(root, ".data", "postgres");
export const LOCAL_DATABASE = "reste_a_charge";
const DEFAULT_LOCAL_PORT = 54329;
// A port another program took between our check and PostgreSQL's bind: try elsewhere, a few times.
const START_ATTEMPTS = 3;

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

/** A failure the person at the terminal can act on: printed as is, without a stack. */
export class LocalDatabaseError extends Error {}

export type LocalDatabase = {
  url: string;
  /** Where it comes from: DATABASE_URL, a cluster this process started, or one already running (`npm start`). */
  origin: "DATABASE_URL" | "started" | "running";
  /** Stops the cluster if this process started it; leaves any other database as it was. */
  stop(): Promise<void>;
};

export type OpenOptions = {
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /**
   * The caller reads or writes the app's tables: the embedded database gets this
   * checkout's pending migrations applied; a DATABASE_URL one lacking any is refused
   * with what to run (the operator decides when production migrates).
   */
  migrated?: boolean;
};

/**
 * The database of `npm start` and the db:* / catalogue:* / admin:* scripts: DATABASE_URL
 * when set (nothing is started), otherwise the embedded PostgreSQL whose data lives under
 * `.data/`, used as it is when `npm start` already runs it.
 */
export async function openLocalDatabase(options: OpenOptions = {}): Promise<LocalDatabase> {
  if (!process.env.DATABASE_URL) return openEmbeddedDatabase(LOCAL_DATA_DIR, options);
  const database: LocalDatabase = { url: process.env.DATABASE_URL, origin: "DATABASE_URL", stop: async () => {} };
  if (options.migrated) await requireMigrated(database);
  return database;
}

/** openLocalDatabase for a command-line script: a LocalDatabaseError ends it with its French message. */
export async function openLocalDatabaseOrExit(command: string, options: OpenOptions = {}): Promise<LocalDatabase> {
  try {
    return await openLocalDatabase(options);
  } catch (error) {
    if (!(error instanceof LocalDatabaseError || error instanceof PostgresStartError)) throw error;
    console.error(`${command} : ${error.message}`);
    process.exit(1);
  }
}

/**
 * The embedded cluster of `dataDir`: the running one if any (its port read from
 * PostgreSQL's postmaster.pid), else started on the port recorded beside it
 * (`postgres-port`), EMBEDDED_PG_PORT or 54329, or any free port when that one is taken
 * (another checkout's cluster, say); the port used is recorded for the next start.
 */
export async function openEmbeddedDatabase(dataDir: string, options: OpenOptions = {}): Promise<LocalDatabase> {
  let database = attachToRunning(dataDir);
  if (!database) {
    const portFile = path.join(path.dirname(dataDir), "postgres-port");
    const recorded = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : undefined;
    let port = await findFreePort(Number(process.env.EMBEDDED_PG_PORT ?? recorded ?? DEFAULT_LOCAL_PORT));
    let cluster: RunningPostgres | null = null;
    for (let attempt = 1; !cluster; attempt++) {
      try {
        cluster = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: options.log });
      } catch (error) {
        // Started by another process meanwhile (npm start and a script at once): use it.
        database = attachToRunning(dataDir);
        if (database) break;
        if (!(error instanceof PostgresStartError && error.portTaken) || attempt === START_ATTEMPTS) throw error;
        port = await findFreePort();
      }
    }
    if (cluster) {
      writeFileSync(portFile, `${port}\n`);
      await cluster.createDatabase(LOCAL_DATABASE);
      database = { url: cluster.url(LOCAL_DATABASE), origin: "started", stop: () => cluster.stop() };
    }
  }
  if (options.migrated) {
    try {
      await requireMigrated(database!);
    } catch (error) {
      await database!.stop();
      throw error;
    }
  }
  return database!;
}

function attachToRunning(dataDir: string): LocalDatabase | null {
  const running = runningCluster(dataDir);
  return running ? { url: clusterUrl(running.port, LOCAL_DATABASE), origin: "running", stop: async () => {} } : null;
}

async function requireMigrated(database: LocalDatabase): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  let pending: string[];
  try {
    await client.connect();
    pending = await pendingMigrations(client);
  } catch (error) {
    throw new LocalDatabaseError(`connexion à la base impossible (${database.origin === "DATABASE_URL" ? "DATABASE_URL" : "PostgreSQL embarqué"}) : ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  if (pending.length === 0) return;
  if (database.origin === "DATABASE_URL") {
    throw new LocalDatabaseError(
      `la base de DATABASE_URL n'a pas ${pending.length} migration(s) de cette version (${pending.join(", ")}). ` +
        "Appliquez-les avec `npm run db:deploy`, puis relancez la commande.",
    );
  }
  await deployMigrations(database.url);
  console.error(`Base locale mise à jour : ${pending.length} migration(s) appliquée(s).`);
}
