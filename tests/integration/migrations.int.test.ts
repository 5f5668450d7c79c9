import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPrisma } from "../../scripts/lib/prisma-cli";
import { createEmptyDatabase, query } from "./support/database";

const committedMigrations = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A copy of prisma/ in a temporary project, so a test can change the schema safely. */
function scratchProject(databaseUrl: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rac-migrate-"));
  cpSync("prisma", path.join(dir, "prisma"), { recursive: true });
  writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `export default { schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations" }, datasource: { url: ${JSON.stringify(databaseUrl)} } };\n`,
  );
  return dir;
}

describe("Prisma migrations, offline through the wasm schema engine", () => {
  it("migrate deploy applies every committed migration to an empty database", async () => {
    const url = await createEmptyDatabase("deploy");
    const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl: url });
    expect(deploy.code, deploy.output).toBe(0);

    const applied = await query<{ migration_name: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(committedMigrations);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);

    const status = await runPrisma(["migrate", "status"], { databaseUrl: url });
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date");
  });

  it("schema.prisma has no change that a committed migration does not carry", async () => {
    const url = await createEmptyDatabase("drift");
    const diff = await runPrisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { databaseUrl: url },
    );
    expect(diff.code, diff.output).toBe(0);
  });

  it("a schema change is detected as pending, and migrate dev turns it into a named migration", async () => {
    const url = await createEmptyDatabase("pending");
    const project = scratchProject(url);
    const schemaPath = path.join(project, "prisma", "schema.prisma");
    writeFileSync(schemaPath, readFileSync(schemaPath, "utf8").replace(/model Offer \{/, "model Offer {\n  probeNote String?"));

    const deploy = await runPrisma(["migrate", "deploy"], { cwd: project });
    expect(deploy.code, deploy.output).toBe(0);

    const pending = await runPrisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"], { cwd: project });
    expect(pending.code, pending.output).toBe(2);
    expect(pending.output).toContain("probeNote");

    const dev = await runPrisma(["migrate", "dev", "--name", "add_probe_note"], { cwd: project });
    expect(dev.code, dev.output).toBe(0);
    const created = readdirSync(path.join(project, "prisma", "migrations")).filter((name) => name.endsWith("_add_probe_note"));
    expect(created).toHaveLength(1);
    const sql = readFileSync(path.join(project, "prisma", "migrations", created[0]!, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "Offer" ADD COLUMN\s+"probeNote" TEXT/);

    const columns = await query<{ column_name: string }>(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Offer'`);
    expect(columns.map((column) => column.column_name)).toContain("probeNote");

    const inSync = await runPrisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], { cwd: project });
    expect(inSync.code, inSync.output).toBe(0);
  });

  it("offers stored before catalogue format 2 get the new guarantee lines: the ticket modérateur when responsable, nothing otherwise", async () => {
    const url = await createEmptyDatabase("format2");
    const project = scratchProject(url);
    const added = ["20261130090000_guarantee_lines_psychologist_paramedical_implants", "20261130090100_existing_offers_get_new_guarantee_lines"];
    for (const name of added) rmSync(path.join(project, "prisma", "migrations", name), { recursive: true });
    const before = await runPrisma(["migrate", "deploy"], { cwd: project });
    expect(before.code, before.output).toBe(0);
    await query(url, `INSERT INTO "Insurer" ("id", "name", "updatedAt") VALUES ('i1', 'Mutuelle ancienne', now())`);
    await query(
      url,
      `INSERT INTO "Offer" ("id", "insurerId", "formula", "level", "responsable", "updatedAt")
       VALUES ('ancienne-responsable', 'i1', 'R', 1, true, now()), ('ancienne-libre', 'i1', 'L', 1, false, now())`,
    );

    for (const name of added) cpSync(path.join("prisma", "migrations", name), path.join(project, "prisma", "migrations", name), { recursive: true });
    const after = await runPrisma(["migrate", "deploy"], { cwd: project });
    expect(after.code, after.output).toBe(0);
    const rows = await query<{ offerId: string; category: string; percentBr: string | null }>(
      url,
      `SELECT "offerId", "category"::text AS "category", "percentBr"::text AS "percentBr" FROM "OfferGuarantee" ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { offerId: "ancienne-libre", category: "dental-implants", percentBr: null },
      { offerId: "ancienne-libre", category: "paramedical", percentBr: null },
      { offerId: "ancienne-libre", category: "psychologist", percentBr: null },
      { offerId: "ancienne-responsable", category: "dental-implants", percentBr: null },
      { offerId: "ancienne-responsable", category: "paramedical", percentBr: "100.00" },
      { offerId: "ancienne-responsable", category: "psychologist", percentBr: "100.00" },
    ]);
  });
});
