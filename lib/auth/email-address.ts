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
 * next-auth's `normalizeIdentifier` for sign-in links: one valid address, normalized, or
 * a throw (next-auth then answers EmailSignin and sends nothing). next-auth's default
 * refuses address lists; a replacement must too, or "victim@x.fr, attacker@y.fr" gets a
 * link mailed to both.
 */
export function signInLinkIdentifier(identifier: string): string {
  const parsed = emailSchema.safeParse(identifier);
  if (!parsed.success) throw new Error("not a single valid e-mail address");
  return parsed.data;
}
