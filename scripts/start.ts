// `npm start`: the whole app on http://localhost:3000 from a fresh clone. Starts the
// embedded PostgreSQL (unless DATABASE_URL is set), applies the migrations with Prisma,
// seeds the demo catalogue, builds when the sources changed, then serves.
// `--dev` serves with `next dev` instead of a production build.
import { localAuthSecret, openLocalDatabase } from "./lib/local-database";
import { buildIfNeeded, runNext } from "./lib/next-build";
import { deployMigrations } from "./lib/prisma-cli";
import { seedDatabase } from "./lib/seed-database";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

const database = await openLocalDatabase();
let stopping = false;
async function shutdown(code: number): Promise<never> {
  stopping = true;
  await database.stop();
  process.exit(code);
}

try {
  console.log(process.env.DATABASE_URL ? "Base de données : DATABASE_URL" : "PostgreSQL embarqué démarré (.data/postgres)");
  await deployMigrations(database.url);
  console.log("Migrations appliquées.");

  if (process.env.NODE_ENV !== "production") {
    console.log(`Catalogue de démonstration à jour (${await seedDatabase(database.url)} offres).`);
  }

  const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret() };
  if (!dev) await buildIfNeeded({ ...env, NODE_ENV: "production" });
  const server = runNext(dev ? ["dev", "-p", port] : ["start", "-p", port], env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) server.kill("SIGTERM");
    });
  }
  server.on("close", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
