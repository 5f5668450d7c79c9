// `npm run db:*`: the real Prisma CLI, offline (wasm schema engine), against DATABASE_URL
// or the local embedded PostgreSQL. Usage: tsx scripts/prisma.ts <prisma args…>
import { openLocalDatabaseOrExit } from "./lib/local-database";
import { runPrisma } from "./lib/prisma-cli";

const args = process.argv.slice(2);
const needsDatabase = !["generate", "format", "validate"].includes(args[0] ?? "");

const database = needsDatabase ? await openLocalDatabaseOrExit(`prisma ${args[0]}`) : null;
let code = 1;
try {
  ({ code } = await runPrisma(args, { databaseUrl: database?.url, inherit: true }));
} finally {
  await database?.stop();
}
process.exit(code);
