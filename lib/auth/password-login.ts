import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./email-address";
import { spendVerificationTime, verifyPassword } from "./password";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { hitAll, RATE_LIMITS, resetRateLimit } from "./rate-limit";
import type { SessionUser } from "./server-sessions";

export type PasswordLoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryMinutes: number };

/**
 * Checks an e-mail and password. Every attempt is counted per account and per IP before
 * the password is looked at (so parallel guesses cannot slip past the limit); an unknown
 * e-mail, an account without password and a wrong password all answer "invalid" after
 * the same argon2 work, so the answer never tells whether an account exists.
 */
export async function passwordLogin(prisma: PrismaClient, input: { email: unknown; password: unknown; ip: string }): Promise<PasswordLoginOutcome> {
  if (typeof input.email !== "string" || typeof input.password !== "string") return { ok: false, reason: "invalid" };
  const email = normalizeEmail(input.email);
  const password = input.password;
  if (email.length === 0 || email.length > 254 || password.length === 0 || password.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, reason: "invalid" };
  }

  const limit = await hitAll(prisma, [
    [RATE_LIMITS.loginPerAccount, email],
    [RATE_LIMITS.loginPerIp, input.ip],
  ]);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryMinutes: limit.retryMinutes };

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, passwordHash: true } });
  if (!user?.passwordHash) {
    await spendVerificationTime(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };

  await resetRateLimit(prisma, RATE_LIMITS.loginPerAccount, email);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role } };
}
