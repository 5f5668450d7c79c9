/**
 * `npm run db:backup` / `npm run db:restore`: one file holding every row of the app's
 * database, and the way back into an empty database.
 *
 * Two methods, chosen per file:
 * - "pg_dump": `pg_dump -Fc` / `pg_restore`, when a pg_dump at least as new as the server
 *   is on PATH (or in PG_DUMP / PG_RESTORE). The standard tool, and the whole database
 *   (functions, triggers, grants) travels in the file.
 * - "node-logical": written here over `pg`, for when no such pg_dump exists (the embedded
 *   PostgreSQL 18 ships no client tools, and Debian 12's pg_dump 15 refuses a newer
 *   server). Gzip'd JSON lines, every value in PostgreSQL's own text form (what COPY
 *   uses), read in one REPEATABLE READ snapshot. The file holds the schema's shape (to
 *   check it), not its DDL: restore recreates it with `prisma migrate deploy` from this
 *   checkout's migrations, so the backup's migration list must match them exactly.
 *
 * Either way the target must be an empty database: a restore never merges into, nor
 * wipes, a database that holds something.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { openLocalDatabaseOrExit } from "./local-database";
import { appliedMigrations, localMigrations } from "./migrations";
import { deployMigrations } from "./prisma-cli";
import { runCommand } from "./run-command";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type BackupMethod = "pg_dump" | "node-logical";
export const LOGICAL_FORMAT = "reste-a-charge/node-logical";
export const LOGICAL_FORMAT_VERSION = 1;

/** A failure the user can act on: its message is printed as is, without a stack. */
export class BackupError extends Error {}

export interface BackupSummary {
  method: BackupMethod;
  /** Why pg_dump was not used, when it was not. */
  fallbackReason?: string;
  file: string;
  bytes: number;
  server: string;
  migrations: number;
  tables: number;
  rows: number;
  tableRows: Record<string, number>;
  seconds: number;
}

export type RestoreSummary = Omit<BackupSummary, "fallbackReason"> & {
  /** Server the backup was taken from. */
  sourceServer: string;
};

// ---------------------------------------------------------------------------------------
// Connections and the catalog of schema public

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (name: string) => `public.${quoteIdent(name)}`;

/**
 * Fixed output settings, as pg_dump sets them: every value's text form is then the same
 * whatever the server's or role's defaults (exact floats, ISO dates, hex bytea).
 */
