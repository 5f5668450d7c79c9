import { z } from "zod";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export type EnsureAdminOutcome = "created" | "promoted" | "already-admin";

/** Addresses are stored lower-cased and trimmed, as the sign-in forms do. */
export const adminEmailSchema = z.email("Adresse e-mail invalide").transform((email) => email.trim().toLowerCase());

/**
 * Gives `email` the ADMIN role: creates the account when absent, promotes it otherwise.
 * Never sets a password: a created admin signs in with an e-mail link or chooses a
 * password through the sign-up flow, so no default credential ever exists.
 */
export async function ensureAdmin(prisma: PrismaClient, rawEmail: string): Promise<EnsureAdminOutcome> {
  const email = adminEmailSchema.parse(rawEmail.trim());
  const existing = await prisma.user.findUnique({ where: { email }, select: { role: true } });
  if (!existing) {
    await prisma.user.create({ data: { email, role: "ADMIN", passwordHash: null } });
    return "created";
  }
  if (existing.role === "ADMIN") return "already-admin";
  await prisma.user.update({ where: { email }, data: { role: "ADMIN" } });
  return "promoted";
}
