import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordLogin } from "@/lib/auth/password-login";
import { hit, hitAll, hitInOrder, RATE_LIMITS, rateLimitKey, resetRateLimit, type RateLimitPolicy } from "@/lib/auth/rate-limit";
import { createServerSession, deleteExpiredSessions, findSessionUser, revokeServerSession, revokeUserSessions, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/server-sessions";
import { confirmSignUp, signUp } from "@/lib/auth/sign-up";
import type { MailMessage } from "@/lib/mail/send-mail";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("auth");
const PASSWORD = "une phrase de passe assez longue";
let sequence = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${(sequence += 1)}@exemple.fr`;

/** An account whose password (if any) its owner confirmed from the mailbox. */
async function createUser(email: string, password: string | null = PASSWORD) {
  return database.client().user.create({
    data: { email, passwordHash: password ? await hashPassword(password) : null, passwordVerifiedAt: password ? new Date() : null },
  });
}

/** Moves a counter's window start into the past, as if `minutes` had gone by. */
async function ageCounter(policy: RateLimitPolicy, subject: string, minutes: number) {
  await query(database.url, `UPDATE "RateLimitCounter" SET "windowStart" = "windowStart" - make_interval(mins => $2) WHERE "key" = $1`, [rateLimitKey(policy, subject), minutes]);
}

describe("rate limits in PostgreSQL", () => {
  const policy: RateLimitPolicy = { name: "test:limit", limit: 3, windowMinutes: 15 };

  it("compte les essais d'une fenêtre partagée par deux instances, puis refuse avec l'attente restante", async () => {
    const [instanceA, instanceB] = [database.client(), database.client()];
    const subject = uniqueEmail("fenetre");
    expect(await hit(instanceA, policy, subject)).toEqual({ allowed: true, count: 1 });
    expect(await hit(instanceB, policy, subject)).toEqual({ allowed: true, count: 2 });
    expect(await hit(instanceA, policy, subject)).toEqual({ allowed: true, count: 3 });
    expect(await hit(instanceB, policy, subject)).toEqual({ allowed: false, count: 4, retryMinutes: 15 });

    await ageCounter(policy, subject, 10);
    expect(await hit(instanceA, policy, subject)).toEqual({ allowed: false, count: 5, retryMinutes: 5 });
  });

  it("repart de zéro quand la fenêtre est finie", async () => {
    const prisma = database.client();
    const subject = uniqueEmail("reprise");
    for (let i = 0; i < 5; i += 1) await hit(prisma, policy, subject);
    await ageCounter(policy, subject, 15);
    expect(await hit(prisma, policy, subject)).toEqual({ allowed: true, count: 1 });
    expect(await hit(prisma, policy, subject)).toEqual({ allowed: true, count: 2 });
  });

  it("ne perd aucun essai quand deux instances comptent en même temps (upsert atomique)", async () => {
    const [instanceA, instanceB] = [database.client(), database.client()];
    const subject = uniqueEmail("concurrence");
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => hit(i % 2 ? instanceA : instanceB, policy, subject)));
    expect(outcomes.map((outcome) => outcome.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(3);
  });

  it("oublie les essais d'un compte remis à zéro, pas ceux des autres", async () => {
    const prisma = database.client();
    const [alice, bob] = [uniqueEmail("alice"), uniqueEmail("bob")];
    await hit(prisma, policy, alice);
    await hit(prisma, policy, bob);
    await resetRateLimit(prisma, policy, alice);
    expect((await hit(prisma, policy, alice)).count).toBe(1);
    expect((await hit(prisma, policy, bob)).count).toBe(2);
  });
});

describe("several limits on one attempt", () => {
  const tight: RateLimitPolicy = { name: "test:tight", limit: 1, windowMinutes: 15 };
  const loose: RateLimitPolicy = { name: "test:loose", limit: 10, windowMinutes: 15 };

  it("hitAll compte sur toutes les limites, même refusé par l'une", async () => {
    const prisma = database.client();
    const [first, second] = [uniqueEmail("tout-a"), uniqueEmail("tout-b")];
    expect(await hitAll(prisma, [[tight, first], [loose, second]])).toEqual({ allowed: true, count: 1 });
    expect(await hitAll(prisma, [[tight, first], [loose, second]])).toEqual({ allowed: false, count: 2, retryMinutes: 15 });
    expect((await hit(prisma, loose, second)).count).toBe(3);
  });

  it("hitAll compte chaque limite une fois par essai, sans rien perdre ni se bloquer quand des instances comptent en même temps", async () => {
    const [instanceA, instanceB] = [database.client(), database.client()];
    const shared = uniqueEmail("commun");
    const subjects = [uniqueEmail("client-a"), uniqueEmail("client-b")];
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hitAll(i % 2 ? instanceA : instanceB, [[loose, subjects[i % 2]!], [tight, shared]])),
    );
    // Only the first fits the shared limit; the counters saw every attempt once.
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(1);
    expect((await hit(instanceA, tight, shared)).count).toBe(41);
    for (const subject of subjects) expect((await hit(instanceB, loose, subject)).count).toBe(21);
  });

  it("hitInOrder s'arrête au premier refus : les limites suivantes ne comptent pas", async () => {
    const prisma = database.client();
    const [first, second] = [uniqueEmail("ordre-a"), uniqueEmail("ordre-b")];
    expect(await hitInOrder(prisma, [[tight, first], [loose, second]])).toEqual({ allowed: true, count: 1 });
    expect(await hitInOrder(prisma, [[tight, first], [loose, second]])).toEqual({ allowed: false, count: 2, retryMinutes: 15 });
    expect((await hit(prisma, loose, second)).count).toBe(2);
  });
});

describe("passwords", () => {
  it("argon2id : le bon mot de passe passe, un autre non, un hachage abîmé non plus", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword(PASSWORD)).not.toBe(hash);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword("pas un hachage", PASSWORD)).toBe(false);
  });
});

describe("passwordLogin", () => {
  it("répond « invalid » pareil pour une adresse inconnue, un compte sans mot de passe et un mauvais mot de passe", async () => {
    const prisma = database.client();
    const known = uniqueEmail("connu");
    const linkOnly = uniqueEmail("lien");
    await createUser(known);
    await createUser(linkOnly, null);
    const ip = "198.51.100.1";
    expect(await passwordLogin(prisma, { email: uniqueEmail("inconnu"), password: PASSWORD, ip, knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    expect(await passwordLogin(prisma, { email: linkOnly, password: PASSWORD, ip, knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    expect(await passwordLogin(prisma, { email: known, password: "mauvais mot de passe", ip, knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    expect(await passwordLogin(prisma, { email: known, password: { not: "a string" }, ip, knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    const success = await passwordLogin(prisma, { email: known.toUpperCase(), password: PASSWORD, ip, knownDevice: false });
    expect(success).toMatchObject({ ok: true, user: { email: known, role: "USER" } });
  });

  it("refuse le 6e essai d'un navigateur inconnu sur un compte pendant 15 minutes, même avec le bon mot de passe ; un succès avant remet à zéro", async () => {
    const prisma = database.client();
    const email = uniqueEmail("bloque");
    await createUser(email);
    for (let i = 0; i < 4; i += 1) await passwordLogin(prisma, { email, password: "mauvais", ip: `198.51.100.${10 + i}`, knownDevice: false });
    expect((await passwordLogin(prisma, { email, password: PASSWORD, ip: "198.51.100.20", knownDevice: false })).ok).toBe(true);
    // The success reset the account counter: five more failures are allowed.
    for (let i = 0; i < 5; i += 1) {
      expect(await passwordLogin(prisma, { email, password: "mauvais", ip: `198.51.100.${30 + i}`, knownDevice: false })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await passwordLogin(prisma, { email, password: PASSWORD, ip: "198.51.100.40", knownDevice: false })).toEqual({ ok: false, reason: "throttled", retryMinutes: 15 });
    await ageCounter(RATE_LIMITS.loginPerAccount, email, 15);
    expect((await passwordLogin(prisma, { email, password: PASSWORD, ip: "198.51.100.41", knownDevice: false })).ok).toBe(true);
  });

  it("bloque une adresse IP après 20 essais, quel que soit le compte", async () => {
    const prisma = database.client();
    const ip = "198.51.100.99";
    for (let i = 0; i < 20; i += 1) {
      expect((await passwordLogin(prisma, { email: uniqueEmail("bourrage"), password: "mauvais", ip, knownDevice: false })).ok).toBe(false);
    }
    const email = uniqueEmail("victime");
    await createUser(email);
    expect(await passwordLogin(prisma, { email, password: PASSWORD, ip, knownDevice: false })).toEqual({ ok: false, reason: "throttled", retryMinutes: 15 });
    expect((await passwordLogin(prisma, { email, password: PASSWORD, ip: "198.51.100.100", knownDevice: false })).ok).toBe(true);
  });
});

describe("server-side sessions", () => {
  it("une session existe jusqu'à la déconnexion ; le jeton n'est pas stocké en clair", async () => {
    const prisma = database.client();
    const user = await createUser(uniqueEmail("session"));
    const token = await createServerSession(prisma, user.id);
    expect(await findSessionUser(prisma, token)).toEqual({ id: user.id, email: user.email, role: "USER" });
    const rows = await query<{ sessionToken: string }>(database.url, `SELECT "sessionToken" FROM "Session" WHERE "userId" = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).not.toBe(token);

    await revokeServerSession(prisma, token);
    expect(await findSessionUser(prisma, token)).toBeNull();
  });

  it("une session expirée ne vaut plus rien et le ménage la supprime", async () => {
    const prisma = database.client();
    const user = await createUser(uniqueEmail("expire"));
    const longAgo = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000);
    const token = await createServerSession(prisma, user.id, longAgo);
    expect(await findSessionUser(prisma, token)).toBeNull();
    expect(await deleteExpiredSessions(prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("le rôle est relu à chaque requête ; supprimer le compte ou tout révoquer ferme toutes ses sessions", async () => {
    const prisma = database.client();
    const user = await createUser(uniqueEmail("partout"));
    const [laptop, phone] = [await createServerSession(prisma, user.id), await createServerSession(prisma, user.id)];
    await prisma.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    expect((await findSessionUser(prisma, laptop))?.role).toBe("ADMIN");

    expect(await revokeUserSessions(prisma, user.id)).toBe(2);
    expect(await findSessionUser(prisma, phone)).toBeNull();

    const again = await createServerSession(prisma, user.id);
    await prisma.user.delete({ where: { id: user.id } });
    expect(await findSessionUser(prisma, again)).toBeNull();
  });
});

describe("signUp", () => {
  it("envoie un lien de confirmation, ou prévient le titulaire d'un compte à mot de passe confirmé, avec la même réponse", async () => {
    const prisma = database.client();
    const sent: MailMessage[] = [];
    const send = async (mail: MailMessage) => void sent.push(mail);
    const email = uniqueEmail("inscription");
    const input = { email, password: PASSWORD, ip: "192.0.2.1", appUrl: "http://localhost:3000" };

    expect(await signUp(prisma, input, send)).toEqual({ status: "mail-sent" });
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([[email, "Confirmez votre adresse e-mail"]]);
    expect(sent[0]!.link).toMatch(/^http:\/\/localhost:3000\/inscription\/confirmer\?jeton=[\w-]{43}$/);
    expect(await confirmSignUp(prisma, new URL(sent[0]!.link!).searchParams.get("jeton")!)).toEqual({ status: "confirmed", email });
    expect((await passwordLogin(prisma, { email, password: PASSWORD, ip: "192.0.2.2", knownDevice: false })).ok).toBe(true);

    expect(await signUp(prisma, { ...input, password: "un tout autre mot de passe" }, send)).toEqual({ status: "mail-sent" });
    expect(sent[1]!.subject).toBe("Votre compte Reste à charge existe déjà");
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect((await passwordLogin(prisma, { email, password: "un tout autre mot de passe", ip: "192.0.2.2", knownDevice: false })).ok).toBe(false);

    // A third mail to the same mailbox in the window, then a fourth refused: no mail bombing.
    expect(await signUp(prisma, input, send)).toEqual({ status: "mail-sent" });
    expect(await signUp(prisma, input, send)).toEqual({ status: "throttled", retryMinutes: 15 });
    expect(sent).toHaveLength(3);
  });

  it("un lien de confirmation sert une fois, pas après expiration, et seul le dernier envoyé compte", async () => {
    const prisma = database.client();
    const sent: MailMessage[] = [];
    const send = async (mail: MailMessage) => void sent.push(mail);
    const email = uniqueEmail("jeton");
    const input = { email, password: PASSWORD, ip: "192.0.2.3", appUrl: "http://localhost:3000" };
    const tokenOf = (mail: MailMessage) => new URL(mail.link!).searchParams.get("jeton")!;

    await signUp(prisma, { ...input, password: "le premier mot de passe choisi" }, send);
    await signUp(prisma, input, send);
    expect(await confirmSignUp(prisma, tokenOf(sent[0]!))).toEqual({ status: "invalid-link" });
    const tokens = await query<{ tokenHash: string }>(database.url, `SELECT "tokenHash" FROM "PasswordToken" WHERE "email" = $1`, [email]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).not.toContain(tokenOf(sent[1]!));

    const late = new Date(Date.now() + 61 * 60_000);
    expect(await confirmSignUp(prisma, tokenOf(sent[1]!), late)).toEqual({ status: "invalid-link" });
    expect(await confirmSignUp(prisma, tokenOf(sent[1]!))).toEqual({ status: "invalid-link" });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});
