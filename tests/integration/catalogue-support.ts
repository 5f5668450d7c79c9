import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { deployMigrations } from "../../scripts/lib/prisma-cli";
import { createEmptyDatabase } from "./support/database";

/** A database of its own for a test file, migrated by Prisma: catalogue tests never share rows. */
export async function createMigratedDatabase(prefix: string): Promise<string> {
  const url = await createEmptyDatabase(prefix);
  await deployMigrations(url);
  return url;
}

/** Registers hooks giving the file a migrated database and clients on it, disconnected at the end. */
export function catalogueTestDatabase(prefix: string) {
  const state = { url: "", clients: [] as PrismaClient[] };
  beforeAll(async () => {
    state.url = await createMigratedDatabase(prefix);
  });
  afterAll(async () => {
    await Promise.all(state.clients.map((client) => client.$disconnect()));
  });
  return {
    get url() {
      return state.url;
    },
    /** A new client (a new pool): two of them stand for two app instances. */
    client(): PrismaClient {
      const client = createPrismaClient(state.url);
      state.clients.push(client);
      return client;
    },
  };
}
