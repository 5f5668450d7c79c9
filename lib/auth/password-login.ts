import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./email-address";
import { spendVerificationTime, verifyPassword } from "./password";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { hit, RATE_LIMITS, resetRateLimit, type RateLimitOutcome } from "./rate-limit";
import type { SessionUser } from "./server-sessions";

export type PasswordLoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryMinutes: number };

interface PasswordLoginInput {
  email: unknown;
  password: unknown;
  ip: string;
  /** The browser signed in to this account before (known-device cookie checked by the caller). */
  knownDevice: boolean;
}

/**
 * Checks an e-mail and password. The attempt is counted against the IP first (refused
 * there, it is not counted against the account), then, from a browser that never signed
 * in to this account, against the account; all before the password is looked at, so
 * parallel guesses cannot slip past the limits. A known browser skips the per-account
 * limit: whoever guesses from elsewhere slows themselves down, not the owner.
 *
 * An unknown e-mail, an account without a password, a password its owner never confirmed
 * (passwordVerifiedAt) and a wrong password all answer "invalid" after the same argon2
 * work, so the answer never tells whether an account exists.
 */
export async function passwordLogin(prisma: PrismaClient, input: PasswordLoginInput): Promise<PasswordLoginOutcome> {
  if (typeof input.email !== "string" || typeof input.password !== "string") return { ok: false, reason: "invalid" };
  const email = normalizeEmail(input.email);
  const password = input.password;
  if (email.length === 0 || email.length > 254 || password.length === 0 || password.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, reason: "invalid" };
  }

  const limit = await countAttempt(prisma, email, input);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryMinutes: limit.retryMinutes };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true, passwordVerifiedAt: true },
  });
  if (!user?.passwordHash || !user.passwordVerifiedAt) {
    await spendVerificationTime(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };

  await resetRateLimit(prisma, RATE_LIMITS.loginPerAccount, email);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role } };
}

async function countAttempt(prisma: PrismaClient, email: string, input: PasswordLoginInput): Promise<RateLimitOutcome> {
  const perIp = await hit(prisma, RATE_LIMITS.loginPerIp, input.ip);
  if (!perIp.allowed || input.knownDevice) return perIp;
  return hit(prisma, RATE_LIMITS.loginPerAccount, email);
}
