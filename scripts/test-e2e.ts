// End-to-end tier: Playwright driving Debian's Chromium against the production build,
// on a throwaway database (scripts/lib/test-server.ts). Arguments go to `playwright test`.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/next-build";
import { withTestServer } from "./lib/test-server";

const playwrightArgs = process.argv.slice(2);
let code = 1;
try {
  code = await withTestServer(
    ({ baseUrl, env }) =>
      new Promise<number>((resolve) => {
        const playwright = spawn(process.execPath, [path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", ...playwrightArgs], {
          cwd: ROOT,
          env: { ...env, E2E_BASE_URL: baseUrl },
          stdio: "inherit",
        });
        playwright.on("close", (c) => resolve(c ?? 1));
      }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
process.exit(code);
