import { chromium, expect as expectPage, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_UNREACHABLE_MESSAGE } from "../../lib/actions/reach-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import { startApp, startDatabase, type AppProcess, type TestDatabase } from "./support/system";

/** What a visitor sees when PostgreSQL goes away while they fill the form, in Debian's Chromium. */
let database: TestDatabase;
let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  database = await startDatabase();
  app = await startApp(database.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.kill();
  await database?.remove();
});

describe("a database outage seen from the comparison form", () => {
  it("keeps what was typed, says so in French, and compares again once the database is back", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    const crashes: string[] = [];
    page.on("pageerror", (error) => crashes.push(error.message));
    await page.goto(`${app.baseUrl}/comparer?preset=couple-avec-enfants`);
    await page.getByRole("button", { name: "Comparer les offres" }).click();
    await expectPage(page.locator("section.results")).toBeVisible();
    // The ranking's URL (?p=…) is written through the router: let that round trip finish first.
    await expectPage(page).toHaveURL(/\/comparer\?p=1\./);
    await page.waitForLoadState("networkidle");

    await database.stop();
    await page.getByLabel("Nombre par an").first().fill("7");
    await page.getByRole("button", { name: "Comparer les offres" }).click();
    await expectPage(page.getByRole("alert").filter({ hasText: SERVER_UNREACHABLE_MESSAGE })).toBeVisible();
    await expectPage(page.getByLabel("Nombre par an").first()).toHaveValue("7");
    await page.screenshot({ path: "test-results/screenshots/panne-base-formulaire.png", fullPage: true });

    const reload = await page.request.get(`${app.baseUrl}/comparer`, { headers: { accept: "text/html" } });
    expect(reload.status()).toBe(503);

    await database.start();
    await page.getByRole("button", { name: "Comparer les offres" }).click();
    await expectPage(page.locator("section.results")).toBeVisible();
    await expectPage(page.getByRole("alert").filter({ hasText: SERVER_UNREACHABLE_MESSAGE })).toHaveCount(0);
    expect(crashes).toEqual([]);
  });

  it("the sign-in form says so too and keeps the address", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${app.baseUrl}/connexion`);
    await page.locator("#login-email").fill("claire@exemple.fr");
    await page.locator("#login-password").fill("un-mot-de-passe");
    await database.stop();
    try {
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expectPage(page.getByRole("alert").filter({ hasText: SERVER_UNREACHABLE_MESSAGE })).toBeVisible();
      await expectPage(page).toHaveURL(/\/connexion/);
      await expectPage(page.locator("#login-email")).toHaveValue("claire@exemple.fr");
    } finally {
      await database.start();
    }
  });
});
