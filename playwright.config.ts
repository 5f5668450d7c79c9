import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium";

// scripts/test-e2e.ts starts the database and the production server, then runs this.
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  // No retry: a test that fails once on a busy machine is waiting on time instead of on a
  // condition, and a retry would hide it. Tests wait for what they need (expect, poll).
  retries: 0,
  // A test's own steps wait on conditions (expect below); this bounds the whole test,
  // fixtures included: closing a context writes its trace, which took over 30 s once on a
  // loaded 2-core machine (a sign-up test, 38.7 s in all).
  timeout: 60_000,
  // Conditions are polled until true: a long limit costs nothing on a fast machine and
  // covers a comparison computed while a loaded 2-core machine does something else.
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
