import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export interface RateLimitPolicy {
  /** Counter key prefix, e.g. "login:account". */
  name: string;
  limit: number;
  windowMinutes: number;
}

/** Fixed windows of 15 minutes (docs/auth.md gives the reasoning). */
// The per-account limits apply to browsers that never signed in to the account (see
// known-device.ts): they slow a guesser down without locking the owner out.
export const RATE_LIMITS = {
  /** Password attempts on one account from unknown browsers; a successful sign-in resets it. */
  loginPerAccount: { name: "login:account", limit: 5, windowMinutes: 15 },
  /** Password attempts from one address, whatever the account (credential stuffing). */
  loginPerIp: { name: "login:ip", limit: 20, windowMinutes: 15 },
  /** Mails sent to one address: sign-in links, sign-up and reset mails (no mail bombing). */
  mailPerAccount: { name: "mail:account", limit: 3, windowMinutes: 15 },
  /** Sign-in link requests from one address. */
  magicLinkPerIp: { name: "magic:ip", limit: 10, windowMinutes: 15 },
  /** Sign-ups from one address. */
  signUpPerIp: { name: "signup:ip", limit: 10, windowMinutes: 15 },
  /** Forgotten-password requests from one address. */
  passwordResetPerIp: { name: "reset:ip", limit: 10, windowMinutes: 15 },
  /** Current-password checks when a signed-in user changes it (keyed by user id). */
  passwordChangePerUser: { name: "change:user", limit: 5, windowMinutes: 15 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitOutcome = { allowed: true; count: number } | { allowed: false; count: number; retryMinutes: number };

export function rateLimitKey(policy: RateLimitPolicy, subject: string): string {
  return `${policy.name}:${subject}`;
}

/**
 * Counts one attempt and says whether it is within the policy. One INSERT … ON CONFLICT
 * DO UPDATE: PostgreSQL serialises concurrent upserts of a key, so parallel attempts
 * from any number of app instances each get a distinct count (no read-then-write race).
 * The window is fixed: it starts at the first attempt and a new one starts after it
 * ends. Times come from the database clock, the same for every instance.
 */
export async function hit(prisma: PrismaClient, policy: RateLimitPolicy, subject: string): Promise<RateLimitOutcome> {
  const rows = await prisma.$queryRaw<CounterRow[]>(counted(policy, subject));
  return outcomeOf(policy, rows[0]);
}

interface CounterRow {
  count: number;
  remaining: number;
}

/** The upsert of one attempt, returning the count and the seconds left in the window. */
function counted(policy: RateLimitPolicy, subject: string): Prisma.Sql {
  const key = rateLimitKey(policy, subject);
  const windowSeconds = policy.windowMinutes * 60;
  return Prisma.sql`
    INSERT INTO "RateLimitCounter" ("key", "count", "windowStart")
    VALUES (${key}, 1, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE
        WHEN "RateLimitCounter"."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds}) THEN 1
        ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE
        WHEN "RateLimitCounter"."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds}) THEN now() AT TIME ZONE 'UTC'
        ELSE "RateLimitCounter"."windowStart" END
    RETURNING "count",
      EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - (now() AT TIME ZONE 'UTC')))::float8 AS "remaining"`;
}

function outcomeOf(policy: RateLimitPolicy, row: CounterRow | undefined): RateLimitOutcome {
  if (!row) throw new Error(`rate limit upsert returned no row for ${policy.name}`);
  if (row.count <= policy.limit) return { allowed: true, count: row.count };
  return { allowed: false, count: row.count, retryMinutes: Math.max(1, Math.ceil(row.remaining / 60)) };
}

/** Forgets the attempts of a subject (after a successful login on the account). */
export async function resetRateLimit(prisma: PrismaClient, policy: RateLimitPolicy, subject: string): Promise<void> {
  await prisma.rateLimitCounter.deleteMany({ where: { key: rateLimitKey(policy, subject) } });
}

/**
 * Counts the attempt against each policy in turn and stops at the first refusal, so an
 * attempt refused for its IP is not counted against the account it targets: one address
 * over its own limit cannot go on exhausting the limits of any number of accounts.
 */
export async function hitInOrder(prisma: PrismaClient, checks: [RateLimitPolicy, string][]): Promise<RateLimitOutcome> {
  let highest = 0;
  for (const [policy, subject] of checks) {
    const outcome = await hit(prisma, policy, subject);
    if (!outcome.allowed) return outcome;
    highest = Math.max(highest, outcome.count);
  }
  return { allowed: true, count: highest };
}

/** The policies whose subject is an e-mail address: their counters go with the account. */
const ACCOUNT_POLICIES: RateLimitPolicy[] = [RATE_LIMITS.loginPerAccount, RATE_LIMITS.mailPerAccount];

/** Deletes the counters that name an address (account deletion: nothing keyed by it may stay). */
export async function forgetAccountRateLimits(prisma: Pick<PrismaClient, "rateLimitCounter">, email: string): Promise<void> {
  await prisma.rateLimitCounter.deleteMany({ where: { key: { in: ACCOUNT_POLICIES.map((policy) => rateLimitKey(policy, email)) } } });
}

/**
 * Counts the attempt against every policy (all of them, so each counter stays true) and
 * keeps the longest wait. For subjects an attacker cannot aim at someone else (the
 * sign-in paths, where one subject is a victim's address, use hitInOrder). One statement
 * for all the upserts (each a WITH clause): every public comparison counts two, and a
 * round trip each cost the request thread and PostgreSQL as much as both together.
 * Every call with the same number of checks sends the same statement, so concurrent ones
 * lock the counters in the same order.
 */
export async function hitAll(prisma: PrismaClient, checks: [RateLimitPolicy, string][]): Promise<RateLimitOutcome> {
  const clauses = checks.map(([policy, subject], k) => Prisma.sql`${Prisma.raw(`"check${k}"`)} AS (${counted(policy, subject)})`);
  const selects = checks.map((_, k) => Prisma.sql`SELECT ${k}::int AS "check", "count", "remaining" FROM ${Prisma.raw(`"check${k}"`)}`);
  const rows = await prisma.$queryRaw<(CounterRow & { check: number })[]>`WITH ${Prisma.join(clauses)} ${Prisma.join(selects, " UNION ALL ")}`;
  const outcomes = checks.map(([policy], k) => outcomeOf(policy, rows.find((row) => row.check === k)));
  const refused = outcomes.filter((outcome) => !outcome.allowed);
  if (refused.length === 0) return { allowed: true, count: Math.max(...outcomes.map((outcome) => outcome.count)) };
  return { allowed: false, count: Math.max(...refused.map((o) => o.count)), retryMinutes: Math.max(...refused.map((o) => o.retryMinutes)) };
}