const SESSION_SETTINGS = [
  "SET client_encoding = 'UTF8'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 3",
  "SET bytea_output = 'hex'",
  "SET TimeZone = 'UTC'",
  "SET search_path = public",
];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Connexion à la base impossible (${redact(url)}) : ${(error as Error).message}`);
  }
  for (const statement of SESSION_SETTINGS) await client.query(statement);
  return client;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(URL invalide)";
  }
}

async function serverVersion(client: pg.Client): Promise<{ text: string; major: number }> {
  const { rows } = await client.query<{ text: string; num: string }>(
    "SELECT current_setting('server_version') AS text, current_setting('server_version_num') AS num",
  );
  return { text: rows[0]!.text.split(" ")[0]!, major: Math.floor(Number(rows[0]!.num) / 10_000) };
}

interface TableShape {
  name: string;
  /** Stored columns (generated ones are recomputed), in attribute order. */
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

interface SchemaShape {
  /** Parents before children (foreign keys), ties by name. */
  tables: TableShape[];
  sequences: string[];
}

async function readSchema(client: pg.Client): Promise<SchemaShape> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indisprimary AND c.relnamespace = 'public'::regnamespace
     GROUP BY c.relname`,
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint f JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
     WHERE f.contype = 'f' AND child.relnamespace = 'public'::regnamespace AND parent.relnamespace = 'public'::regnamespace`,
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );

  const byName = new Map<string, TableShape>(
    tables.map(({ name }) => [name, { name, columns: [], primaryKey: [] }]),
  );
  for (const column of columns) byName.get(column.table)?.columns.push({ name: column.name, type: column.type });
  for (const key of keys) {
    const table = byName.get(key.table);
    if (table) table.primaryKey = key.columns;
  }
  return { tables: parentsFirst([...byName.values()], references), sequences: sequences.map((row) => row.name) };
}

/** Kahn's algorithm: a row is loaded after the rows it references (foreign keys stay checked). */
function parentsFirst(tables: TableShape[], references: { child: string; parent: string }[]): TableShape[] {
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: TableShape[] = [];
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (remaining.length > 0) {
    const index = remaining.findIndex((table) => [...parents.get(table.name)!].every((parent) => ordered.some((done) => done.name === parent)));
    if (index < 0) {
      throw new BackupError(`Clés étrangères circulaires entre ${remaining.map((table) => table.name).join(", ")} : utilisez pg_dump.`);
    }
    ordered.push(...remaining.splice(index, 1));
  }
  return ordered;
}

async function countRows(client: pg.Client, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualified(table)}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/**
 * Refuses a target that holds anything in schema public: the restore creates the schema
 * itself, and must never mix its rows with others or overwrite them.
 */
async function assertEmptyTarget(client: pg.Client, url: string): Promise<void> {
  const { rows } = await client.query<{ relations: number; types: number; routines: number; names: string[] | null }>(
    `SELECT
       (SELECT count(*)::int FROM pg_class WHERE relnamespace = 'public'::regnamespace) AS relations,
       (SELECT count(*)::int FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typrelid = 0 AND typelem = 0) AS types,
       (SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'public'::regnamespace) AS routines,
       (SELECT array_agg(relname::text ORDER BY relname) FROM (SELECT relname FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname LIMIT 5) t) AS names`,
  );
  const { relations, types, routines, names } = rows[0]!;
  if (relations + types + routines > 0) {
    const tables = names?.length ? ` (tables : ${names.join(", ")}${relations > names.length ? "…" : ""})` : "";
    throw new BackupError(
      `La base cible ${redact(url)} n'est pas vide : ${relations} relation(s), ${types} type(s), ${routines} fonction(s) dans le schéma public${tables}. ` +
        "La restauration ne se fait que dans une base vide : créez-en une (CREATE DATABASE, ou createdb), " +
        "ou, pour la base embarquée de `npm start`, arrêtez l'application et mettez .data/postgres de côté.",
    );
  }
}

// ---------------------------------------------------------------------------------------
// pg_dump / pg_restore

export interface PgTool {
  path: string;
  version: string;
  major: number;
}

/** pg_dump or pg_restore from PG_DUMP / PG_RESTORE, else from PATH; null when absent. */
export async function findPgTool(name: "pg_dump" | "pg_restore"): Promise<PgTool | null> {
  const executable = process.env[name.toUpperCase()] || name;
  return new Promise((resolve) => {
    execFile(executable, ["--version"], (error, stdout) => {
      const match = /\(PostgreSQL\) (\d+)(?:\.\d+)*/.exec(stdout ?? "");
      if (error || !match) return resolve(null);
      resolve({ path: executable, version: match[0].replace("(PostgreSQL) ", ""), major: Number(match[1]) });
    });
  });
}

const LIBPQ_URL_PARAMETERS = new Set(["sslmode", "sslcert", "sslkey", "sslrootcert", "connect_timeout", "application_name", "options", "host", "port", "user", "dbname", "target_session_attrs"]);

/** libpq arguments for a URL: the password goes through PGPASSWORD, not the command line (ps). */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  // Prisma-style parameters (schema, connection_limit…) are not libpq's: pg_dump would refuse the URL.
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_URL_PARAMETERS.has(key)) parsed.searchParams.delete(key);
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}


// ---------------------------------------------------------------------------------------
// Backup

export function defaultBackupFile(method: BackupMethod, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.join(root, "backups", `rac-${stamp}.${method === "pg_dump" ? "dump" : "jsonl.gz"}`);
}

/**
 * Backs up the database at `url` into `file` (default: backups/rac-<time>.<ext>). The file
 * is written beside under a .partial name and renamed at the end, readable by its owner only
 * (it holds e-mail addresses, password hashes and session tokens).
 */
