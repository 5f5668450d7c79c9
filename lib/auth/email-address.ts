import { z } from "zod";

/** One spelling per mailbox: accounts, rate-limit keys and next-auth all use this. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Saisissez votre adresse e-mail." })
  .trim()
  .min(1, "Saisissez votre adresse e-mail.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
  .transform(normalizeEmail);

/**
 * next-auth's `normalizeIdentifier` for sign-in links: the one spelling, and only a plain
 * address. next-auth's own check (one @, no quotes, a dotted domain) is replaced by this
 * hook, so it must refuse what could make the mailer deliver the link elsewhere
 * (`"a@b.fr"@evil.fr`, `a@b.fr,c@evil.fr`); a throw becomes next-auth's EmailSignin error.
 */
export function signInLinkIdentifier(identifier: string): string {
  const parsed = emailSchema.safeParse(identifier);
  if (!parsed.success) throw new Error("Invalid email address format.");
  return parsed.data;
}
