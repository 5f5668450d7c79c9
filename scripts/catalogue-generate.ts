// `npm run catalogue:generate -- --offers 10000 [--seed 42] [--out FILE.json]`: a seeded
// synthetic catalogue (seed/factories/synthetic-catalogue.ts) for benchmarks, imported
// into the database, or written to FILE.json with --out.
import { writeFileSync } from "node:fs";
import { importCatalogue, serializeCatalogue, upsertInsurer } from "../lib/catalogue";
import { createPrismaClient } from "../lib/prisma-client";
import { generateSyntheticCatalogue } from "../seed/factories/synthetic-catalogue";
import { openLocalDatabaseOrExit } from "./lib/local-database";

function option(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
}

const count = Number(option("offers", "10000"));
const seed = Number(option("seed", "42"));
const out = option("out");
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error("Usage : npm run catalogue:generate -- --offers N [--seed S] [--out FICHIER.json]");
  process.exit(2);
}

const catalogue = generateSyntheticCatalogue({ count, seed });
if (out) {
  writeFileSync(out, serializeCatalogue(catalogue));
  console.log(`${count} offres synthétiques écrites dans ${out}.`);
} else {
  const database = await openLocalDatabaseOrExit("catalogue:generate", { migrated: true });
  const prisma = createPrismaClient(database.url);
  try {
    const started = performance.now();
    // The generator's insurers are invented: flag them so the site says so.
    for (const name of new Set(catalogue.offers.map((offer) => offer.insurer.name))) {
      const kind = catalogue.offers.find((offer) => offer.insurer.name === name)!.insurer.kind ?? null;
      await upsertInsurer(prisma, { name, kind, registrationNumber: null, illustrative: true });
    }
    const result = await importCatalogue(prisma, catalogue);
    if (!result.ok) throw new Error(`Catalogue synthétique refusé : ${result.issues.map((issue) => issue.path.join(".")).join(", ")}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${count} offres synthétiques : ${result.created} créées, ${result.updated} mises à jour, ${result.unchanged} inchangées (${seconds} s).`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
