import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
// An upper bound keeps a megabyte "password" from tying up the hashing thread pool.
export const PASSWORD_MAX_LENGTH = 256;

/** The password policy of sign-up: length only (NIST SP 800-63B), no composition rules. */
export const newPasswordSchema = z
  .string({ error: "Saisissez un mot de passe." })
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(PASSWORD_MAX_LENGTH, `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`);

/**
 * argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane): about
 * 25-35 ms per hash on this project's 2-core machines (docs/auth.md), slow enough to
 * make offline guessing expensive, fast enough not to need a queue. The parameters are
 * stored in each hash, so raising them later keeps old hashes verifiable.
 */
export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a server error.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash when the account does not exist (or has no
 * password), so an unknown e-mail takes as long to refuse as a wrong password.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-the-password-of-anyone");
  await verifyPassword(await dummyHash, password);
}