export async function backupDatabase(
  url: string,
  options: { file?: string; method?: BackupMethod | "auto" } = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const client = await connect(url);
  try {
    const server = await serverVersion(client);
    const requested = options.method ?? "auto";
    let method: BackupMethod = "node-logical";
    let fallbackReason: string | undefined;
    let pgDump: PgTool | null = null;
    if (requested !== "node-logical") {
      pgDump = await findPgTool("pg_dump");
      const usable = pgDump !== null && pgDump.major >= server.major;
      if (usable) method = "pg_dump";
      else {
        fallbackReason = pgDump
          ? `pg_dump ${pgDump.version} (${pgDump.path}) est plus ancien que le serveur ${server.text} et refuserait de le sauvegarder`
          : `pas de pg_dump (ni PG_DUMP, ni sur le PATH)`;
        if (requested === "pg_dump") throw new BackupError(`--method=pg_dump impossible : ${fallbackReason}.`);
      }
    }

    const file = path.resolve(options.file ?? defaultBackupFile(method));
    if (existsSync(file)) throw new BackupError(`${file} existe déjà : choisissez un autre nom.`);
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    writeFileSync(partial, "", { mode: 0o600, flag: "wx" });

    try {
      // One snapshot for the counts, the migration list and the rows.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const schema = await readSchema(client);
      if (!schema.tables.some((table) => table.name === "_prisma_migrations")) {
        throw new BackupError(`${redact(url)} n'a pas de table _prisma_migrations : ce n'est pas une base migrée de l'application.`);
      }
      const tableRows = await countRows(client, schema.tables.map((table) => table.name));
      const migrations = await appliedMigrations(client);
      if (method === "pg_dump") {
        const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
        const target = libpqTarget(url);
        const result = await runCommand(pgDump!.path, ["--format=custom", `--snapshot=${rows[0]!.id}`, `--file=${partial}`, `--dbname=${target.dbname}`], { env: target.env });
        if (result.code !== 0) throw new BackupError(`pg_dump a échoué :\n${result.stderr.trim()}`);
      } else {
        await writeLogicalBackup(client, partial, { server: server.text, schema, tableRows, migrations });
      }
      await client.query("COMMIT");
      renameSync(partial, file);
      return {
        method,
        ...(fallbackReason ? { fallbackReason } : {}),
        file,
        bytes: statSync(file).size,
        server: server.text,
        migrations: migrations.length,
        tables: schema.tables.length,
        rows: Object.values(tableRows).reduce((sum, n) => sum + n, 0),
        tableRows,
        seconds: elapsed(started),
      };
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
  } finally {
    await client.end();
  }
}

const elapsed = (started: number) => Math.round(performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------
// The node-logical format
//
// gzip of UTF-8 lines, each one JSON value:
//   1. the header: format, formatVersion, createdAt, server, migrations [{name, checksum}],
//      tables [{name, columns [{name, type}], rows}] (parents first), sequences [{name, lastValue, isCalled}];
//   2. per table, in header order: {"table": name, "rows": n}, then n lines, each an array
//      of the column values as PostgreSQL prints them (null for NULL), in header column order;
//   3. the trailer {"end": true, "rows": total, "sha256": …} over every byte before it.

interface LogicalHeader {
  format: string;
  formatVersion: number;
  createdAt: string;
  server: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: { name: string; type: string }[]; rows: number }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

const FETCH_ROWS = 2_000;

const isNamedList = (value: unknown, check: (item: Record<string, unknown>) => boolean) =>
  Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && typeof item.name === "string" && check(item));

function isLogicalHeader(value: Partial<LogicalHeader>): value is LogicalHeader {
  return (
    isNamedList(value.migrations, (m) => typeof m.checksum === "string") &&
    isNamedList(value.sequences, (s) => typeof s.lastValue === "string" && typeof s.isCalled === "boolean") &&
    isNamedList(value.tables, (t) => Number.isInteger(t.rows) && (t.rows as number) >= 0 && isNamedList(t.columns, (c) => typeof c.type === "string"))
  );
}

async function writeLogicalBackup(
  client: pg.Client,
  file: string,
  source: { server: string; schema: SchemaShape; tableRows: Record<string, number>; migrations: { name: string; checksum: string }[] },
): Promise<void> {
  const sequences: LogicalHeader["sequences"] = [];
  for (const name of source.schema.sequences) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${qualified(name)}`);
    sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  const header: LogicalHeader = {
    format: LOGICAL_FORMAT,
    formatVersion: LOGICAL_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    server: source.server,
    migrations: source.migrations,
    tables: source.schema.tables.map((table) => ({ name: table.name, columns: table.columns, rows: source.tableRows[table.name]! })),
    sequences,
  };

  const hash = createHash("sha256");
  let total = 0;
  // One chunk per fetched batch, not per row: every write into the gzip stream is a zlib call.
  async function* lines(): AsyncGenerator<Buffer> {
    const chunk = (texts: string[]) => {
      const bytes = Buffer.from(`${texts.join("\n")}\n`, "utf8");
      hash.update(bytes);
      return bytes;
    };
    yield chunk([JSON.stringify(header)]);
    for (const table of source.schema.tables) {
      const expected = source.tableRows[table.name]!;
      yield chunk([JSON.stringify({ table: table.name, rows: expected })]);
      // Each value through its type's output function, as COPY does: exact for numeric,
      // timestamps, bytea, arrays, enums; json(b) as its text, so JSON null ≠ SQL NULL.
      const values = table.columns.map((column) => `${quoteIdent(column.name)}::text`).join(", ");
      // Primary-key order makes two backups of the same data identical; a table without one is ordered by its row text.
      const order = table.primaryKey.length ? table.primaryKey.map(quoteIdent).join(", ") : "t::text";
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${values}]::text[])::text AS r FROM ${qualified(table.name)} t ORDER BY ${order}`);
      let seen = 0;
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        if (rows.length > 0) yield chunk(rows.map((row) => row.r));
        seen += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE backup_rows");
      if (seen !== expected) throw new Error(`${table.name} : ${seen} lignes lues pour ${expected} comptées dans le même instantané`);
      total += seen;
    }
    yield Buffer.from(`${JSON.stringify({ end: true, rows: total, sha256: hash.digest("hex") })}\n`, "utf8");
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
}

