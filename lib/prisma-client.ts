import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client over node-postgres: Prisma 7 needs no native query engine this way.
 * The adapter listens for errors of idle connections, so a database restart does not
 * crash the process and the pool reconnects on the next query; an unreachable database
 * is caught before the app by the proxy's probe (lib/database-health.ts).
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}
