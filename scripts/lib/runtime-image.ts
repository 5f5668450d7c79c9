/**
 * The production image's runtime stage, assembled outside Docker so that this machine
 * can test it (tests/system/production-image.sys.test.ts): one directory holding
 * - Next's standalone server (`.next/standalone`: server.js and the node_modules files
 *   the build traced), with the static files and the engine worker beside it;
 * - what `prisma migrate deploy` needs at start: the Prisma CLI, the wasm schema engine
 *   and its shim, prisma.config.ts, the schema and the migrations, with the packages
 *   they depend on, taken whole from node_modules by following package-lock.json.
 * Nothing else: no dev dependency, no sources, no tsx, no embedded PostgreSQL.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./next-build";

/** What the migration step imports: the Prisma CLI and what the wasm engine shim loads. */
const MIGRATION_ROOTS = ["prisma", "@prisma/schema-engine-wasm", "@prisma/adapter-pg", "@prisma/driver-adapter-utils", "pg"];

/** Application files the migration step reads, relative to the repository. */
const MIGRATION_FILES = ["prisma.config.ts", "prisma/schema.prisma", "prisma/migrations", "prisma/schema-engine"];

export interface LockedPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export type Lockfile = { packages: Record<string, LockedPackage> };

export function readLockfile(): Lockfile {
  return JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as Lockfile;
}

/**
 * Where Node finds `name` from the package installed at `from` ("" for the app): its own
 * node_modules, then each enclosing one, as npm laid them out (package-lock.json keys).
 */
export function resolveLocked(lockfile: Lockfile, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lockfile.packages[candidate]) return candidate;
    if (!base) return null;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent >= 0 ? base.slice(0, parent) : "";
  }
}

/**
 * The installed packages `roots` need at run time: their dependencies and the optional
 * ones installed on this platform, transitively. Peer dependencies are the host's
 * business and are not followed (the CLI's optional peers, Prisma Studio's React).
 */
export function packageClosure(lockfile: Lockfile, roots: string[], installed: (key: string) => boolean): string[] {
  const seen = new Set<string>();
  const visit = (from: string, name: string, optional: boolean) => {
    const key = resolveLocked(lockfile, from, name);
    if (!key || !installed(key)) {
      if (optional) return;
      throw new Error(`${name} (depuis ${from || "l'application"}) introuvable dans node_modules : lancez npm install.`);
    }
    if (seen.has(key)) return;
    seen.add(key);
    const entry = lockfile.packages[key]!;
    for (const dependency of Object.keys(entry.dependencies ?? {})) visit(key, dependency, false);
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) visit(key, dependency, true);
  };
  for (const name of roots) visit("", name, false);
  return [...seen].sort();
}

/**
 * Writes the runtime stage into `outDir` (emptied first) from the current build
 * (`npm run build`). Returns the package-lock keys of the packages copied for migrations.
 */
export function assembleRuntime(outDir: string): string[] {
  const standalone = path.join(ROOT, ".next", "standalone");
  if (!existsSync(path.join(standalone, "server.js"))) {
    throw new Error("Pas de serveur autonome dans .next/standalone : lancez d'abord `npm run build`.");
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(standalone, outDir, { recursive: true, verbatimSymlinks: true });
  dropTracingProbes(outDir);
  // Next leaves these two to the deployment: the browser's files and the public folder.
  cpSync(path.join(ROOT, ".next", "static"), path.join(outDir, ".next", "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public"))) cpSync(path.join(ROOT, "public"), path.join(outDir, "public"), { recursive: true });
  // The rankings' worker thread, bundled after `next build` (lib/compare/engine-thread.ts).
  cpSync(path.join(ROOT, ".next", "engine-worker.mjs"), path.join(outDir, ".next", "engine-worker.mjs"));

  for (const file of MIGRATION_FILES) cpSync(path.join(ROOT, file), path.join(outDir, file), { recursive: true });
  const packages = packageClosure(readLockfile(), MIGRATION_ROOTS, (key) => existsSync(path.join(ROOT, key)));
  for (const key of packages) {
    // Each package without its nested node_modules, which are packages of their own in the closure.
    cpSync(path.join(ROOT, key), path.join(outDir, key), {
      recursive: true,
      filter: (source) => !path.relative(path.join(ROOT, key), source).split(path.sep).includes("node_modules"),
    });
  }
  return packages;
}

/**
 * Next's file tracing copies the package.json of packages it only looked at while
 * resolving (the root `semver`, a dev dependency, probed from `sharp`, which has its
 * own): such a directory, a package.json alone, is removed. A dev dependency with code
 * in the standalone output would be a real need, and stops the assembly.
 */
function dropTracingProbes(outDir: string): void {
  const lockfile = readLockfile();
  for (const key of installedPackageKeys(outDir, lockfile)) {
    if (!lockfile.packages[key]!.dev) continue;
    const files = readdirSync(path.join(outDir, key), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    if (files.length === 1 && files[0]!.name === "package.json") {
      rmSync(path.join(outDir, key), { recursive: true });
    } else {
      throw new Error(`Le serveur autonome embarque ${key}, une dépendance de développement : déclarez-la dans dependencies.`);
    }
  }
}

/** The package-lock keys of every package directory under `dir`'s node_modules, nested ones included. */
export function installedPackageKeys(dir: string, lockfile: Lockfile): string[] {
  const keys: string[] = [];
  const walk = (prefix: string) => {
    const modules = path.join(dir, prefix, "node_modules");
    if (!existsSync(modules)) return;
    for (const name of listDirectories(modules)) {
      const names = name.startsWith("@") ? listDirectories(path.join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name];
      for (const packageName of names) {
        const key = `${prefix ? `${prefix}/` : ""}node_modules/${packageName}`;
        if (lockfile.packages[key]) keys.push(key);
        walk(key);
      }
    }
  };
  walk("");
  return keys.sort();
}

function listDirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name);
}
