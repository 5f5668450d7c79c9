import { z } from "zod";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export type EnsureAdminOutcome = "created" | "promoted" | "already-admin";

export interface EnsureAdminResult {
  outcome: EnsureAdminOutcome;
  /** A password nobody confirmed from the mailbox was on the account: removed, with its sessions. */
  clearedUnverifiedPassword: boolean;
}

/** Addresses are stored lower-cased and trimmed, as the sign-in forms do. */
export const adminEmailSchema = z.email("Adresse e-mail invalide").transform((email) => email.trim().toLowerCase());

/**
 * Gives `email` the ADMIN role: creates the account when absent, promotes it otherwise.
 * Never sets a password, so no default credential ever exists; and never keeps one that
 * was not confirmed from the mailbox: whoever signed up with the address may not own it,
 * and would otherwise get the admin area (issue 12 §2). Their sessions end with it.
 * The admin signs in with an e-mail link, or gets a password by signing up with the same
 * address and confirming the link mailed to it (lib/auth/sign-up.ts).
 */
export async function ensureAdmin(prisma: PrismaClient, rawEmail: string): Promise<EnsureAdminResult> {
  const email = adminEmailSchema.parse(rawEmail.trim());
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, passwordVerifiedAt: true } });
    if (!existing) {
      await tx.user.create({ data: { email, role: "ADMIN", passwordHash: null } });
      return { outcome: "created", clearedUnverifiedPassword: false };
    }
    const clearedUnverifiedPassword = existing.passwordHash !== null && existing.passwordVerifiedAt === null;
    if (clearedUnverifiedPassword) {
      await tx.user.update({ where: { id: existing.id }, data: { passwordHash: null } });
      await tx.session.deleteMany({ where: { userId: existing.id } });
    }
    if (existing.role === "ADMIN") return { outcome: "already-admin", clearedUnverifiedPassword };
    await tx.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
    return { outcome: "promoted", clearedUnverifiedPassword };
  });
}
