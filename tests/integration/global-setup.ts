import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { deployMigrations } from "../../scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    postgresPort: number;
  }
}

/**
 * One throwaway PostgreSQL cluster per run (temporary directory, free port), with a
 * fresh database migrated by Prisma's own `migrate deploy`. Removed at the end.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "rac-int-pg-"));
  const cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
  const database = `rac_test_${Date.now()}`;
  await cluster.createDatabase(database);
  try {
    await deployMigrations(cluster.url(database));
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("databaseUrl", cluster.url(database));
  project.provide("postgresPort", cluster.port);
  return async () => {
    await cluster.stop();
  };
}