const corrupt = (file: string, detail: string) => new BackupError(`Sauvegarde illisible ou corrompue (${file}) : ${detail}.`);

/**
 * The lines of a gzip file as buffers, without their "\n". A read or gzip error (truncated
 * file, bad CRC) becomes a "corrupt" BackupError; errors of the consumer are not caught here.
 */
async function* gunzipLines(file: string): AsyncGenerator<Buffer> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer[] = [];
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        // zlib: "unexpected end of file" (truncated), "incorrect header check", "invalid stored block lengths"…
        throw corrupt(file, (error as Error).message);
      }
      if (next.done) break;
      const chunk = next.value;
      let start = 0;
      for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, newline));
        yield pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        pending = [];
        start = newline + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending.length > 0) throw corrupt(file, "fin de fichier au milieu d'une ligne");
}

/**
 * Reads a node-logical file from end to end and checks everything it claims (header,
 * sections, row shapes and counts, trailer checksum), handing each table's rows to
 * `onRows` in batches. Throws on the first inconsistency.
 */
async function readLogicalBackup(
  file: string,
  onRows?: (table: LogicalHeader["tables"][number], rows: string[]) => Promise<void>,
): Promise<LogicalHeader> {
  const hash = createHash("sha256");
  let header: LogicalHeader | undefined;
  let tableIndex = -1;
  let left = 0;
  let total = 0;
  let ended = false;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length > 0 && onRows) await onRows(header!.tables[tableIndex]!, batch);
    batch = [];
    batchBytes = 0;
  };
  const parse = (line: Buffer, what: string): unknown => {
    try {
      return JSON.parse(line.toString("utf8"));
    } catch {
      throw corrupt(file, `${what} n'est pas du JSON`);
    }
  };

  for await (const line of gunzipLines(file)) {
    if (ended) throw corrupt(file, "données après la fin");
    if (!header) {
      const value = parse(line, "l'en-tête") as Partial<LogicalHeader>;
      if (value?.format !== LOGICAL_FORMAT) throw corrupt(file, "ce n'est pas une sauvegarde de l'application (en-tête inconnu)");
      if (value.formatVersion !== LOGICAL_FORMAT_VERSION) {
        throw corrupt(file, `version de format ${String(value.formatVersion)}, celle-ci lit la version ${LOGICAL_FORMAT_VERSION}`);
      }
      if (!isLogicalHeader(value)) throw corrupt(file, "en-tête incomplet");
      header = value;
      hash.update(line).update("\n");
      continue;
    }
    if (left > 0) {
      // A row: an array of strings or nulls, one per column of the header.
      const columns = header.tables[tableIndex]!.columns.length;
      const row = parse(line, `une ligne de ${header.tables[tableIndex]!.name}`);
      if (!Array.isArray(row) || row.length !== columns || !row.every((value) => value === null || typeof value === "string")) {
        throw corrupt(file, `ligne mal formée dans ${header.tables[tableIndex]!.name}`);
      }
      hash.update(line).update("\n");
      batch.push(line.toString("utf8"));
      batchBytes += line.length;
      left -= 1;
      total += 1;
      if (batch.length >= 5_000 || batchBytes >= 4_000_000) await flush();
      continue;
    }
    await flush();
    const value = (parse(line, "une ligne") ?? {}) as { table?: string; rows?: number; end?: boolean; sha256?: string };
    if (value.end === true) {
      if (tableIndex !== header.tables.length - 1) throw corrupt(file, `${header.tables.length - tableIndex - 1} table(s) manquante(s)`);
      if (value.rows !== total) throw corrupt(file, `${total} lignes lues, ${String(value.rows)} annoncées`);
      if (value.sha256 !== hash.digest("hex")) throw corrupt(file, "la somme de contrôle SHA-256 ne correspond pas au contenu");
      ended = true;
      continue;
    }
    const expected = header.tables[tableIndex + 1];
    if (!expected || value.table !== expected.name || value.rows !== expected.rows) {
      throw corrupt(file, `section inattendue ${JSON.stringify(value).slice(0, 80)} (attendu : ${expected?.name ?? "la fin"})`);
    }
    hash.update(line).update("\n");
    tableIndex += 1;
    left = expected.rows;
  }
  if (!header) throw corrupt(file, "fichier vide");
  if (!ended) throw corrupt(file, "fichier tronqué (pas de fin)");
  return header;
}

