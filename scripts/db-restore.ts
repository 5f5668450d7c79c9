// `npm run db:restore -- FILE`: a file of `npm run db:backup` (either method, told by its
// first bytes) into an EMPTY database: DATABASE_URL, or the embedded PostgreSQL of
// `npm start`. A database holding anything is refused and left as it is.
// Prints a JSON summary on stdout.
import { BackupError, restoreDatabase } from "./lib/backup";
import { openLocalDatabase } from "./lib/local-database";

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith("--"));
if (files.length !== 1 || args.length !== 1) {
  console.error("Usage : npm run db:restore -- FICHIER");
  process.exit(2);
}

let code = 0;
const database = await openLocalDatabase().catch((error: unknown) => {
  console.error(`db:restore : ${(error as Error).message}`);
  if (!process.env.DATABASE_URL) console.error("Si `npm start` tourne déjà sur .data/postgres, arrêtez-le ou pointez DATABASE_URL sur sa base.");
  process.exit(1);
});
try {
  const summary = await restoreDatabase(database.url, files[0]!);
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(`db:restore : ${error instanceof BackupError ? error.message : (error as Error).stack}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
