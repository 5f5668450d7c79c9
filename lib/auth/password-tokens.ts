import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type PasswordTokenPurpose = "CONFIRM_SIGN_UP" | "RESET";

/**
 * How long a password link works. A sign-up confirmation may wait for a slow mailbox; a
 * reset link gives whoever holds it the account, so it is short.
 */
export const PASSWORD_TOKEN_MINUTES: Record<PasswordTokenPurpose, number> = { CONFIRM_SIGN_UP: 60, RESET: 30 };

/** Only this digest is stored: a leaked table gives no usable link. */
function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a one-time link token for `email` and returns it (for the mail). Older tokens of
 * the same purpose for that address stop working: only the latest mail counts.
 */
export async function issuePasswordToken(
  prisma: PrismaClient,
  input: { email: string; purpose: PasswordTokenPurpose; passwordHash?: string },
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + PASSWORD_TOKEN_MINUTES[input.purpose] * 60_000);
  await prisma.$transaction([
    prisma.passwordToken.deleteMany({ where: { email: input.email, purpose: input.purpose } }),
    prisma.passwordToken.create({
      data: { tokenHash: digest(token), email: input.email, purpose: input.purpose, passwordHash: input.passwordHash ?? null, expires },
    }),
  ]);
  return token;
}

export interface ConsumedPasswordToken {
  email: string;
  passwordHash: string | null;
}

/**
 * Uses a token once: it is deleted whatever happens next, and of two concurrent uses only
 * the one whose delete removed the row wins. Null when unknown, already used or expired.
 */
export async function consumePasswordToken(
  prisma: PrismaClient,
  token: string,
  purpose: PasswordTokenPurpose,
  now = new Date(),
): Promise<ConsumedPasswordToken | null> {
  const tokenHash = digest(token);
  const row = await prisma.passwordToken.findUnique({ where: { tokenHash }, select: { email: true, purpose: true, passwordHash: true, expires: true } });
  if (!row || row.purpose !== purpose) return null;
  const { count } = await prisma.passwordToken.deleteMany({ where: { tokenHash } });
  if (count !== 1 || row.expires <= now) return null;
  return { email: row.email, passwordHash: row.passwordHash };
}

/** Whether a token would be accepted now, without using it (the page that asks for a new password). */
export async function isPasswordTokenUsable(prisma: PrismaClient, token: string, purpose: PasswordTokenPurpose, now = new Date()): Promise<boolean> {
  const row = await prisma.passwordToken.findUnique({ where: { tokenHash: digest(token) }, select: { purpose: true, expires: true } });
  return row !== null && row.purpose === purpose && row.expires > now;
}
