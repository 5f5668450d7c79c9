import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./email-address";
import { hit, RATE_LIMITS, type RateLimitOutcome } from "./rate-limit";

/**
 * Counts a sign-in link request (one with a valid CSRF token: the route checks it first)
 * against the caller's IP, then, unless the browser signed in to this account before,
 * against the mailbox (shared with sign-up and reset mails). Refused for its IP, a request
 * does not count against the mailbox, so one address cannot block links for many. Runs
 * before next-auth looks the address up: known and unknown addresses count alike.
 */
export async function countMagicLinkRequest(prisma: PrismaClient, input: { email: string; ip: string; knownDevice: boolean }): Promise<RateLimitOutcome> {
  const perIp = await hit(prisma, RATE_LIMITS.magicLinkPerIp, input.ip);
  if (!perIp.allowed || input.knownDevice) return perIp;
  return hit(prisma, RATE_LIMITS.mailPerAccount, normalizeEmail(input.email));
}
