import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailMessage } from "@/lib/mail/send-mail";
import { existingAccountMail, welcomeMail } from "@/lib/mail/templates";
import { hashPassword } from "./password";
import { hitAll, RATE_LIMITS } from "./rate-limit";

export type SignUpOutcome = { status: "mail-sent" } | { status: "throttled"; retryMinutes: number };

interface SignUpInput {
  /** Already normalised by emailSchema. */
  email: string;
  /** Already checked against newPasswordSchema. */
  password: string;
  ip: string;
  /** Absolute URL of the sign-in page, for the mails. */
  signInUrl: string;
}

/**
 * Creates a password account, answering the same whether or not the address was taken
 * (no account enumeration): a new address gets a welcome mail, a taken one gets a notice
 * to its owner and nothing changes on the account. The mails are counted against the
 * mailbox like sign-in links (no mail bombing through this form), sign-ups against the IP.
 */
export async function signUp(prisma: PrismaClient, input: SignUpInput, send: (mail: MailMessage) => Promise<void>): Promise<SignUpOutcome> {
  const limit = await hitAll(prisma, [
    [RATE_LIMITS.signUpPerIp, input.ip],
    [RATE_LIMITS.mailPerAccount, input.email],
  ]);
  if (!limit.allowed) return { status: "throttled", retryMinutes: limit.retryMinutes };

  // Hashed before knowing whether the address is taken: both answers take as long.
  const passwordHash = await hashPassword(input.password);
  const created = await prisma.user.createMany({ data: [{ email: input.email, passwordHash }], skipDuplicates: true });
  await send(created.count === 1 ? welcomeMail(input.email, input.signInUrl) : existingAccountMail(input.email, input.signInUrl));
  return { status: "mail-sent" };
}
