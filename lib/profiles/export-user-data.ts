import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listOwnOffers } from "@/lib/own-offers";
import type { UserDataExport } from "./types";

/**
 * The user's data as JSON-ready plain data (RGPD art. 15 and 20), or null for an unknown
 * user. Columns are listed one by one: the password hash, sessions and provider tokens
 * never enter the export, whatever is added to User later.
 */
export async function exportUserData(prisma: PrismaClient, { userId, now = new Date() }: { userId: string; now?: Date }): Promise<UserDataExport | null> {
  const user = await prisma.user.findFirst({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      createdAt: true,
      emailVerified: true,
      profiles: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { name: true, profile: true, createdAt: true, updatedAt: true, lastRun: true, lastRunAt: true },
      },
    },
  });
  if (!user) return null;
  const ownOffers = await listOwnOffers(prisma, { userId });
  return {
    exportedAt: now.toISOString(),
    user: {
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      emailVerified: user.emailVerified?.toISOString() ?? null,
    },
    profiles: user.profiles.map((profile) => ({
      name: profile.name,
      profile: profile.profile,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
      lastRunAt: profile.lastRunAt?.toISOString() ?? null,
      lastRun: profile.lastRun,
    })),
    ownOffers: ownOffers.map(({ offer, currentContractSince, createdAt, updatedAt }) => ({ offer, currentContractSince, createdAt, updatedAt })),
  };
}
