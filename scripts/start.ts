// `npm start`: the whole app on http://localhost:3000 from a fresh clone. Starts the
// embedded PostgreSQL (unless DATABASE_URL is set), applies the migrations with Prisma,
// seeds the demo catalogue, builds when the sources changed, then serves.
// `--dev` serves with `next dev` instead of a production build.
import { localAuthSecret, openLocalDatabaseOrExit } from "./lib/local-database";
import { buildIfNeeded, runNext } from "./lib/next-build";
import { deployMigrations } from "./lib/prisma-cli";
import { requireSupportedNode } from "./lib/node-version";
import { seedDatabase } from "./lib/seed-database";

requireSupportedNode();

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

const database = await openLocalDatabaseOrExit("npm start");
let stopping = false;
async function shutdown(code: number): Promise<never> {
  stopping = true;
  await database.stop();
  process.exit(code);
}

try {
  const { port: databasePort } = new URL(database.url);
  console.log(
    {
      DATABASE_URL: "Base de données : DATABASE_URL",
      started: `PostgreSQL embarqué démarré (.data/postgres, port ${databasePort})`,
      running: `PostgreSQL embarqué déjà en marche (.data/postgres, port ${databasePort})`,
    }[database.origin],
  );
  await deployMigrations(database.url);
  console.log("Migrations appliquées.");

  if (process.env.NODE_ENV !== "production") {
    console.log(`Catalogue de démonstration à jour (${await seedDatabase(database.url)} offres).`);
  }

  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(),
    // Mail links, sign-out and redirects must reach the port served, not 3000 (lib/env.ts).
    PORT: port,
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
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
