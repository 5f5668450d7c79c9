import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

/** Same argon2id parameters as lib/auth/password.ts (not imported: it is server-only app code). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface TestAccount {
  email: string;
  password: string;
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh account with a password (argon2id), in the database the server under test uses. */
export async function createAccount(role: "USER" | "ADMIN"): Promise<TestAccount> {
  const account = { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@exemple.fr`, password: `mot-de-passe-${randomUUID()}` };
  const passwordHash = await hash(account.password, ARGON2ID);
  await withClient((client) =>
    client.query(
      `INSERT INTO "User" ("id", "email", "emailVerified", "passwordHash", "role", "createdAt", "updatedAt")
       VALUES ($1, $2, now(), $3, $4, now(), now())`,
      [randomUUID(), account.email, passwordHash, role],
    ),
  );
  return account;
}

/** Signs in through the real /connexion form and waits for the page it returns to. */
export async function signIn(page: Page, account: TestAccount, returnTo = "/admin"): Promise<void> {
  await page.goto(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  await page.locator("#login-email").fill(account.email);
  await page.locator("#login-password").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[/?]/g, "\\$&")}$`));
}

/** A separate browser (own cookies) signed in as `account`. */
export async function signedInContext(browser: Browser, account: TestAccount): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

/** The stored formula and version of an offer, to check what a save did. */
export async function storedOffer(id: string): Promise<{ formula: string; version: number; status: string }> {
  return withClient(async (client) => {
    const result = await client.query<{ formula: string; version: number; status: string }>(`SELECT "formula", "version", "status" FROM "Offer" WHERE "id" = $1`, [id]);
    return result.rows[0]!;
  });
}
