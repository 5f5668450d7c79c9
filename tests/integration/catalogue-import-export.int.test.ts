import { describe, expect, it } from "vitest";
import { exportCatalogue, importCatalogue, serializeCatalogue } from "@/lib/catalogue";
import type { Catalogue } from "@/lib/schemas/offer";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { createPrismaClient } from "@/lib/prisma-client";
import { query } from "./support/database";
import { catalogueTestDatabase, createMigratedDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("catalogue_io");

const snapshot = (url: string) =>
  query(
    url,
    `SELECT (SELECT "revision"::text FROM "CatalogueRevision") AS revision,
      (SELECT json_agg(o ORDER BY o."id") FROM "Offer" o) AS offers,
      (SELECT count(*)::int FROM "OfferGuarantee") AS guarantees,
      (SELECT count(*)::int FROM "OfferCeiling") AS ceilings,
      (SELECT count(*)::int FROM "OfferPremiumBand") AS bands,
      (SELECT count(*)::int FROM "Insurer") AS insurers`,
  );

// The demo catalogue plus synthetic offers: every optional field, zones, child ranks, networks, non-responsable offers.
const source: Catalogue = { formatVersion: 2, offers: [...buildDemoCatalogue().offers, ...generateSyntheticOffers({ count: 300, seed: 11 })] };

describe("catalogue import and export", () => {
  it("export → import into an empty database → export is byte-identical", async () => {
    const first = database.client();
    const imported = await importCatalogue(first, source);
    expect(imported).toMatchObject({ ok: true, created: source.offers.length, updated: 0, unchanged: 0 });
    const exported = serializeCatalogue(await exportCatalogue(first));

    const otherUrl = await createMigratedDatabase("catalogue_io_copy");
    const other = createPrismaClient(otherUrl);
    try {
      expect(await importCatalogue(other, JSON.parse(exported))).toMatchObject({ ok: true, created: source.offers.length });
      expect(serializeCatalogue(await exportCatalogue(other))).toBe(exported);
    } finally {
      await other.$disconnect();
    }
    // Importing the export again changes nothing.
    const before = await snapshot(database.url);
    expect(await importCatalogue(first, JSON.parse(exported))).toMatchObject({ ok: true, unchanged: source.offers.length });
    expect(await snapshot(database.url)).toEqual(before);
  });

  it("a broken import changes nothing and reports every invalid offer with its path", async () => {
    const prisma = database.client();
    const before = await snapshot(database.url);
    const broken = JSON.parse(serializeCatalogue(source));
    broken.offers[3].formula = "";
    broken.offers[5].guarantees.glasses.frameMax = "150.00"; // responsable: R871-2 caps the frame at 100 €
    delete broken.offers[7].premiums;
    broken.offers[8].formula = "Modifiée"; // valid on its own, must not be written either
    broken.offers.push({ ...broken.offers[0] }); // duplicate id

    for (const dryRun of [false, true]) {
      const result = await importCatalogue(prisma, broken, { dryRun });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const paths = result.issues.map((issue) => issue.path.join("."));
      expect(paths).toEqual(
        expect.arrayContaining(["offers.3.formula", "offers.5.guarantees.glasses.frameMax", "offers.7.premiums", `offers.${source.offers.length}.id`]),
      );
      expect(result.issues.find((issue) => issue.path.join(".") === "offers.5.guarantees.glasses.frameMax")).toMatchObject({
        rule: "R871-2-optique-monture",
        message: expect.stringContaining("Contrat responsable (art. R871-2 CSS)"),
      });
      // zod's generic messages come in plain French, naming the field.
      expect(result.issues.find((issue) => issue.path.join(".") === "offers.7.premiums")!.message).toBe("Cotisations : ce champ est obligatoire.");
    }
    expect(await snapshot(database.url)).toEqual(before);
  });

  it("a file whose only fault is an R871-2 rule is refused with the rule named", async () => {
    const prisma = database.client();
    const before = await snapshot(database.url);
    const breaking = JSON.parse(serializeCatalogue(source));
    breaking.offers[5].guarantees.glasses.frameMax = "150.00"; // responsable: R871-2 caps the frame at 100 €
    const result = await importCatalogue(prisma, breaking);
    expect(result).toEqual({
      ok: false,
      issues: [{ rule: "R871-2-optique-monture", path: ["offers", 5, "guarantees", "glasses", "frameMax"], message: expect.stringContaining("R871-2") }],
    });
    expect(await snapshot(database.url)).toEqual(before);
  });

  it("a dry run reports what would change and writes nothing", async () => {
    const prisma = database.client();
    const before = await snapshot(database.url);
    const changed = JSON.parse(serializeCatalogue(source));
    changed.offers[0].formula = "Essentiel révisée";
    changed.offers.push({ ...changed.offers[1], id: "nouvelle-offre" });
    expect(await importCatalogue(prisma, changed, { dryRun: true })).toEqual({
      ok: true,
      dryRun: true,
      offers: source.offers.length + 1,
      created: 1,
      updated: 1,
      unchanged: source.offers.length - 1,
    });
    expect(await snapshot(database.url)).toEqual(before);
  });

  it("a failure while writing rolls the whole import back", async () => {
    const prisma = database.client();
    const before = await snapshot(database.url);
    const changed = JSON.parse(serializeCatalogue(source));
    changed.offers[0].formula = "Écrite puis annulée";
    changed.offers.push({ ...changed.offers[1], id: "offre-refusee-par-la-base" });
    // A guard the schema cannot see: the database refuses this row while the import runs.
    await query(database.url, `ALTER TABLE "Offer" ADD CONSTRAINT "test_refuse" CHECK ("id" <> 'offre-refusee-par-la-base')`);
    try {
      await expect(importCatalogue(prisma, changed)).rejects.toThrow();
    } finally {
      await query(database.url, `ALTER TABLE "Offer" DROP CONSTRAINT "test_refuse"`);
    }
    expect(await snapshot(database.url)).toEqual(before);
  });
});
