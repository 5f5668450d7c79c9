import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { signInLinkMail } from "@/lib/mail/templates";
import { clientIp } from "./client-ip";
import { afterEmailLinkSignIn } from "./email-link-sign-in";
import { normalizeEmail, signInLinkIdentifier } from "./email-address";
import { isKnownDevice, knownDeviceFromCookieHeader } from "./known-device";
import { rateLimitedCode } from "./messages";
import { passwordLogin } from "./password-login";
import { safeReturnPath } from "./safe-redirect";
import { signInLinkFromCallbackUrl } from "./sign-in-link";
import { createServerSession, findSessionUser, revokeServerSession, SESSION_MAX_AGE_SECONDS } from "./server-sessions";

/**
 * A sign-in link is valid for 15 minutes and once (next-auth deletes its token on use);
 * asking for a new one voids the older ones (createVerificationToken below).
 */
const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

function buildAuthOptions(): AuthOptions {
  const { AUTH_SECRET, APP_URL } = env();
  // next-auth v4 reads its own URL from NEXTAUTH_URL (links in mails, redirects, CSRF).
  process.env.NEXTAUTH_URL ??= APP_URL;

  const prismaAdapter = PrismaAdapter(db() as never);
  const adapter: typeof prismaAdapter = {
    ...prismaAdapter,
    async createVerificationToken(token) {
      await db().verificationToken.deleteMany({ where: { identifier: token.identifier } });
      return prismaAdapter.createVerificationToken!(token);
    },
  };

  return {
    secret: AUTH_SECRET,
    // The adapter serves the e-mail provider (users, verification tokens). Sessions are
    // JWTs because next-auth refuses credentials with database sessions; each JWT carries
    // a random token whose row in Session is checked on every read (callbacks.jwt), so
    // signing out, expiry and account deletion revoke it for real.
    adapter,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // httpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- name)
    // whenever the site is served over HTTPS, i.e. in production.
    useSecureCookies: APP_URL.startsWith("https://"),
    pages: { signIn: "/connexion", verifyRequest: "/connexion/verifiez-vos-mails", error: "/connexion" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail et mot de passe",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email;
          const outcome = await passwordLogin(db(), {
            email,
            password: credentials?.password,
            ip: clientIp(req.headers ?? {}),
            knownDevice: typeof email === "string" && isKnownDevice(AUTH_SECRET, normalizeEmail(email), knownDeviceFromCookieHeader(req.headers?.cookie)),
          });
          if (outcome.ok) return outcome.user;
          // next-auth hands a thrown message back to the form as its error code.
          if (outcome.reason === "throttled") throw new Error(rateLimitedCode(outcome.retryMinutes));
          return null;
        },
      }),
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: signInLinkIdentifier,
        // The link goes through lib/mail (SMTP or the outbox), never to the console, and
        // opens a page that signs in on a click (a POST with the CSRF token), not on a GET.
        async sendVerificationRequest({ identifier, url, expires }) {
          await sendMail(signInLinkMail(identifier, signInLinkFromCallbackUrl(APP_URL, url), expires));
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          // A link proves the mailbox: a password it never confirmed goes, with its sessions.
          if (account?.provider === "email") await afterEmailLinkSignIn(db(), user.id);
          // Sign-in (password or link): open the server-side session.
          return { sid: await createServerSession(db(), user.id), uid: user.id };
        }
        if (!token.sid) return {};
        const current = await findSessionUser(db(), token.sid);
        // Revoked or expired: an empty token, which the session callback turns into no session.
        if (!current) return {};
        return { sid: token.sid, uid: current.id, email: current.email, role: current.role };
      },
      async session({ session, token }) {
        if (!token.uid || !token.email || !token.role) return {} as Session;
        // The session token stays in the httpOnly cookie: it never reaches client JavaScript.
        return { expires: session.expires, user: { id: token.uid, email: token.email, role: token.role } } as Session;
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${safeReturnPath(url, "/")}`;
        try {
          const target = new URL(url);
          if (target.origin === new URL(baseUrl).origin) return `${baseUrl}${safeReturnPath(`${target.pathname}${target.search}`, "/")}`;
        } catch {
          // not a URL: fall through to the home page
        }
        return baseUrl;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeServerSession(db(), token.sid);
      },
    },
  };
}

let cached: AuthOptions | undefined;
/** Built on first use, so `next build` needs neither the database nor the secret. */
export function authOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
