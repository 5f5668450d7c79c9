import type { Browser, BrowserContext, Page } from "@playwright/test";
import { signIn, sql, type TestUser } from "./users";

/** A separate browser (own cookies) signed in as `account`, on the admin area. */
export async function signedInContext(browser: Browser, account: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, account, "/admin");
  return { context, page };
}

/** The stored formula and version of an offer, to check what a save did. */
export async function storedOffer(id: string): Promise<{ formula: string; version: number; status: string }> {
  const rows = await sql<{ formula: string; version: number; status: string }>(`SELECT "formula", "version", "status" FROM "Offer" WHERE "id" = $1`, [id]);
  return rows[0]!;
}
