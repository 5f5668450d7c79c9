import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type pg from "pg";
import { hashPassword } from "../../../lib/auth/password";
import { query } from "../../support/query";

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** One query on the database of the server under test. */
export function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return query<T>(process.env.DATABASE_URL!, text, values);
}

/** A fresh account with a password, written straight to the database: sign-up is tested by auth.spec.ts. */
export async function createUser(role: "USER" | "ADMIN" = "USER"): Promise<TestUser> {
  const prefix = role === "ADMIN" ? "admin" : "compte";
  const user = { id: randomUUID(), email: `${prefix}-${randomUUID().slice(0, 8)}@exemple.fr`, password: `mot-de-passe-${randomUUID()}` };
  await sql(
    `INSERT INTO "User" ("id", "email", "emailVerified", "passwordHash", "passwordVerifiedAt", "role", "createdAt", "updatedAt")
     VALUES ($1, $2, now(), $3, now(), $4, now(), now())`,
    [user.id, user.email, await hashPassword(user.password), role],
  );
  return user;
}

/** Signs in through the real /connexion form, which returns to `returnTo`. */
export async function signIn(page: Page, user: TestUser, returnTo = "/compte"): Promise<void> {
  await page.goto(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  await page.locator("#login-email").fill(user.email);
  await page.locator("#login-password").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === returnTo);
}

/** A saved profile written straight to the database, for a user other than the one driving the browser. */
export async function insertSavedProfile(userId: string, name: string, profile: unknown): Promise<string> {
  const id = `e2e-${randomUUID()}`;
  await sql(`INSERT INTO "SavedProfile" ("id", "userId", "name", "profile", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`, [
    id,
    userId,
    name,
    JSON.stringify(profile),
  ]);
  return id;
}
