import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A session lasts 30 days from sign-in; it is not extended by activity. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SessionUser {
  id: string;
  email: string;
  role: "USER" | "ADMIN";
}

/**
 * The database keeps a SHA-256 of the token, not the token: a leaked Session table
 * cannot be replayed as cookies. The token itself lives only in the encrypted JWT.
 */
function digest(sessionToken: string): string {
  return createHash("sha256").update(sessionToken).digest("hex");
}

/** Opens a server-side session for a user who just signed in; returns the token for the JWT. */
export async function createServerSession(prisma: PrismaClient, userId: string, now = new Date()): Promise<string> {
  const sessionToken = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { sessionToken: digest(sessionToken), userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return sessionToken;
}

/**
 * The user behind a session token, read fresh (role included) on every request, or null
 * when the row is gone (signed out, account deleted) or expired.
 */
export async function findSessionUser(prisma: PrismaClient, sessionToken: string, now = new Date()): Promise<SessionUser | null> {
  const session = await prisma.session.findFirst({
    where: { sessionToken: digest(sessionToken), expires: { gt: now } },
    select: { user: { select: { id: true, email: true, role: true } } },
  });
  return session?.user ?? null;
}

/** Signs one browser out: its token stops working at once. */
export async function revokeServerSession(prisma: PrismaClient, sessionToken: string): Promise<void> {
  await prisma.session.deleteMany({ where: { sessionToken: digest(sessionToken) } });
}

/** Signs a user out everywhere (password change, account deletion); returns how many sessions ended. */
export async function revokeUserSessions(prisma: PrismaClient, userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

/** After a password change: every other browser is signed out, the one that changed it stays. */
export async function revokeOtherSessions(prisma: PrismaClient, userId: string, keepSessionToken: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, sessionToken: { not: digest(keepSessionToken) } } });
  return count;
}

/** Housekeeping: expired rows are refused anyway, this only keeps the table small. */
export async function deleteExpiredSessions(prisma: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expires: { lte: now } } });
  return count;
}
