#!/usr/bin/env node
// A stand-in for Prisma's native schema engine binary, which cannot be downloaded on
// these offline machines. The Prisma CLI spawns it (PRISMA_SCHEMA_ENGINE_BINARY) with
// `--datamodels FILE… --datasource JSON` and speaks JSON-RPC 2.0 over stdio, one message
// per line; every call is forwarded to Prisma's own schema engine compiled to
// WebAssembly (@prisma/schema-engine-wasm), connected through @prisma/adapter-pg.
// So `prisma migrate dev/deploy/status/diff/reset` run Prisma's real migration logic.
// See ../../../shared/PLATFORM.md ("Prisma 7 without its native engines").
import { readFileSync } from "node:fs";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// The package's entry imports the .wasm as an ES module, which Node 20 only allows
// behind --experimental-wasm-modules: instantiate it by hand instead.
const wasmPath = new URL(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm"));
const wasmInstance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
  "./schema_engine_bg.js": wasmBindings,
});
wasmBindings.__wbg_set_wasm(wasmInstance.exports);
wasmInstance.exports.__wbindgen_start?.();
const { SchemaEngine } = wasmBindings;

// The wasm engine reports the reason for a Rust panic here before trapping.
// Without it the trap surfaces as a bare "unreachable"; with it the CLI shows the cause
// (exit code 101 is how the native engine signals a panic).
let lastPanicMessage = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = message;
  },
};
process.on("uncaughtException", (error) => {
  log("ERROR", lastPanicMessage ?? String(error?.stack ?? error));
  process.exit(101);
});

const { datamodels, datasource, cliCommand } = parseArguments(process.argv.slice(2));

// adapter-pg cannot map the pg_catalog types `name` (oid 19) and `"char"` (oid 18)
// that the engine's introspection queries return (prisma/orm#27403). Both arrive as
// text on the wire: pg reports them as `text` (oid 25) so the adapter accepts them, and
// the `"char"` columns are then typed back as Character, which the engine expects.
const TEXT_OID = 25;
const NAME_OID = 19;
const CHAR_OID = 18;
const charColumnsOfRows = new WeakMap();

function reportCatalogTypesAsText(res) {
  const charColumns = [];
  (res?.fields ?? []).forEach((field, index) => {
    if (field.dataTypeID === CHAR_OID) charColumns.push(index);
    if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  });
  if (charColumns.length > 0 && res.rows) charColumnsOfRows.set(res.rows, charColumns);
  return res;
}
// Pool.query calls Client.query with a callback; transactions call it as a promise.
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function queryWithCatalogTypesAsText(...args) {
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error, res) => callback(error, error ? res : reportCatalogTypesAsText(res));
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  return typeof result?.then === "function" ? result.then(reportCatalogTypesAsText) : result;
};

