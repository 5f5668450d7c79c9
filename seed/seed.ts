// `npm run db:seed`: idempotent (upserts by stable keys), so it can run at every start.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { openLocalDatabase } from "../scripts/lib/local-database";

const PLACEHOLDER_OFFERS = [
  { insurer: "Mutuelle Exemple", formula: "Essentiel" },
  { insurer: "Mutuelle Exemple", formula: "Confort" },
  { insurer: "Mutuelle Exemple", formula: "Premium" },
];

export async function seed(prisma: PrismaClient): Promise<{ offers: number }> {
  for (const offer of PLACEHOLDER_OFFERS) {
    await prisma.offer.upsert({
      where: { insurer_formula: offer },
      create: offer,
      update: {},
    });
  }
  return { offers: PLACEHOLDER_OFFERS.length };
}

export function assertSeedAllowed(nodeEnv: string | undefined, argv: string[]): void {
  if (nodeEnv === "production" && !argv.includes("--force")) {
    throw new Error("Refus de semer des données de démonstration en production (ajoutez --force pour forcer).");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  assertSeedAllowed(process.env.NODE_ENV, process.argv);
  const database = await openLocalDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    const result = await seed(prisma);
    console.log(`Seed: ${result.offers} offres à jour.`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
