import { z } from "zod";

// Shared by the sign-up form (in the browser) and the server; no hashing code here.
export const PASSWORD_MIN_LENGTH = 12;
// An upper bound keeps a megabyte "password" from tying up the hashing thread pool.
export const PASSWORD_MAX_LENGTH = 256;

/** The password policy of sign-up: length only (NIST SP 800-63B), no composition rules. */
export const newPasswordSchema = z
  .string({ error: "Saisissez un mot de passe." })
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(PASSWORD_MAX_LENGTH, `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`);
