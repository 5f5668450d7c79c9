import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { exportCatalogue, getOffer, serializeCatalogue, setOfferPublication } from "@/lib/catalogue";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { createProfile as createProfileWithoutRun } from "@/lib/profiles";
import type * as ProfilesServer from "@/lib/profiles/server";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { seed } from "@/seed/seed";
import { findPgTool, type BackupMethod } from "../../scripts/lib/backup";
import { type CommandResult, runCommand } from "../../scripts/lib/run-command";
import { createMigratedDatabase } from "./catalogue-support";
import { createEmptyDatabase, query } from "./support/database";

/**
 * `npm run db:backup` then `npm run db:restore`, the real scripts in child processes, from
 * a database holding the demo catalogue and users with saved profiles into a new, empty
 * database of the test cluster: the restored database must hold the same rows, byte for
 * byte, including the catalogue revision and content stamps that triggers would rewrite.
 */
const TSX = path.resolve("node_modules/.bin/tsx");
const workDir = mkdtempSync(path.join(os.tmpdir(), "rac-backup-test-"));

function runScript(script: "db-backup" | "db-restore", args: string[], databaseUrl: string): Promise<CommandResult> {
  return runCommand(TSX, [`scripts/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/** Every table of schema public: its row count and a digest of its rows' text; and every sequence's position. */
async function fingerprint(url: string) {
  const tables = await query<{ name: string }>(url, `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
  const result: Record<string, { rows: number; md5: string } | string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public."${name}" t`,
    );
    result[name] = row!;
  }
  const sequences = await query<{ name: string }>(url, `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY 1`);
  for (const { name } of sequences) {
    const [row] = await query<{ position: string }>(url, `SELECT last_value::text || '/' || is_called AS position FROM public."${name}"`);
    result[`sequence ${name}`] = row!.position;
  }
  return result;
}

async function relationCount(url: string): Promise<number> {
  const [row] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
  return row!.n;
}

const clients: PrismaClient[] = [];
function client(url: string): PrismaClient {
  const prisma = createPrismaClient(url);
  clients.push(prisma);
  return prisma;
}

const catalogueOf = async (url: string) => serializeCatalogue(await exportCatalogue(client(url)));
const profilesOf = (url: string) =>
  query(url, `SELECT "id", "userId", "name", "profile"::text AS profile, "lastRun"::text AS "lastRun", "lastRunAt", "createdAt", "updatedAt" FROM "SavedProfile" ORDER BY "id"`);
const stampsOf = (url: string) =>
  query(
    url,
    `SELECT (SELECT row_to_json(r)::text FROM "CatalogueRevision" r) AS revision,
       (SELECT json_agg(json_build_array("id", "contentStamp"::text, "version") ORDER BY "id")::text FROM "Offer") AS offers,
       (SELECT json_agg(json_build_array("id", "contentStamp"::text) ORDER BY "id")::text FROM "Insurer") AS insurers`,
  );

let sourceUrl: string;
let sourceFingerprint: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  sourceUrl = await createMigratedDatabase("backup_source");
  // lib/profiles/server.ts uses the app's one client, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = sourceUrl;
  const profiles: typeof ProfilesServer = await import("@/lib/profiles/server");
  const prisma = client(sourceUrl);
  await seed(prisma);

  // Two users, one with a session, a provider account and two saved profiles (one run, one never run).
  const alice = await prisma.user.create({ data: { email: "alice@example.fr", name: "Alice Ünïcode", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", passwordVerifiedAt: new Date("2026-11-30T08:00:00.123Z") } });
  await prisma.user.create({ data: { email: "admin@example.fr", role: "ADMIN" } });
  await prisma.session.create({ data: { userId: alice.id, sessionToken: "session-alice", expires: new Date("2027-01-01T10:20:30.456Z") } });
  await prisma.account.create({ data: { userId: alice.id, type: "email", provider: "email", providerAccountId: "alice@example.fr" } });
  await prisma.verificationToken.create({ data: { identifier: "alice@example.fr", token: "magic-link", expires: new Date("2027-01-01T00:00:00Z") } });
  await prisma.rateLimitCounter.create({ data: { key: "login:alice@example.fr", count: 3, windowStart: new Date() } });
  await prisma.passwordToken.create({ data: { tokenHash: "sha256-of-a-reset-link", email: "alice@example.fr", purpose: "RESET", expires: new Date("2027-01-01T00:00:00Z") } });
  const young = await profiles.createProfile({ userId: alice.id, name: "Moi « seul »\nligne 2", profile: REFERENCE_PROFILES[0]!.profile });
  // Without a comparison: a profile whose lastRun is SQL NULL.
  await createProfileWithoutRun(prisma, { userId: alice.id, name: "Famille", profile: REFERENCE_PROFILES[1]!.profile });
  await profiles.rerunProfile({ userId: alice.id, id: young!.id });
  // An audit entry whose JSON is the JSON null, which a restore must not turn into SQL NULL (nor the reverse for lastRun).
  await query(sourceUrl, `INSERT INTO "OfferAuditEntry" ("id", "offerId", "action", "actorEmail", "version", "changes") VALUES ('audit-1', 'x', 'update', 'admin@example.fr', 2, 'null'::jsonb)`);
  // A catalogue change after the seed, so the revision and stamps are not those of a fresh import.
  const offer = (await exportCatalogue(prisma)).offers[0]!;
  const stored = await getOffer(prisma, offer.id);
  await setOfferPublication(prisma, offer.id, { status: "PUBLISHED", validTo: "2030-12-31", expectedVersion: stored!.version });

  sourceFingerprint = await fingerprint(sourceUrl);
  // Every table holds rows: a table the restore forgot could not go unnoticed.
  for (const [name, table] of Object.entries(sourceFingerprint)) {
    if (typeof table !== "string") expect(table.rows, name).toBeGreaterThan(0);
  }
}, 120_000);

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await Promise.all(clients.map((prisma) => prisma.$disconnect()));
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

const [serverInfo] = await query<{ major: number }>(inject("databaseUrl"), `SELECT current_setting('server_version_num')::int / 10000 AS major`);
const pgDump = await findPgTool("pg_dump");
const pgRestore = await findPgTool("pg_restore");
const pgDumpUsable = pgDump !== null && pgRestore !== null && pgDump.major >= serverInfo!.major;
// The fallback always runs; pg_dump too where a pg_dump as new as the server exists (not on Debian 12 with PostgreSQL 18).
const methods: BackupMethod[] = pgDumpUsable ? ["node-logical", "pg_dump"] : ["node-logical"];

describe.each(methods)("db:backup then db:restore (%s)", (method) => {
  let file: string;

  it("backs up every table of the database in one file", async () => {
    file = path.join(workDir, method === "pg_dump" ? "full.dump" : "full.jsonl.gz");
    const backup = await runScript("db-backup", [file, `--method=${method}`], sourceUrl);
    expect(backup.code, backup.stderr).toBe(0);
    const summary = JSON.parse(backup.stdout);
    expect(summary).toMatchObject({ method, file, bytes: statSync(file).size, migrations: migrationCount() });
    expect(summary.tableRows).toEqual(Object.fromEntries(Object.entries(sourceFingerprint).filter(([, t]) => typeof t !== "string").map(([name, t]) => [name, (t as { rows: number }).rows])));
    // It holds password hashes and session tokens: readable by its owner only.
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("restores into an empty database the same catalogue, profiles, stamps and rows", async () => {
    const target = await createEmptyDatabase(`backup_target_${method.replace("-", "_")}`);
    expect(await relationCount(target)).toBe(0);

    const restore = await runScript("db-restore", [file], target);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ method, rows: Object.values(sourceFingerprint).reduce<number>((sum, t) => sum + (typeof t === "string" ? 0 : t.rows), 0) });

    expect(await catalogueOf(target)).toBe(await catalogueOf(sourceUrl));
    const profiles = await profilesOf(target);
    expect(profiles.map((profile) => profile.name).sort()).toEqual(["Famille", "Moi « seul »\nligne 2"]);
    expect(profiles).toEqual(await profilesOf(sourceUrl));
    expect(await stampsOf(target)).toEqual(await stampsOf(sourceUrl));
    expect(await fingerprint(target)).toEqual(sourceFingerprint);

    // The triggers are live again: a change bumps the revision and gives the offer a stamp above every restored one.
    const prisma = client(target);
    const [before] = await query<{ revision: string; max: string }>(target, `SELECT (SELECT "revision"::text FROM "CatalogueRevision") AS revision, (SELECT max("contentStamp")::text FROM "Offer") AS max`);
    const offer = (await exportCatalogue(prisma)).offers[0]!;
    await setOfferPublication(prisma, offer.id, { status: "ARCHIVED", expectedVersion: (await getOffer(prisma, offer.id))!.version });
    const [after] = await query<{ revision: string; stamp: string }>(target, `SELECT (SELECT "revision"::text FROM "CatalogueRevision") AS revision, (SELECT "contentStamp"::text FROM "Offer" WHERE "id" = $1) AS stamp`, [offer.id]);
    expect(BigInt(after!.revision)).toBeGreaterThan(BigInt(before!.revision));
    expect(BigInt(after!.stamp)).toBeGreaterThan(BigInt(before!.max));

    // A second restore into this database, now not empty, is refused and changes nothing.
    const changed = await fingerprint(target);
    const again = await runScript("db-restore", [file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/n'est pas vide/);
    expect(await fingerprint(target)).toEqual(changed);
  });

  it("refuses a truncated file and leaves the target empty", async () => {
    const truncated = path.join(workDir, `truncated-${path.basename(file)}`);
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await createEmptyDatabase("backup_truncated");
    const restore = await runScript("db-restore", [truncated], target);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(method === "node-logical" ? /Sauvegarde illisible ou corrompue.*unexpected end of file/ : /pg_restore|illisible/);
    expect(await relationCount(target)).toBe(0);
  });
});

describe("db:restore of a damaged node-logical file", () => {
  let lines: string[];
  beforeAll(async () => {
    const file = path.join(workDir, "for-damage.jsonl.gz");
    const backup = await runScript("db-backup", [file, "--method=node-logical"], sourceUrl);
    expect(backup.code, backup.stderr).toBe(0);
    lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
  });

  /** Writes `content` gzip'd, restores it into a new empty database, and returns the run and that database's relation count. */
  async function restoreContent(name: string, content: Buffer | string) {
    const file = path.join(workDir, name);
    writeFileSync(file, typeof content === "string" ? gzipSync(content) : content);
    const target = await createEmptyDatabase("backup_damaged");
    const run = await runScript("db-restore", [file], target);
    return { ...run, relations: await relationCount(target) };
  }

  it("refuses a row changed after the backup (checksum), before touching the target", async () => {
    const tampered = lines.map((line) => line.replace('"Famille"', '"Famille modifiée"'));
    expect(tampered).not.toEqual(lines);
    const run = await restoreContent("tampered.jsonl.gz", tampered.join("\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/somme de contrôle SHA-256/);
    expect(run.stderr).toMatch(/Rien n'a été écrit/);
    expect(run.relations).toBe(0);
  });

  it("refuses a backup made with other migrations than this checkout's, before touching the target", async () => {
    // A consistent file (checksum recomputed) whose database had one migration fewer.
    const header = JSON.parse(lines[0]!);
    header.migrations.pop();
    const body = [JSON.stringify(header), ...lines.slice(1, -2)];
    const trailer = JSON.parse(lines.at(-2)!);
    trailer.sha256 = createHash("sha256").update(body.map((line) => `${line}\n`).join("")).digest("hex");
    const run = await restoreContent("other-migrations.jsonl.gz", `${[...body, JSON.stringify(trailer)].join("\n")}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/migrations de la sauvegarde ne sont pas celles de ce code/);
    expect(run.relations).toBe(0);
  });

  it("refuses a file that is no backup", async () => {
    const run = await restoreContent("notes.txt", Buffer.from("pas une sauvegarde\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ni une archive pg_dump -Fc ni une sauvegarde node-logical/);
    expect(run.relations).toBe(0);
  });
});

/** The migrations of this checkout: one folder each in prisma/migrations. */
function migrationCount(): number {
  return readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
}
