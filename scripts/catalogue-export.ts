// `npm run catalogue:export -- FILE.json`: the published catalogue in the engine's format
// (catalogueSchema), deterministic: export → import → export gives the same bytes.
import { writeFileSync } from "node:fs";
import { exportCatalogue, serializeCatalogue } from "../lib/catalogue";
import { createPrismaClient } from "../lib/prisma-client";
import { openLocalDatabaseOrExit } from "./lib/local-database";

const [file] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage : npm run catalogue:export -- FICHIER.json");
  process.exit(2);
}

const database = await openLocalDatabaseOrExit("catalogue:export", { migrated: true });
const prisma = createPrismaClient(database.url);
try {
  const catalogue = await exportCatalogue(prisma);
  writeFileSync(file, serializeCatalogue(catalogue));
  console.log(`${catalogue.offers.length} offres publiées exportées dans ${file}.`);
} finally {
  await prisma.$disconnect();
  await database.stop();
}
