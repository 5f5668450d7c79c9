// `npm run db:restore -- FILE`: a file of `npm run db:backup` (either method, told by its
// first bytes) into an EMPTY database: DATABASE_URL, or the embedded PostgreSQL of
// `npm start`. A database holding anything is refused and left as it is.
// Prints a JSON summary on stdout.
import { restoreDatabase, runOnLocalDatabase } from "./lib/backup";

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith("--"));
if (files.length !== 1 || args.length !== 1) {
  console.error("Usage : npm run db:restore -- FICHIER");
  process.exit(2);
}

await runOnLocalDatabase("db:restore", (url) => restoreDatabase(url, files[0]!));
