import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 10 ms per
 * hash or verification on this project's 2-core machines (measured, docs/auth.md); the
 * 19 MiB per guess is what makes GPU cracking costly. The parameters are stored in each
 * hash, so raising them later keeps old hashes verifiable.
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
