import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailMessage } from "@/lib/mail/send-mail";
import { confirmSignUpMail, existingAccountMail } from "@/lib/mail/templates";
import { hashPassword } from "./password";
import { consumePasswordToken, issuePasswordToken, PASSWORD_TOKEN_MINUTES } from "./password-tokens";
import { hitInOrder, RATE_LIMITS, resetRateLimit } from "./rate-limit";

export type SignUpOutcome = { status: "mail-sent" } | { status: "throttled"; retryMinutes: number };

interface SignUpInput {
  /** Already normalised by emailSchema. */
  email: string;
  /** Already checked against newPasswordSchema. */
  password: string;
  ip: string;
  /** Absolute URL of this site, for the links in the mails. */
  appUrl: string;
}

/** The page a sign-up confirmation link opens (it asks for a click: mail scanners open links). */
export function signUpConfirmationUrl(appUrl: string, token: string): string {
  return `${appUrl}/inscription/confirmer?jeton=${encodeURIComponent(token)}`;
}

/**
 * Sign-up never makes a password usable by itself: whoever types an address may not own
 * it. The password's hash waits in a one-time token mailed to the address, and becomes
 * the account's password only when that link is confirmed (confirmSignUp).
 *
 * The answer is the same whether or not the address has an account (no enumeration), and
 * both paths hash, read and mail alike. An address whose account already has a confirmed
 * password gets a notice instead of a link, and nothing changes on the account; one
 * without (an e-mail-link account, an admin made by `admin:create`) gets the confirmation
 * link, so its owner can add a password that way.
 *
 * The sign-up is counted against the IP first (refused there, it does not count against
 * the mailbox), then the mail against the mailbox, like sign-in links (no mail bombing).
 */
export async function signUp(prisma: PrismaClient, input: SignUpInput, send: (mail: MailMessage) => Promise<void>): Promise<SignUpOutcome> {
  const limit = await hitInOrder(prisma, [
    [RATE_LIMITS.signUpPerIp, input.ip],
    [RATE_LIMITS.mailPerAccount, input.email],
  ]);
  if (!limit.allowed) return { status: "throttled", retryMinutes: limit.retryMinutes };

  const passwordHash = await hashPassword(input.password);
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { passwordHash: true, passwordVerifiedAt: true } });
  const hasConfirmedPassword = Boolean(existing?.passwordHash && existing.passwordVerifiedAt);
  // Written for a taken address too, without the password and never mailed (so never
  // usable), only so that both answers do the same database work and take as long.
  const token = await issuePasswordToken(prisma, { email: input.email, purpose: "CONFIRM_SIGN_UP", passwordHash: hasConfirmedPassword ? undefined : passwordHash });
  await send(
    hasConfirmedPassword
      ? existingAccountMail(input.email, `${input.appUrl}/connexion`, `${input.appUrl}/connexion/mot-de-passe-oublie`)
      : confirmSignUpMail(input.email, signUpConfirmationUrl(input.appUrl, token), PASSWORD_TOKEN_MINUTES.CONFIRM_SIGN_UP),
  );
  return { status: "mail-sent" };
}

export type ConfirmSignUpOutcome = { status: "confirmed"; email: string } | { status: "invalid-link" };

/**
 * Applies the password of a confirmed sign-up: creates the account, or gives an existing
 * one that password (its owner just proved they hold the mailbox). Any other session of
 * that account ends, since a password changed; pending links for the address are voided.
 */
export async function confirmSignUp(prisma: PrismaClient, token: string, now = new Date()): Promise<ConfirmSignUpOutcome> {
  const consumed = await consumePasswordToken(prisma, token, "CONFIRM_SIGN_UP", now);
  if (!consumed?.passwordHash) return { status: "invalid-link" };
  const { email, passwordHash } = consumed;
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, passwordHash, passwordVerifiedAt: now, emailVerified: now },
      update: { passwordHash, passwordVerifiedAt: now, emailVerified: now },
      select: { id: true },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordToken.deleteMany({ where: { email } });
  });
  await resetRateLimit(prisma, RATE_LIMITS.loginPerAccount, email);
  return { status: "confirmed", email };
}
