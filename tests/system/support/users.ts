import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { TestDatabase } from "./system";

/** lib/auth/password.ts's argon2id parameters (not imported: server-only app code). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface SystemUser {
  id: string;
  email: string;
  password: string;
}

/** An account with a password, written to the database (sign-up has its own e2e tests). */
export async function createPasswordUser(database: TestDatabase, role: "USER" | "ADMIN" = "USER"): Promise<SystemUser> {
  const user = { id: randomUUID(), email: `sys-${randomUUID().slice(0, 8)}@exemple.fr`, password: `mot-de-passe-${randomUUID()}` };
  await database.query(
    `INSERT INTO "User" ("id", "email", "emailVerified", "passwordHash", "role", "createdAt", "updatedAt")
     VALUES ($1, $2, now(), $3, $4, now(), now())`,
    [user.id, user.email, await hash(user.password, ARGON2ID), role],
  );
  return user;
}