let queryablePatched = false;
/** Patches queryRaw once on adapter-pg's queryable base (shared by adapters and transactions). */
function typeCharColumnsAsCharacter(adapter) {
  if (queryablePatched) return adapter;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const originalQueryRaw = queryable.queryRaw;
  queryable.queryRaw = async function queryRawWithCharColumns(query) {
    const result = await originalQueryRaw.call(this, query);
    for (const index of charColumnsOfRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  queryablePatched = true;
  return adapter;
}

/**
 * adapter-pg's own shadow database connects with the main connection string (its
 * `database` override is ignored when a connectionString is set) and drops the shadow
 * database while still connected to it. This factory creates the shadow database
 * on the same cluster and connects to it by its own URL, then force-drops it.
 */
class ShadowAwarePgFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor(url, shadowUrl) {
    this.url = url;
    this.shadowUrl = shadowUrl;
  }

  async connect() {
    return typeCharColumnsAsCharacter(await new PrismaPg({ connectionString: this.url }).connect());
  }

  async connectToShadowDb() {
    if (this.shadowUrl) {
      return typeCharColumnsAsCharacter(await new PrismaPg({ connectionString: this.shadowUrl }).connect());
    }
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const adapter = typeCharColumnsAsCharacter(await new PrismaPg({ connectionString: shadowUrl.toString() }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

function parseArguments(argv) {
  const files = [];
  let source = {};
  let command = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--datamodels") files.push(argv[++i]);
    else if (argv[i] === "--datasource") source = JSON.parse(argv[++i]);
    else if (argv[i] === "cli") command = argv[++i];
  }
  return {
    datamodels: files.map((file) => [file, readFileSync(file, "utf8")]),
    datasource: source,
    cliCommand: command,
  };
}

function log(level, message) {
  // The CLI reads stderr as JSON log lines (the wasm engine's own log format) and
  // keeps ERROR messages for its reports.
  process.stderr.write(`${JSON.stringify({ level, fields: { message } })}\n`);
}

const url = datasource.url || process.env.DATABASE_URL;
const shadowUrl = datasource.shadowDatabaseUrl || process.env.SHADOW_DATABASE_URL || undefined;

async function newEngine() {
  if (!url) throw new Error("DATABASE_URL is not set: the schema engine needs a database.");
  const factory = bindMigrationAwareSqlAdapterFactory(new ShadowAwarePgFactory(url, shadowUrl));
  return SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, (line) => process.stderr.write(`${String(line).trimEnd()}\n`), factory);
}

// evaluateDataLoss and createMigration take the schema of the migration history from
// a cache that devDiagnostic fills using the shadow database; applyMigrations empties
// it, after which they fail ("shadow DB must be provided through an external factory").
// devDiagnostic is then run again with the same migrations to refill it.
const SHADOW_CACHE_MISS = "shadow DB must be provided through an external factory";
const READS_SHADOW_CACHE = new Set(["evaluateDataLoss", "createMigration"]);

let engine;
async function engineInstance() {
  engine ??= await newEngine();
  return engine;
}

// Methods the native engine answers that the wasm engine names differently or lacks.
const handlers = {
  async getDatabaseVersion(params) {
    return (await engineInstance()).version(params ?? null);
  },
  async ensureConnectionValidity(params) {
    return (await engineInstance()).ensureConnectionValidity(params ?? {});
  },
  async diff(params) {
    // The wasm engine returns the diff; the native one asks the CLI to print it
    // (a `print` request), which is what the CLI expects.
    const { exitCode, stdout } = await (await engineInstance()).diff(params);
    if (stdout) await askCliToPrint(stdout);
    return { exitCode };
  },
  async createDatabase() {
    // The database always exists here: scripts/prisma.ts and the tests create it first.
    const target = new URL(url);
    return { databaseName: target.pathname.slice(1) };
  },
};

async function call(method, params) {
  if (handlers[method]) return handlers[method](params);
  const instance = await engineInstance();
  if (typeof instance[method] !== "function") {
    const error = new Error(`Method not supported by the wasm schema engine: ${method}`);
    error.code = -32601;
    throw error;
  }
  try {
    return (await instance[method](params ?? {})) ?? {};
  } catch (error) {
    if (!READS_SHADOW_CACHE.has(method) || !String(error?.message ?? error).includes(SHADOW_CACHE_MISS)) throw error;
    await instance.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    return (await instance[method](params)) ?? {};
  }
}

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

// Requests from this engine to the CLI, answered on stdin with the same ids.
const pendingCliRequests = new Map();
let nextCliRequestId = 1;
function askCliToPrint(content) {
  const id = `print-${nextCliRequestId++}`;
  return new Promise((resolve) => {
    pendingCliRequests.set(id, resolve);
    reply({ jsonrpc: "2.0", id, method: "print", params: { content } });
  });
}

function toRpcError(id, error) {
  // Errors from the engine are objects carrying an error_code (P3xxx) and a message.
  const userFacing = error && typeof error === "object" && "error_code" in error ? error : null;
  const message = userFacing?.message ?? (error instanceof Error ? error.message : String(error));
  log("ERROR", message);
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: error?.code === -32601 ? -32601 : 4466,
      message,
      data: { is_panic: false, message, meta: userFacing?.meta ?? null, error_code: userFacing?.error_code ?? null },
    },
  };
}

/**
 * `schema-engine --datasource JSON cli COMMAND`: the one-shot commands the CLI runs
 * before migrating. Failures are reported as the native engine does: a JSON log line
 * on stderr with the P-code, and exit code 1.
 */
async function runCliCommand(command) {
  const target = new URL(url);
  const databaseName = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const withClient = async (connectionString, work) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  try {
    if (command === "can-connect-to-database") {
      await withClient(url, (client) => client.query("SELECT 1"));
    } else if (command === "create-database") {
      await withClient(maintenance.toString(), (client) => client.query(`CREATE DATABASE "${databaseName.replaceAll('"', '""')}"`));
    } else if (command === "drop-database") {
      await withClient(maintenance.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName.replaceAll('"', '""')}" WITH (FORCE)`));
    } else {
      throw new Error(`Unknown schema engine cli command: ${command}`);
    }
    process.exit(0);
  } catch (error) {
    // 3D000: invalid_catalog_name, the database does not exist yet (P1003 in Prisma's terms).
    const errorCode = error?.code === "3D000" ? "P1003" : "P1001";
    const message = errorCode === "P1003" ? `Database \`${databaseName}\` does not exist` : String(error?.message ?? error);
    process.stderr.write(`${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message, error_code: errorCode } })}\n`);
    process.exit(1);
  }
}

if (cliCommand) await runCliCommand(cliCommand);

// Requests are handled one at a time, in order, as the native engine does.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  if (pendingCliRequests.has(request.id) && !request.method) {
    pendingCliRequests.get(request.id)();
    pendingCliRequests.delete(request.id);
    return;
  }
  queue = queue.then(async () => {
    try {
      reply({ jsonrpc: "2.0", id: request.id, result: await call(request.method, request.params) });
    } catch (error) {
      reply(toRpcError(request.id, error));
    }
  });
}).on("close", () => {
  queue.then(() => process.exit(0));
});
