/**
 * Catalogue read benchmark: a throwaway PostgreSQL (temporary directory, free port),
 * migrated by Prisma, loaded with N seeded synthetic offers (default 10 000); then the
 * time of loadPublishedCatalogue when the cache is current (one revision read), after one
 * offer changed (only that offer is read again), and cold (an instance with no cache
 * reads everything). Prints JSON. Usage: tsx scripts/bench-catalogue.ts [--offers N]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { countPublishedOffers, importCatalogue, loadPublishedCatalogue } from "../lib/catalogue";
import { createPrismaClient } from "../lib/prisma-client";
import { generateSyntheticCatalogue } from "../seed/factories/synthetic-catalogue";
import { findFreePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { deployMigrations } from "./lib/prisma-cli";

const offersArg = process.argv.indexOf("--offers");
const count = offersArg >= 0 ? Number(process.argv[offersArg + 1]) : 10_000;
const HIT_RUNS = 50;
const MISS_RUNS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

const cluster = await startEmbeddedPostgres({
  dataDir: mkdtempSync(path.join(os.tmpdir(), "rac-bench-pg-")),
  port: await findFreePort(),
  persistent: false,
});
try {
  await cluster.createDatabase("bench");
  const url = cluster.url("bench");
  await deployMigrations(url);

  const prisma = createPrismaClient(url);
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    let started = performance.now();
    const imported = await importCatalogue(prisma, generateSyntheticCatalogue({ count, seed: 42 }));
    if (!imported.ok) throw new Error("synthetic catalogue refused");
    const importMs = performance.now() - started;
    await raw.query("VACUUM ANALYZE");

    const misses: number[] = [];
    let loaded = 0;
    for (let run = 0; run <= MISS_RUNS; run += 1) {
      // A change to one guarantee, as another instance or a raw SQL edit would make it.
      await raw.query(`UPDATE "OfferGuarantee" SET "waitingMonths" = $1 WHERE "offerId" = 'synthetique-00001' AND "category" = 'pharmacy'`, [run % 2]);
      started = performance.now();
      loaded = (await loadPublishedCatalogue(prisma)).offers.length;
      if (run > 0) misses.push(performance.now() - started); // run 0 warms the pool and the JIT
    }
    const hits: number[] = [];
    for (let run = 0; run < HIT_RUNS; run += 1) {
      started = performance.now();
      await loadPublishedCatalogue(prisma);
      hits.push(performance.now() - started);
    }
    started = performance.now();
    await countPublishedOffers(prisma);
    const countMs = performance.now() - started;

    const cold: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const freshInstance = createPrismaClient(url);
      started = performance.now();
      await loadPublishedCatalogue(freshInstance);
      cold.push(performance.now() - started);
      await freshInstance.$disconnect();
    }

    console.log(
      JSON.stringify(
        {
          offers: loaded,
          importMs: Math.round(importMs),
          cacheHitMedianMs: round(median(hits)),
          cacheHitMaxMs: round(Math.max(...hits)),
          reloadAfterOneChangeMedianMs: round(median(misses)),
          reloadAfterOneChangeMaxMs: round(Math.max(...misses)),
          coldLoadMedianMs: round(median(cold)),
          countPublishedOffersMs: round(countMs),
          budgetMs: 150,
        },
        null,
        2,
      ),
    );
  } finally {
    await raw.end();
    await prisma.$disconnect();
  }
} finally {
  await cluster.stop();
}