function differences(label: string, expected: string[], actual: string[]): string[] {
  const missing = expected.filter((item) => !actual.includes(item));
  const extra = actual.filter((item) => !expected.includes(item));
  return [
    ...(missing.length ? [`${label} de la sauvegarde absent(e)s ici : ${missing.join(", ")}`] : []),
    ...(extra.length ? [`${label} d'ici absent(e)s de la sauvegarde : ${extra.join(", ")}`] : []),
  ];
}

async function restoreLogical(url: string, file: string, started: number): Promise<RestoreSummary> {
  // 1. The whole file is checked before the target is touched.
  const header = await readLogicalBackup(file).catch((error: unknown) => {
    if (error instanceof BackupError) error.message += " Rien n'a été écrit dans la base cible.";
    throw error;
  });
  const here = localMigrations().map((m) => `${m.name} (${m.checksum.slice(0, 12)})`);
  const there = header.migrations.map((m) => `${m.name} (${m.checksum.slice(0, 12)})`);
  const migrationIssues = differences("migrations", there, here);
  if (migrationIssues.length > 0) {
    throw new BackupError(
      `Les migrations de la sauvegarde ne sont pas celles de ce code :\n- ${migrationIssues.join("\n- ")}\n` +
        "Restaurez avec la version du code qui a fait la sauvegarde (git checkout), puis revenez à la version actuelle et lancez npm run db:deploy. " +
        "Rien n'a été écrit dans la base cible.",
    );
  }

  const client = await connect(url);
  try {
    const server = await serverVersion(client);
    await assertEmptyTarget(client, url);

    // 2. The schema, by the same migrations as the backup's.
    await deployMigrations(url).catch((error: unknown) => {
      throw new BackupError(`${(error as Error).message}\nLa base cible peut contenir une partie du schéma : supprimez-la et recréez-la avant de réessayer.`);
    });
    const schema = await readSchema(client);
    const applied = (await appliedMigrations(client)).map((m) => m.name);
    const shapeOf = (tables: { name: string; columns: { name: string; type: string }[] }[]) =>
      tables.flatMap((table) => table.columns.map((column) => `${table.name}.${column.name} ${column.type}`));
    const issues = [
      ...differences("migrations", header.migrations.map((m) => m.name), applied),
      ...differences("tables", header.tables.map((t) => t.name), schema.tables.map((t) => t.name)),
      ...differences("colonnes", shapeOf(header.tables), shapeOf(schema.tables)),
      ...differences("séquences", header.sequences.map((s) => s.name), schema.sequences),
    ];
    if (issues.length > 0) {
      throw new BackupError(
        `Le schéma créé par les migrations ne correspond pas à la sauvegarde :\n- ${issues.join("\n- ")}\n` +
          `La base cible contient maintenant le schéma, sans données : supprimez-la et recréez-la avant de réessayer.`,
      );
    }

    // 3. The rows, in one transaction. Triggers would restamp every offer and bump the
    //    catalogue revision: the restored stamps must be the backed-up ones, so the user
    //    triggers are off for this transaction (ALTER TABLE is transactional: no other
    //    session ever sees them off). Foreign keys stay checked: parents load first.
    //    Not `session_replication_role = replica`: it needs a superuser (or a grant), and
    //    it would skip the foreign-key checks that prove the file consistent.
    const tables = new Map(schema.tables.map((table) => [table.name, table]));
    const { rows: triggers } = await client.query<{ table: string; name: string; enabled: string }>(
      `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = 'public'::regnamespace`,
    );
    await client.query("BEGIN");
    try {
      for (const trigger of triggers) await client.query(`ALTER TABLE ${qualified(trigger.table)} DISABLE TRIGGER ${quoteIdent(trigger.name)}`);
      // What the migrations themselves wrote (their log, the catalogue revision row) gives way to the backup's rows.
      await client.query(`TRUNCATE ${schema.tables.map((table) => qualified(table.name)).join(", ")}`);
      await readLogicalBackup(file, async (table, rows) => {
        // Names and types are the target catalog's own (the file's header was checked equal to it), so what is
        // spliced into SQL never comes from the file. jsonb, not json: the batch is parsed once, where json would
        // re-parse a row for each ->> (3× slower on 10 000 offers).
        const target = tables.get(table.name)!;
        const positionInFile = new Map(table.columns.map((column, index) => [column.name, index]));
        const columns = target.columns.map((column) => quoteIdent(column.name)).join(", ");
        const values = target.columns.map((column) => `(r->>${positionInFile.get(column.name)!})::${column.type}`).join(", ");
        await client.query(
          `INSERT INTO ${qualified(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r`,
          [`[${rows.join(",")}]`],
        );
      });
      for (const sequence of header.sequences) {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [qualified(sequence.name), sequence.lastValue, sequence.isCalled]);
      }
      const tableRows = await countRows(client, schema.tables.map((table) => table.name));
      for (const table of header.tables) {
        if (tableRows[table.name] !== table.rows) throw new Error(`${table.name} : ${tableRows[table.name]} lignes restaurées pour ${table.rows}`);
      }
      const modes: Record<string, string> = { O: "ENABLE TRIGGER", R: "ENABLE REPLICA TRIGGER", A: "ENABLE ALWAYS TRIGGER" };
      for (const trigger of triggers) await client.query(`ALTER TABLE ${qualified(trigger.table)} ${modes[trigger.enabled]} ${quoteIdent(trigger.name)}`);
      await client.query("COMMIT");
      return {
        method: "node-logical",
        file,
        bytes: statSync(file).size,
        sourceServer: header.server,
        server: server.text,
        migrations: header.migrations.length,
        tables: header.tables.length,
        rows: Object.values(tableRows).reduce((sum, n) => sum + n, 0),
        tableRows,
        seconds: elapsed(started),
      };
    } catch (error) {
      // A dead connection cannot roll back (PostgreSQL does it): the load's own error is the one to report.
      await client.query("ROLLBACK").catch(() => {});
      const detail = error instanceof BackupError ? error.message : `chargement des lignes : ${(error as Error).message}`;
      throw new BackupError(`${detail}\nLa base cible contient le schéma, sans données : supprimez-la et recréez-la avant de réessayer.`);
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Restore

/** What a file holds, by its first bytes: a pg_dump custom archive, or the node-logical gzip. */
export function detectBackupMethod(file: string): BackupMethod {
  if (!existsSync(file)) throw new BackupError(`${file} n'existe pas.`);
  const head = Buffer.alloc(5);
  const fd = openSync(file, "r");
  const read = readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  if (read === 5 && head.toString("latin1") === "PGDMP") return "pg_dump";
  if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "node-logical";
  throw new BackupError(`${file} n'est ni une archive pg_dump -Fc ni une sauvegarde node-logical de l'application.`);
}

async function restorePgDump(url: string, file: string, started: number): Promise<RestoreSummary> {
  const pgRestore = await findPgTool("pg_restore");
  if (!pgRestore) throw new BackupError(`${file} est une archive pg_dump : il faut pg_restore (PATH ou PG_RESTORE), introuvable ici.`);
  // -l reads the archive's header and table of contents without touching any database.
  const listing = await runCommand(pgRestore.path, ["--list", file]);
  if (listing.code !== 0) throw new BackupError(`Archive pg_dump illisible (${file}) :\n${listing.stderr.trim()}\nRien n'a été écrit dans la base cible.`);
  const dumpedBy = /Dumped by pg_dump version: (\d+)\S*/.exec(listing.stdout);
  const dumpedFrom = /Dumped from database version: (\S+)/.exec(listing.stdout);
  if (dumpedBy && Number(dumpedBy[1]) > pgRestore.major) {
    throw new BackupError(`${file} vient de pg_dump ${dumpedBy[0].split(": ")[1]} ; pg_restore ${pgRestore.version} est trop ancien pour la lire.`);
  }

  const client = await connect(url);
  try {
    const server = await serverVersion(client);
    await assertEmptyTarget(client, url);
    const target = libpqTarget(url);
    // One transaction: a failure anywhere leaves the target as empty as it was.
    const result = await runCommand(
      pgRestore.path,
      ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${target.dbname}`, file],
      { env: target.env },
    );
    if (result.code !== 0) throw new BackupError(`pg_restore a échoué (la base cible est restée vide) :\n${result.stderr.trim()}`);
    const schema = await readSchema(client);
    const tableRows = await countRows(client, schema.tables.map((table) => table.name));
    return {
      method: "pg_dump",
      file,
      bytes: statSync(file).size,
      sourceServer: dumpedFrom?.[1] ?? "?",
      server: server.text,
      migrations: schema.tables.some((table) => table.name === "_prisma_migrations") ? (await appliedMigrations(client)).length : 0,
      tables: schema.tables.length,
      rows: Object.values(tableRows).reduce((sum, n) => sum + n, 0),
      tableRows,
      seconds: elapsed(started),
    };
  } finally {
    await client.end();
  }
}

/** Restores `file` (either method, told by its first bytes) into the empty database at `url`. */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  const started = performance.now();
  const resolved = path.resolve(file);
  return detectBackupMethod(resolved) === "pg_dump" ? restorePgDump(url, resolved, started) : restoreLogical(url, resolved, started);
}

/**
 * The command-line part shared by db:backup and db:restore: opens the database
 * (DATABASE_URL, or the embedded one of `npm start`), runs `work` on it, prints its JSON
 * summary, and exits 0, or 1 with a French message.
 */
export async function runOnLocalDatabase(command: string, work: (url: string) => Promise<unknown>): Promise<never> {
  let code = 0;
  const database = await openLocalDatabaseOrExit(command);
  try {
    console.log(JSON.stringify(await work(database.url), null, 2));
  } catch (error) {
    console.error(`${command} : ${error instanceof BackupError ? error.message : (error as Error).stack}`);
    code = 1;
  } finally {
    await database.stop();
  }
  process.exit(code);
}
