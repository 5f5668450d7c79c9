import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks the user's row for the rest of the transaction and says whether it exists. Two
 * saves of the same user then count and insert one after the other, so concurrent
 * requests cannot pass the per-user limit together; other users are not held up.
 */
export async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  return rows.length === 1;
}
