// `npm run db:seed`: idempotent (upserts by stable keys), so it can run at every start.
import { pathToFileURL } from "node:url";
import { importCatalogue, upsertInsurer } from "@/lib/catalogue";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { openLocalDatabaseOrExit } from "../scripts/lib/local-database";
import { buildDemoCatalogue, DEMO_INSURERS } from "./demo-catalogue";

/**
 * Loads the demo catalogue (illustrative insurers and offers) through the same validated
 * import as `npm run catalogue:import`: offers are keyed by their id and insurers by
 * their name, and an unchanged offer is not rewritten, so a second run changes nothing.
 * Returns the number of demo offers.
 */
export async function seed(prisma: PrismaClient): Promise<{ offers: number }> {
  for (const insurer of DEMO_INSURERS) {
    await upsertInsurer(prisma, { ...insurer, illustrative: true });
  }
  const result = await importCatalogue(prisma, buildDemoCatalogue());
  if (!result.ok) {
    const detail = result.issues.map((issue) => `${issue.path.join(".")} : ${issue.message}`).join("\n");
    throw new Error(`Catalogue de démonstration invalide :\n${detail}`);
  }
  return { offers: result.offers };
}

export function assertSeedAllowed(nodeEnv: string | undefined, argv: string[]): void {
  if (nodeEnv === "production" && !argv.includes("--force")) {
    throw new Error("Refus de semer des données de démonstration en production (ajoutez --force pour forcer).");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  assertSeedAllowed(process.env.NODE_ENV, process.argv);
  const database = await openLocalDatabaseOrExit("db:seed", { migrated: true });
  const prisma = createPrismaClient(database.url);
  try {
    const result = await seed(prisma);
    console.log(`Seed : ${result.offers} offres de démonstration à jour.`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
