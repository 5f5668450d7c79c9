// `npm test`: every tier, in order, each run even when an earlier one failed; the last
// lines give the count per tier, and the exit code is non-zero on any failure.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/next-build";
import { requireSupportedNode } from "./lib/node-version";

requireSupportedNode();

type TierResult = { name: string; ok: boolean; passed?: number; failed?: number; skipped?: number; failures?: string[]; seconds: number };

const reports = path.join(ROOT, "test-results");
mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    // The tiers' programs start with `#!/usr/bin/env node`: first on PATH, the Node this runs on.
    const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`;
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, PATH, ...env } });
    child.on("close", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

async function tier(name: string, work: () => Promise<Omit<TierResult, "name" | "seconds">>): Promise<TierResult> {
  console.log(`\n━━━ ${name} ━━━`);
  const start = Date.now();
  const result = await work();
  return { name, ...result, seconds: Math.round((Date.now() - start) / 100) / 10 };
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; line: number }[];
  suites?: PlaywrightSuite[];
}

/** The specs that did not end as expected, as `file:line › title`. */
function playwrightFailures(suites: readonly PlaywrightSuite[], file = ""): string[] {
  return suites.flatMap((suite) => {
    const here = suite.file ?? file;
    const own = (suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `${here}:${spec.line} › ${spec.title}`);
    return [...own, ...playwrightFailures(suite.suites ?? [], here)];
  });
}

async function vitestTier(project: string): Promise<Omit<TierResult, "name" | "seconds">> {
  const report = path.join(reports, `${project}.json`);
  rmSync(report, { force: true });
  const code = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson<VitestReport>(report);
  const passed = json?.numPassedTests ?? 0;
  const failed = json?.numFailedTests ?? 0;
  const failures = (json?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((test) => test.status === "failed").map((test) => `${path.relative(ROOT, file.name)} › ${test.fullName}`),
  );
  // A tier that ran nothing proves nothing: it counts as a failure.
  return { ok: code === 0 && passed > 0, passed, failed, failures, skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0) };
}

const results: TierResult[] = [];
results.push(await tier("lint", async () => ({ ok: (await run(bin("eslint"), ["--max-warnings=0", "."])) === 0 })));
results.push(await tier("typecheck", async () => ({ ok: (await run(bin("tsc"), ["--noEmit"])) === 0 })));
results.push(await tier("unit", () => vitestTier("unit")));
results.push(await tier("integration", () => vitestTier("integration")));
results.push(
  await tier("e2e", async () => {
    const report = path.join(reports, "e2e.json");
    rmSync(report, { force: true });
    const code = await run(bin("tsx"), ["scripts/test-e2e.ts", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    const json = readJson<{ stats: { expected: number; unexpected: number; skipped: number }; suites: PlaywrightSuite[] }>(report);
    const passed = json?.stats.expected ?? 0;
    const failures = playwrightFailures(json?.suites ?? []);
    return { ok: code === 0 && passed > 0, passed, failed: json?.stats.unexpected ?? 0, failures, skipped: json?.stats.skipped ?? 0 };
  }),
);

// Several `next start` processes and clusters that the tests stop, restart and kill (faults,
// many instances, headers, fuzzing); after e2e, whose build they reuse.
results.push(await tier("system", () => vitestTier("system")));

console.log("\n━━━ Résumé ━━━");
for (const result of results) {
  const counts =
    result.passed === undefined
      ? result.ok ? "ok" : "FAILED"
      : `${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`;
  console.log(`${result.name}: ${counts}${result.ok ? "" : " ✗"} (${result.seconds} s)`);
  // Named here because CI keeps only the end of the output.
  for (const failure of result.failures ?? []) console.log(`  ✗ ${failure}`);
}
const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
const failed = results.reduce((sum, r) => sum + (r.failed ?? 0), 0) + results.filter((r) => !r.ok && (r.failed ?? 0) === 0).length;
console.log(`total: ${passed} passed, ${failed} failed`);
console.log(`Node ${process.version} (${process.execPath})`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
