import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const SCHEMA_ENGINE_SHIM = fileURLToPath(new URL("../../prisma/schema-engine/wasm-schema-engine.mjs", import.meta.url));
const PRISMA_BIN = fileURLToPath(new URL("../../node_modules/prisma/build/index.js", import.meta.url));

/** Environment under which the Prisma CLI runs offline: wasm schema engine, no telemetry. */
export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_SHIM,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
}

/** Runs the real Prisma CLI with `args`; resolves with its exit code and output. */
export function runPrisma(
  args: string[],
  options: { databaseUrl?: string; inherit?: boolean; cwd?: string } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_BIN, ...args], {
      cwd: options.cwd ?? root,
      env: prismaEnv(options.databaseUrl),
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** `prisma migrate deploy` on a database; throws with Prisma's output when it fails. */
export async function deployMigrations(databaseUrl: string): Promise<void> {
  const { code, output } = await runPrisma(["migrate", "deploy"], { databaseUrl });
  if (code !== 0) throw new Error(`prisma migrate deploy a échoué :\n${output}`);
}
