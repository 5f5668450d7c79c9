import { type ChildProcess, spawn, type StdioOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const FINGERPRINT_FILE = path.join(ROOT, ".next", "source-fingerprint");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name));
}

/** A hash of everything `next build` reads, so a build is redone exactly when needed. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles).sort()) {
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(ROOT, ".next", "BUILD_ID")) &&
    existsSync(FINGERPRINT_FILE) &&
    readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint()
  );
}

/**
 * Where Next's output goes: the caller's own (`inherit`), stderr only (`stderr`, keeping
 * stdout for a script's JSON report), or handed to the caller, who must read it (`pipe`).
 */
export type NextOutput = "inherit" | "stderr" | "pipe";

function stdio(output: NextOutput): StdioOptions {
  if (output === "stderr") return ["ignore", process.stderr, process.stderr];
  return output === "pipe" ? ["ignore", "pipe", "pipe"] : "inherit";
}

/**
 * The server's memory settings, as the Dockerfile starts it (docs/operations.md, Memory):
 * - MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (the engine's workers,
 *   libuv's pool) an arena of its own, which keeps freed memory; two arenas took the
 *   server's resident memory after the 10 000-offer load test from ~760 to ~665 MB;
 * - MALLOC_MMAP_THRESHOLD_=65536: a ranking's arrays of 10 000 figures (40–80 kB, made on
 *   an engine thread, freed on the request thread when a kept ranking goes) are mapped and
 *   unmapped whole instead of fragmenting an arena; a fixed threshold also stops glibc from
 *   raising it after the first large free. Resident memory after the load test: 579–609 MB
 *   over three runs, against 596–642 MB without (docs/operations.md);
 * - --max-old-space-size=256 on the request thread: its live heap is ~120 MB (Next's and
 *   Prisma's code, the catalogue, the kept rankings); without a bound V8 lets it grow past
 *   twice that under load before collecting;
 * - --heap-growing-percent=50: under load each engine thread (a 128 MB heap) was collected
 *   in full about every 0.6 s, marking its ~50 MB of compiled catalogue each time, and V8's
 *   helper threads took about a third of the CPU. Letting a heap grow by 50 % past what a
 *   full collection left (every isolate: V8's flags are the process's) nearly halved the
 *   engine threads' full collections (38 → 21 over 960 rankings on two threads) and
 *   served ~25 % more comparisons of the 10 000-offer catalogue at 10 and 50 connections,
 *   with the same resident memory after the load test (docs/operations.md);
 * - --max-semi-space-size=16: V8 sized the request thread's new space to ~108 MB under load;
 *   16 MB semi-spaces cap every isolate's at 32 MB (the engine threads' too, over their
 *   resourceLimits; theirs had ~16 MB in use before): ~30 MB less resident memory after the
 *   load test;
 * - --no-allocation-site-pretenuring: V8 had marked the allocation sites of a ranking's
 *   short-lived objects (still alive when the young space filled mid-ranking) to allocate
 *   straight in old space, where ~30 MB of them piled up between two full collections of
 *   an engine thread; each full collection marks its ~50 MB of compiled catalogue again. In
 *   the two-thread harness the full collections went from 22–36 to 8–9 over 960 rankings
 *   and their background marking from 3.2–5.3 s to 0.6–0.9 s of CPU; in the load test a
 *   10 000-offer comparison took ~18 % less of the server's CPU (docs/operations.md).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256", "--heap-growing-percent=50", "--max-semi-space-size=16", "--no-allocation-site-pretenuring"];
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "65536" };

export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env, output: NextOutput = "inherit"): ChildProcess {
  const serving = args[0] === "start";
  // Telemetry would try to reach the internet, which these machines cannot.
  return spawn(process.execPath, [...(serving ? SERVER_NODE_FLAGS : []), NEXT_BIN, ...args], {
    cwd: ROOT,
    env: { NEXT_TELEMETRY_DISABLED: "1", ...(serving ? SERVER_ENV : {}), ...env },
    stdio: stdio(output),
  });
}

export async function buildIfNeeded(env: NodeJS.ProcessEnv = process.env, output: NextOutput = "inherit"): Promise<void> {
  if (isBuildCurrent()) return;
  const fingerprint = sourceFingerprint();
  const code = await new Promise<number>((resolve) => runNext(["build"], env, output).on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build a échoué (code ${code})`);
  await buildEngineWorker();
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}

/**
 * Bundles the engine's worker thread (lib/compare/engine-worker.ts) into
 * .next/engine-worker.mjs, after `next build`, which empties .next.
 */
export async function buildEngineWorker(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, "lib", "compare", "engine-worker.ts")],
    outfile: path.join(ROOT, ".next", "engine-worker.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    minify: true,
    logLevel: "warning",
  });
}
