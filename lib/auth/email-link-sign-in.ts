import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RATE_LIMITS, resetRateLimit } from "./rate-limit";

/**
 * Runs when someone signs in with an e-mail link, before their session opens. The link
 * proves they hold the mailbox; a password on the account that was never confirmed by
 * that mailbox was typed by someone else, maybe to wait for the owner to fill the account
 * (issue 12 §2): it is removed, with every session opened so far. Returns whether it was.
 */
export async function afterEmailLinkSignIn(prisma: PrismaClient, userId: string): Promise<{ clearedUnverifiedPassword: boolean }> {
  const cleared = await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, passwordHash: { not: null }, passwordVerifiedAt: null },
      data: { passwordHash: null },
    });
    if (count === 1) await tx.session.deleteMany({ where: { userId } });
    return count === 1;
  });
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  // The owner is in: guesses made against the account so far stop counting.
  if (user) await resetRateLimit(prisma, RATE_LIMITS.loginPerAccount, user.email);
  return { clearedUnverifiedPassword: cleared };
}
