import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailMessage } from "@/lib/mail/send-mail";
import { passwordChangedMail, resetPasswordMail } from "@/lib/mail/templates";
import { hashPassword } from "./password";
import { consumePasswordToken, issuePasswordToken, PASSWORD_TOKEN_MINUTES } from "./password-tokens";
import { hitInOrder, RATE_LIMITS, resetRateLimit } from "./rate-limit";

export type PasswordResetRequestOutcome = { status: "mail-sent" } | { status: "throttled"; retryMinutes: number };

/** The page a reset link opens: it asks for the new password (opening it changes nothing). */
export function passwordResetUrl(appUrl: string, token: string): string {
  return `${appUrl}/connexion/nouveau-mot-de-passe?jeton=${encodeURIComponent(token)}`;
}

/**
 * "Mot de passe oublié": mails a one-time link (30 minutes) to the address when it has an
 * account, any account (one that signs in by e-mail link gets its first password this
 * way). The answer is the same for an unknown address, which gets no mail; a token is
 * written for it too (never mailed, so never usable) so both do the same database work.
 * Counted against the IP first, then against the mailbox like every mail of the site.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  input: { email: string; ip: string; appUrl: string },
  send: (mail: MailMessage) => Promise<void>,
): Promise<PasswordResetRequestOutcome> {
  const limit = await hitInOrder(prisma, [
    [RATE_LIMITS.passwordResetPerIp, input.ip],
    [RATE_LIMITS.mailPerAccount, input.email],
  ]);
  if (!limit.allowed) return { status: "throttled", retryMinutes: limit.retryMinutes };

  const user = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const token = await issuePasswordToken(prisma, { email: input.email, purpose: "RESET" });
  if (user) await send(resetPasswordMail(input.email, passwordResetUrl(input.appUrl, token), PASSWORD_TOKEN_MINUTES.RESET));
  return { status: "mail-sent" };
}

export type PasswordResetOutcome = { status: "changed"; email: string } | { status: "invalid-link" };

/**
 * Sets the password chosen on the reset page. The link proves the mailbox, so the password
 * is confirmed at once; every session of the account ends (whoever had the old password
 * or a stolen session is out), pending password links are voided, the owner is told.
 */
export async function resetPassword(
  prisma: PrismaClient,
  input: { token: string; password: string; appUrl: string },
  send: (mail: MailMessage) => Promise<void>,
  now = new Date(),
): Promise<PasswordResetOutcome> {
  const consumed = await consumePasswordToken(prisma, input.token, "RESET", now);
  if (!consumed) return { status: "invalid-link" };
  const passwordHash = await hashPassword(input.password);
  const changed = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: consumed.email }, select: { id: true } });
    if (!user) return false;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordVerifiedAt: now, emailVerified: now } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordToken.deleteMany({ where: { email: consumed.email } });
    return true;
  });
  if (!changed) return { status: "invalid-link" };
  await resetRateLimit(prisma, RATE_LIMITS.loginPerAccount, consumed.email);
  await send(passwordChangedMail(consumed.email, `${input.appUrl}/connexion`));
  return { status: "changed", email: consumed.email };
}
