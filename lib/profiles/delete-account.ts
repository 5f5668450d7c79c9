import { forgetAccountRateLimits } from "@/lib/auth/rate-limit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Deletes the user (RGPD art. 17). Saved profiles, own offers, sessions and provider accounts go with
 * the row through the schema's ON DELETE CASCADE, in the same statement; e-mail sign-in
 * and password tokens and the rate-limit counters are keyed by address, not by user, so
 * they are removed here: nothing keeps the address afterwards. False for an unknown user.
 */
export async function deleteAccount(prisma: PrismaClient, { userId }: { userId: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId }, select: { email: true } });
    if (!user) return false;
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.passwordToken.deleteMany({ where: { email: user.email } });
    await forgetAccountRateLimits(tx, user.email);
    const { count } = await tx.user.deleteMany({ where: { id: userId } });
    return count === 1;
  });
}
