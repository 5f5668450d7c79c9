import pg from "pg";
import { inject } from "vitest";

/** Connection string of another database on the test cluster. */
export function clusterUrl(database: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database on the test cluster and returns its URL. */
export async function createEmptyDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: clusterUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return clusterUrl(name);
}

export { query } from "../../support/query";
