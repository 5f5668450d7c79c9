import { randomUUID } from "node:crypto";
import { hashPassword } from "../../../lib/auth/password";
import type { TestDatabase } from "./system";

export interface SystemUser {
  id: string;
  email: string;
  password: string;
}

/** An account with a password, written to the database (sign-up has its own e2e tests). */
export async function createPasswordUser(database: TestDatabase, role: "USER" | "ADMIN" = "USER"): Promise<SystemUser> {
  const user = { id: randomUUID(), email: `sys-${randomUUID().slice(0, 8)}@exemple.fr`, password: `mot-de-passe-${randomUUID()}` };
  await database.query(
    `INSERT INTO "User" ("id", "email", "emailVerified", "passwordHash", "passwordVerifiedAt", "role", "createdAt", "updatedAt")
     VALUES ($1, $2, now(), $3, now(), $4, now(), now())`,
    [user.id, user.email, await hashPassword(user.password), role],
  );
  return user;
}
