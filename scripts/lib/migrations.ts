import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type Migration = { name: string; checksum: string };

/** The migrations Prisma finished applying on the database of `client`, by name. */
export async function appliedMigrations(client: pg.Client): Promise<Migration[]> {
  const { rows } = await client.query<Migration>(
    `SELECT migration_name AS name, checksum FROM public."_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** The migrations of this checkout, with the checksum Prisma records (SHA-256 of migration.sql). */
export function localMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, checksum: createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex") }));
}

/**
 * Names of this checkout's migrations that the database has not applied (all of them on a
 * database Prisma never touched): what `prisma migrate deploy` would apply.
 */
export async function pendingMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass('public."_prisma_migrations"')::text AS table`);
  const applied = new Set(rows[0]?.table ? (await appliedMigrations(client)).map((migration) => migration.name) : []);
  return localMigrations()
    .map((migration) => migration.name)
    .filter((name) => !applied.has(name));
}
