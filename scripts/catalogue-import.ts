// `npm run catalogue:import -- FILE.json [--dry-run]`: all or nothing. Exit 2 when the
// file is refused, with every invalid offer's path; nothing is written in that case.
import { readFileSync } from "node:fs";
import { importCatalogue } from "../lib/catalogue";
import { createPrismaClient } from "../lib/prisma-client";
import { openLocalDatabaseOrExit } from "./lib/local-database";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const [file] = args.filter((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage : npm run catalogue:import -- FICHIER.json [--dry-run]");
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`Fichier illisible ou JSON invalide (${file}) : ${(error as Error).message}`);
  process.exit(2);
}

const database = await openLocalDatabaseOrExit("catalogue:import", { migrated: true });
const prisma = createPrismaClient(database.url);
let code = 0;
try {
  const result = await importCatalogue(prisma, input, { dryRun });
  if (!result.ok) {
    console.error(`Catalogue refusé, rien n'a été importé (${result.issues.length} problème(s)) :`);
    for (const issue of result.issues) {
      console.error(`  ${issue.path.join(".") || "(racine)"} : ${issue.message}${issue.rule ? ` [${issue.rule}]` : ""}`);
    }
    code = 2;
  } else {
    const verb = result.dryRun ? "seraient" : "ont été";
    console.log(
      `${result.offers} offres lues : ${result.created} ${verb} créées, ${result.updated} mises à jour, ${result.unchanged} inchangées` +
        (result.dryRun ? " (essai à blanc : rien n'a été écrit)." : "."),
    );
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
process.exit(code);
