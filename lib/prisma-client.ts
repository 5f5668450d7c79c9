import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client over node-postgres: Prisma 7 needs no native query engine this way.
 * A refused or stalled connection fails within 5 s instead of holding the request; the
 * adapter already listens for errors of idle connections, so a database restart does
 * not crash the process and the pool reconnects on the next query.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000 }) });
}
