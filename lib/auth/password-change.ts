import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailMessage } from "@/lib/mail/send-mail";
import { passwordChangedMail } from "@/lib/mail/templates";
import { hashPassword, verifyPassword } from "./password";
import { hit, RATE_LIMITS } from "./rate-limit";
import { revokeOtherSessions } from "./server-sessions";

export type PasswordChangeOutcome =
  | { status: "changed"; otherSessionsEnded: number }
  | { status: "wrong-password" }
  | { status: "no-password" }
  | { status: "throttled"; retryMinutes: number };

interface PasswordChangeInput {
  userId: string;
  currentPassword: string;
  /** Already checked against newPasswordSchema. */
  newPassword: string;
  /** The session of the browser making the change: it stays signed in, every other one ends. */
  sessionToken: string;
  appUrl: string;
}

/**
 * A signed-in user changes their password, proving they know the current one (a session
 * left open on a shared computer must not be enough to take the account over). Checks are
 * limited per user. An account without a confirmed password has none to prove: it gets
 * one through "Mot de passe oublié", which goes through the mailbox.
 */
export async function changePassword(prisma: PrismaClient, input: PasswordChangeInput, send: (mail: MailMessage) => Promise<void>): Promise<PasswordChangeOutcome> {
  const limit = await hit(prisma, RATE_LIMITS.passwordChangePerUser, input.userId);
  if (!limit.allowed) return { status: "throttled", retryMinutes: limit.retryMinutes };

  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true, passwordHash: true, passwordVerifiedAt: true } });
  if (!user) return { status: "wrong-password" };
  if (!user.passwordHash || !user.passwordVerifiedAt) return { status: "no-password" };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { status: "wrong-password" };

  const passwordHash = await hashPassword(input.newPassword);
  await prisma.user.update({ where: { id: input.userId }, data: { passwordHash, passwordVerifiedAt: new Date() } });
  const otherSessionsEnded = await revokeOtherSessions(prisma, input.userId, input.sessionToken);
  await prisma.passwordToken.deleteMany({ where: { email: user.email, purpose: "RESET" } });
  await send(passwordChangedMail(user.email, `${input.appUrl}/connexion`));
  return { status: "changed", otherSessionsEnded };
}
