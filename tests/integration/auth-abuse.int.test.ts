// Issue 12 §2, §4, §5: each finding has a test named after it, that failed on the code before the fix.
import { describe, expect, it } from "vitest";
import { afterEmailLinkSignIn } from "@/lib/auth/email-link-sign-in";
import { countMagicLinkRequest } from "@/lib/auth/magic-link-request";
import { hashPassword } from "@/lib/auth/password";
import { passwordLogin } from "@/lib/auth/password-login";
import { RATE_LIMITS, rateLimitKey } from "@/lib/auth/rate-limit";
import { createServerSession, findSessionUser } from "@/lib/auth/server-sessions";
import { confirmSignUp, signUp } from "@/lib/auth/sign-up";
import type { MailMessage } from "@/lib/mail/send-mail";
import { deleteAccount } from "@/lib/profiles/delete-account";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("auth_abuse");
const PASSWORD = "une phrase de passe assez longue";
const ATTACKER_PASSWORD = "le mot de passe de l'attaquant";
const APP_URL = "http://localhost:3000";
let sequence = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${(sequence += 1)}@exemple.fr`;
let ipSequence = 0;
const uniqueIp = () => `203.0.113.${(ipSequence += 1)}`;

function mailbox() {
  const sent: MailMessage[] = [];
  return { sent, send: async (mail: MailMessage) => void sent.push(mail), tokenOf: (mail: MailMessage) => new URL(mail.link!).searchParams.get("jeton")! };
}

async function counter(key: string): Promise<number | null> {
  const rows = await query<{ count: number }>(database.url, `SELECT "count" FROM "RateLimitCounter" WHERE "key" = $1`, [key]);
  return rows[0]?.count ?? null;
}

describe("issue 12 §2 : prise de compte avant son titulaire", () => {
  it("le mot de passe d'une inscription ne sert qu'une fois confirmé depuis la boîte mail, et c'est celui de la personne qui confirme", async () => {
    const prisma = database.client();
    const victim = uniqueEmail("victime");
    const mails = mailbox();
    // The attacker signs up with the victim's address and their own password.
    await signUp(prisma, { email: victim, password: ATTACKER_PASSWORD, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    expect(await passwordLogin(prisma, { email: victim, password: ATTACKER_PASSWORD, ip: uniqueIp(), knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.user.count({ where: { email: victim } })).toBe(0);
    expect(mails.sent[0]!.to).toBe(victim);

    // The victim signs up too (or ignores the mail): only what the mailbox confirms counts.
    await signUp(prisma, { email: victim, password: PASSWORD, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
    expect(await confirmSignUp(prisma, mails.tokenOf(mails.sent[0]!))).toEqual({ status: "invalid-link" });
    expect(await confirmSignUp(prisma, mails.tokenOf(mails.sent[1]!))).toEqual({ status: "confirmed", email: victim });
    expect(await passwordLogin(prisma, { email: victim, password: ATTACKER_PASSWORD, ip: uniqueIp(), knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    expect((await passwordLogin(prisma, { email: victim, password: PASSWORD, ip: uniqueIp(), knownDevice: false })).ok).toBe(true);
  });

  it("le premier lien de connexion efface un mot de passe jamais confirmé et ferme les sessions ouvertes avec", async () => {
    const prisma = database.client();
    // An account as the old sign-up left it: the attacker's password, unconfirmed, and a session of theirs.
    const victim = await prisma.user.create({ data: { email: uniqueEmail("ancien"), passwordHash: await hashPassword(ATTACKER_PASSWORD) } });
    const attackerSession = await createServerSession(prisma, victim.id);
    expect(await passwordLogin(prisma, { email: victim.email, password: ATTACKER_PASSWORD, ip: uniqueIp(), knownDevice: false })).toEqual({ ok: false, reason: "invalid" });

    expect(await afterEmailLinkSignIn(prisma, victim.id)).toEqual({ clearedUnverifiedPassword: true });
    expect(await prisma.user.findUnique({ where: { id: victim.id }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
    expect(await findSessionUser(prisma, attackerSession)).toBeNull();

    // A confirmed password and its sessions are the owner's: a link sign-in leaves them.
    const owner = await prisma.user.create({ data: { email: uniqueEmail("titulaire"), passwordHash: await hashPassword(PASSWORD), passwordVerifiedAt: new Date() } });
    const ownerSession = await createServerSession(prisma, owner.id);
    expect(await afterEmailLinkSignIn(prisma, owner.id)).toEqual({ clearedUnverifiedPassword: false });
    expect((await passwordLogin(prisma, { email: owner.email, password: PASSWORD, ip: uniqueIp(), knownDevice: false })).ok).toBe(true);
    expect(await findSessionUser(prisma, ownerSession)).not.toBeNull();
  });

  it("l'inscription répond pareil, avec le même travail, que l'adresse soit libre, prise ou sans mot de passe confirmé", async () => {
    const prisma = database.client();
    const taken = uniqueEmail("prise");
    await prisma.user.create({ data: { email: taken, passwordHash: await hashPassword(PASSWORD), passwordVerifiedAt: new Date() } });
    const linkOnly = uniqueEmail("lien-seul");
    await prisma.user.create({ data: { email: linkOnly } });

    // The timing of one answer is its work: the same argon2 hash, and the same database
    // operations in the same order, are what keep the three alike (the machine's load
    // varies far more than one query costs, so durations alone would test nothing).
    const answers = await Promise.all(
      [uniqueEmail("libre"), taken, linkOnly].map(async (email) => {
        const operations: string[] = [];
        const traced = prisma.$extends({
          query: {
            async $allOperations({ model, operation, args, query }) {
              operations.push(`${model ?? "raw"}.${operation}`);
              return query(args);
            },
          },
        }) as unknown as typeof prisma;
        const mails = mailbox();
        const outcome = await signUp(traced, { email, password: PASSWORD, ip: uniqueIp(), appUrl: APP_URL }, mails.send);
        return { outcome, operations, mails: mails.sent.length };
      }),
    );
    for (const answer of answers) {
      expect(answer.outcome).toEqual({ status: "mail-sent" });
      expect(answer.mails).toBe(1);
      expect(answer.operations).toEqual(answers[0]!.operations);
    }
    expect(answers[0]!.operations).toContain("User.findUnique");
    expect(answers[0]!.operations).toContain("PasswordToken.create");
  });
});

describe("issue 12 §4 : un attaquant ne peut pas bloquer le titulaire", () => {
  it("six mauvais essais d'ailleurs ne bloquent pas le bon mot de passe depuis un navigateur déjà connecté au compte", async () => {
    const prisma = database.client();
    const email = uniqueEmail("cible");
    await prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), passwordVerifiedAt: new Date() } });
    for (let attempt = 0; attempt < 6; attempt += 1) await passwordLogin(prisma, { email, password: "mauvais", ip: uniqueIp(), knownDevice: false });
    // The guesser, and any unknown browser, waits; the owner's usual browser does not.
    expect(await passwordLogin(prisma, { email, password: PASSWORD, ip: uniqueIp(), knownDevice: false })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await passwordLogin(prisma, { email, password: PASSWORD, ip: uniqueIp(), knownDevice: true })).toMatchObject({ ok: true });
  });

  it("un lien de connexion remet à zéro les essais contre le compte", async () => {
    const prisma = database.client();
    const user = await prisma.user.create({ data: { email: uniqueEmail("lien"), passwordHash: await hashPassword(PASSWORD), passwordVerifiedAt: new Date() } });
    for (let attempt = 0; attempt < 6; attempt += 1) await passwordLogin(prisma, { email: user.email, password: "mauvais", ip: uniqueIp(), knownDevice: false });
    await afterEmailLinkSignIn(prisma, user.id);
    expect((await passwordLogin(prisma, { email: user.email, password: PASSWORD, ip: uniqueIp(), knownDevice: false })).ok).toBe(true);
  });

  it("une IP au-delà de sa limite ne compte plus contre les comptes qu'elle vise", async () => {
    const prisma = database.client();
    const ip = uniqueIp();
    for (let attempt = 0; attempt < RATE_LIMITS.loginPerIp.limit; attempt += 1) {
      await passwordLogin(prisma, { email: uniqueEmail("bourrage"), password: "mauvais", ip, knownDevice: false });
    }
    const victims = [uniqueEmail("a"), uniqueEmail("b"), uniqueEmail("c")];
    for (const victim of victims) {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        expect(await passwordLogin(prisma, { email: victim, password: "mauvais", ip, knownDevice: false })).toMatchObject({ reason: "throttled" });
      }
      expect(await counter(rateLimitKey(RATE_LIMITS.loginPerAccount, victim))).toBeNull();
    }
  });

  it("demandes de lien : l'IP d'abord, la boîte mail ensuite, sauf depuis un navigateur connu", async () => {
    const prisma = database.client();
    const ip = uniqueIp();
    for (let request = 0; request < RATE_LIMITS.magicLinkPerIp.limit; request += 1) {
      await countMagicLinkRequest(prisma, { email: uniqueEmail("rafale"), ip, knownDevice: false });
    }
    const victim = uniqueEmail("boite");
    expect(await countMagicLinkRequest(prisma, { email: victim, ip, knownDevice: false })).toMatchObject({ allowed: false });
    expect(await counter(rateLimitKey(RATE_LIMITS.mailPerAccount, victim))).toBeNull();

    // Three requests from elsewhere use up the mailbox for unknown browsers, not for the owner's.
    for (let request = 0; request < 3; request += 1) await countMagicLinkRequest(prisma, { email: victim, ip: uniqueIp(), knownDevice: false });
    expect(await countMagicLinkRequest(prisma, { email: victim, ip: uniqueIp(), knownDevice: false })).toMatchObject({ allowed: false });
    expect(await countMagicLinkRequest(prisma, { email: victim, ip: uniqueIp(), knownDevice: true })).toMatchObject({ allowed: true });
  });
});

describe("issue 12 §5 : suppression du compte", () => {
  it("ne laisse aucun compteur ni jeton qui nomme l'adresse", async () => {
    const prisma = database.client();
    const email = uniqueEmail("supprime");
    const user = await prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD), passwordVerifiedAt: new Date() } });
    await passwordLogin(prisma, { email, password: "mauvais", ip: uniqueIp(), knownDevice: false });
    await countMagicLinkRequest(prisma, { email, ip: uniqueIp(), knownDevice: false });
    await signUp(prisma, { email: email, password: PASSWORD, ip: uniqueIp(), appUrl: APP_URL }, mailbox().send);
    await prisma.passwordToken.create({ data: { tokenHash: `reset-${email}`, email, purpose: "RESET", expires: new Date(Date.now() + 60_000) } });
    expect(await query(database.url, `SELECT count(*)::int AS n FROM "RateLimitCounter" WHERE "key" LIKE '%' || $1`, [email])).toEqual([{ n: 2 }]);

    expect(await deleteAccount(prisma, { userId: user.id })).toBe(true);
    expect(await query(database.url, `SELECT count(*)::int AS n FROM "RateLimitCounter" WHERE "key" LIKE '%' || $1`, [email])).toEqual([{ n: 0 }]);
    expect(await prisma.passwordToken.count({ where: { email } })).toBe(0);
  });
});
