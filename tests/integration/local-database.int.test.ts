import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort, PostgresStartError, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { type LocalDatabase, openEmbeddedDatabase } from "../../scripts/lib/local-database";
import { localMigrations } from "../../scripts/lib/migrations";
import { runCommand } from "../../scripts/lib/run-command";
import { createEmptyDatabase, query } from "./support/database";

/**
 * The embedded PostgreSQL of `npm start` as the scripts open it: a second opener uses the
 * running cluster instead of failing on it, a taken port is never fatal, the port used is
 * recorded, and a database without the migrations is migrated (embedded) or refused with
 * what to run (DATABASE_URL), never a Prisma stack trace.
 */
const workDir = mkdtempSync(path.join(os.tmpdir(), "rac-local-db-"));
const dataDir = path.join(workDir, "postgres");
const recordedPort = () => Number(readFileSync(path.join(workDir, "postgres-port"), "utf8"));
const opened: LocalDatabase[] = [];

async function open(): Promise<LocalDatabase> {
  const database = await openEmbeddedDatabase(dataDir, { migrated: true });
  opened.push(database);
  return database;
}

/** Holds a port on localhost, as another program would. */
async function holdPort(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "localhost", resolve));
  return server;
}

afterAll(async () => {
  for (const database of opened.reverse()) await database.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("the local embedded database", () => {
  it("starts on first use, applies every migration and records its port", async () => {
    const database = await open();
    expect(database.origin).toBe("started");
    expect(Number(new URL(database.url).port)).toBe(recordedPort());
    const applied = await query<{ name: string }>(database.url, `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(applied.map((row) => row.name).sort()).toEqual(localMigrations().map((migration) => migration.name));
  });

  it("is used as it runs by a second opener (a script while `npm start` runs), which leaves it running", async () => {
    const [first] = opened;
    const second = await open();
    expect(second.origin).toBe("running");
    expect(second.url).toBe(first!.url);
    await second.stop();
    expect(await query<{ one: number }>(first!.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("starts on another port, and records it, when another program took the recorded one", async () => {
    const first = opened.shift()!;
    await first.stop();
    const taken = recordedPort();
    const squatter = await holdPort(taken);
    try {
      const database = await open();
      expect(database.origin).toBe("started");
      expect(Number(new URL(database.url).port)).not.toBe(taken);
      expect(recordedPort()).toBe(Number(new URL(database.url).port));
    } finally {
      squatter.close();
    }
  });

  it("says in French that the port is taken, so that a caller can retry elsewhere", async () => {
    const port = await findFreePort();
    const squatter = await holdPort(port);
    try {
      const failure = await startEmbeddedPostgres({ dataDir: path.join(workDir, "other"), port, persistent: false }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PostgresStartError);
      expect((failure as PostgresStartError).portTaken).toBe(true);
      expect((failure as Error).message).toBe(`PostgreSQL n'a pas pu démarrer : le port ${port} est déjà pris par un autre programme.`);
    } finally {
      squatter.close();
    }
  });
});

describe("a script on a DATABASE_URL database that lacks the migrations", () => {
  it("catalogue:export says to run db:deploy, without a stack trace, and writes nothing", async () => {
    const url = await createEmptyDatabase("rac_unmigrated");
    const file = path.join(workDir, "catalogue.json");
    const result = await runCommand(path.resolve("node_modules/.bin/tsx"), ["scripts/catalogue-export.ts", file], {
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`catalogue:export : la base de DATABASE_URL n'a pas ${localMigrations().length} migration(s) de cette version`);
    expect(result.stderr).toContain("npm run db:deploy");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(file)).toThrow();
  });
});
