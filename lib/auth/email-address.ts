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
