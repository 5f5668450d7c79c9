import pg from "pg";

/**
 * A one-statement probe of PostgreSQL, run by the proxy before each page, action and
 * route handler: while the database is down every request gets the French 503 page
 * instead of failing half-way, and the first request after it is back goes through.
 * Its own two-connection pool keeps the probe independent from the app's pool.
 */
const PROBE_TIMEOUT_MS = 2_000;

interface Probe {
  pool: pg.Pool;
  inFlight: Promise<boolean> | null;
}

const globalForProbe = globalThis as unknown as { databaseProbe?: Probe };

function probe(connectionString: string): Probe {
  if (!globalForProbe.databaseProbe) {
    const pool = new pg.Pool({
      connectionString,
      max: 2,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection cut by a database restart must not become an uncaught error.
    pool.on("error", () => {});
    globalForProbe.databaseProbe = { pool, inFlight: null };
  }
  return globalForProbe.databaseProbe;
}

/** Whether PostgreSQL answers now; concurrent callers share one probe. */
export function databaseReachable(connectionString: string): Promise<boolean> {
  const current = probe(connectionString);
  current.inFlight ??= current.pool
    .query("SELECT 1")
    .then(
      () => true,
      () => false,
    )
    .finally(() => {
      current.inFlight = null;
    });
  return current.inFlight;
}
