// `npm run db:backup -- [FILE] [--method=pg_dump|node-logical]`: every row of the database
// (DATABASE_URL, or the embedded PostgreSQL of `npm start`) into one file, by pg_dump -Fc
// when a pg_dump as new as the server exists, else by the node-logical format
// (scripts/lib/backup.ts). Default file: backups/rac-<UTC time>.dump or .jsonl.gz.
// Prints a JSON summary on stdout.
import { backupDatabase, type BackupMethod, runOnLocalDatabase } from "./lib/backup";

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith("--"));
const methodArg = args.find((arg) => arg.startsWith("--method="))?.slice("--method=".length) ?? "auto";
const unknown = args.filter((arg) => arg.startsWith("--") && !arg.startsWith("--method="));
if (files.length > 1 || unknown.length > 0 || !["auto", "pg_dump", "node-logical"].includes(methodArg)) {
  console.error("Usage : npm run db:backup -- [FICHIER] [--method=pg_dump|node-logical]");
  process.exit(2);
}

await runOnLocalDatabase("db:backup", (url) => backupDatabase(url, { file: files[0], method: methodArg as BackupMethod | "auto" }));
