import { createPrismaClient } from "../../lib/prisma-client";
import { seed } from "../../seed/seed";

/** Seeds the demo catalogue into the database at `databaseUrl`; returns its number of offers. */
export async function seedDatabase(databaseUrl: string): Promise<number> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    return (await seed(prisma)).offers;
  } finally {
    await prisma.$disconnect();
  }
}
