import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./email-address";
import { hitAll, RATE_LIMITS, type RateLimitOutcome } from "./rate-limit";

/**
 * Counts a sign-in link request against the mailbox (shared with sign-up mails) and the
 * caller's address. Runs before next-auth looks the address up, so known and unknown
 * addresses are counted, and refused, alike.
 */
export function countMagicLinkRequest(prisma: PrismaClient, email: string, ip: string): Promise<RateLimitOutcome> {
  return hitAll(prisma, [
    [RATE_LIMITS.mailPerAccount, normalizeEmail(email)],
    [RATE_LIMITS.magicLinkPerIp, ip],
  ]);
}
