import { beforeAll, describe, expect, it } from "vitest";
import { getOffer, importCatalogue, StaleVersionError } from "@/lib/catalogue";
import {
  AdminAccessError,
  adminCreateOffer,
  adminExportCatalogue,
  adminImportCatalogue,
  adminSaveOffer,
  adminSetOfferStatus,
  createInsurer,
  deleteInsurer,
  duplicateOffer,
  listAuditEntries,
  listInsurers,
  listOffers,
  previewOffer,
  updateInsurer,
  type AdminActor,
} from "@/lib/catalogue/admin";
import { NETWORKS } from "@/lib/schemas/care-category";
import type { Offer } from "@/lib/schemas/offer";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("admin_catalogue");
const demo = buildDemoCatalogue();
const ADMIN: AdminActor = { id: "admin-1", email: "admin@example.fr", role: "ADMIN" };
const ADMIN_B: AdminActor = { id: "admin-2", email: "autre-admin@example.fr", role: "ADMIN" };
const USER: AdminActor = { id: "user-1", email: "user@example.fr", role: "USER" };
const ANONYMOUS = null as unknown as AdminActor;

/** Everything an admin function could change, read with plain SQL. */
async function databaseState() {
  const [state] = await query<Record<string, string>>(
    database.url,
    `SELECT (SELECT "revision"::text FROM "CatalogueRevision") AS revision,
            (SELECT count(*)::text FROM "Offer") AS offers,
            (SELECT string_agg("id" || ':' || "version" || ':' || "status", ',' ORDER BY "id") FROM "Offer") AS versions,
            (SELECT string_agg("name" || ':' || coalesce("registrationNumber", ''), ',' ORDER BY "name") FROM "Insurer") AS insurers,
            (SELECT count(*)::text FROM "OfferAuditEntry") AS audit`,
  );
  return state;
}

const withGp = (offer: Offer, percentBr: number): Offer => ({
  ...offer,
  guarantees: { ...offer.guarantees, "doctor-gp": { ...offer.guarantees["doctor-gp"]!, percentBr } },
});

describe("admin catalogue", () => {
  beforeAll(async () => {
    const imported = await importCatalogue(database.client(), demo);
    expect(imported).toMatchObject({ ok: true, created: demo.offers.length });
  });

  it.each([
    ["un utilisateur connecté sans rôle ADMIN", USER],
    ["un visiteur anonyme", ANONYMOUS],
  ])("refuse chaque point d'entrée admin à %s, sans rien changer", async (_label, actor) => {
    const prisma = database.client();
    const target = demo.offers[0]!;
    const stored = (await getOffer(prisma, target.id))!;
    const [insurer] = await listInsurers(prisma, ADMIN);
    const before = await databaseState();
    const calls: [string, () => Promise<unknown>][] = [
      ["listOffers", () => listOffers(prisma, actor, {})],
      ["listInsurers", () => listInsurers(prisma, actor)],
      ["createInsurer", () => createInsurer(prisma, actor, { name: "Intrus", kind: null, registrationNumber: null, illustrative: false })],
      ["updateInsurer", () => updateInsurer(prisma, actor, insurer!.id, { ...insurer!, registrationNumber: "PIRATE" })],
      ["deleteInsurer", () => deleteInsurer(prisma, actor, insurer!.id)],
      ["adminSaveOffer", () => adminSaveOffer(prisma, actor, withGp(target, 150), { expectedVersion: stored.version })],
      ["adminCreateOffer", () => adminCreateOffer(prisma, actor, { ...target, id: "offre-intruse" })],
      ["adminSetOfferStatus", () => adminSetOfferStatus(prisma, actor, target.id, { status: "ARCHIVED", expectedVersion: stored.version })],
      ["duplicateOffer", () => duplicateOffer(prisma, actor, target.id, { id: "copie-intruse", formula: "Copie" })],
      ["listAuditEntries", () => listAuditEntries(prisma, actor, target.id)],
      ["previewOffer", () => previewOffer(prisma, actor, target)],
      ["adminExportCatalogue", () => adminExportCatalogue(prisma, actor)],
      ["adminImportCatalogue (dry run)", () => adminImportCatalogue(prisma, actor, JSON.stringify(demo), { dryRun: true })],
      ["adminImportCatalogue", () => adminImportCatalogue(prisma, actor, JSON.stringify({ formatVersion: 1, offers: [withGp(target, 150)] }), { dryRun: false })],
    ];
    for (const [name, call] of calls) {
      await expect(call(), name).rejects.toBeInstanceOf(AdminAccessError);
    }
    expect(await databaseState()).toEqual(before);
  });

  it("refuse un enregistrement sur une version périmée et garde celui de l'autre admin", async () => {
    const prisma = database.client();
    const target = demo.offers[1]!;
    const read = (await getOffer(prisma, target.id))!;
    await adminSaveOffer(prisma, ADMIN_B, withGp(read.offer, 163), { expectedVersion: read.version });
    const auditBefore = (await listAuditEntries(prisma, ADMIN, target.id)).length;

    const stale = adminSaveOffer(prisma, ADMIN, withGp(read.offer, 187), { expectedVersion: read.version });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    const now = (await getOffer(prisma, target.id))!;
    expect(now.version).toBe(read.version + 1);
    expect(now.offer.guarantees["doctor-gp"]!.percentBr).toBe(163);
    expect(await listAuditEntries(prisma, ADMIN, target.id)).toHaveLength(auditBefore);
  });

  it("journalise un diff par champ à chaque enregistrement, conservé après archivage", async () => {
    const prisma = database.client();
    const target = demo.offers.find((offer) => offer.guarantees.glasses?.frameMax !== undefined)!;
    const read = (await getOffer(prisma, target.id))!;
    const oldGp = read.offer.guarantees["doctor-gp"]!.percentBr ?? null;

    const first = await adminSaveOffer(prisma, ADMIN, withGp(read.offer, 175), { expectedVersion: read.version });
    const second = await adminSaveOffer(prisma, ADMIN_B, { ...withGp(read.offer, 175), formula: `${read.offer.formula} 2027` }, { expectedVersion: first.version });
    // Saving identical content is no change and writes no entry.
    await adminSaveOffer(prisma, ADMIN_B, { ...withGp(read.offer, 175), formula: `${read.offer.formula} 2027` }, { expectedVersion: second.version });
    const archived = await adminSetOfferStatus(prisma, ADMIN, target.id, { status: "ARCHIVED", expectedVersion: second.version });

    const entries = await listAuditEntries(prisma, ADMIN, target.id);
    expect(entries.map((entry) => [entry.action, entry.actorEmail, entry.version])).toEqual([
      ["archive", ADMIN.email, archived.version],
      ["update", ADMIN_B.email, second.version],
      ["update", ADMIN.email, first.version],
    ]);
    expect(entries[2]!.changes).toEqual([{ path: "guarantees.doctor-gp.percentBr", old: oldGp, new: 175 }]);
    expect(entries[1]!.changes).toEqual([{ path: "formula", old: read.offer.formula, new: `${read.offer.formula} 2027` }]);
    expect(entries[0]!.changes).toEqual([{ path: "status", old: "PUBLISHED", new: "ARCHIVED" }]);
    expect(new Date(entries[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(entries[2]!.createdAt).getTime());
    expect((await getOffer(prisma, target.id))!.status).toBe("ARCHIVED");
  });

  it("crée, duplique comme nouvelle formule (brouillon) et refuse un identifiant déjà pris", async () => {
    const prisma = database.client();
    const source = demo.offers[2]!;
    const copy = await duplicateOffer(prisma, ADMIN, source.id, { id: `${source.id}-2027`, formula: "Formule 2027" });
    expect(copy).toMatchObject({ outcome: "created", version: 1 });
    const stored = (await getOffer(prisma, copy.id))!;
    expect(stored).toMatchObject({ status: "DRAFT", offer: { ...source, id: copy.id, formula: "Formule 2027" } });
    const [entry] = await listAuditEntries(prisma, ADMIN, copy.id);
    expect(entry).toMatchObject({ action: "duplicate", version: 1 });
    expect(entry!.changes).toContainEqual({ path: "copieDe", old: null, new: source.id });
    expect(entry!.changes).toContainEqual({ path: "formula", old: null, new: "Formule 2027" });

    await expect(adminCreateOffer(prisma, ADMIN, { ...source, formula: "Écrase" })).rejects.toMatchObject({ issues: [{ path: ["id"] }] });
    await expect(duplicateOffer(prisma, ADMIN, source.id, { id: source.id, formula: "Écrase" })).rejects.toMatchObject({ issues: [{ path: ["id"] }] });
    expect((await getOffer(prisma, source.id))!.offer.formula).toBe(source.formula);
  });

  it("liste les offres avec recherche, filtres et pagination dans la requête", async () => {
    const prisma = database.client();
    const all = await listOffers(prisma, ADMIN, { pageSize: 10 });
    const totalInDb = Number((await query<{ count: string }>(database.url, `SELECT count(*) FROM "Offer"`))[0]!.count);
    expect(all.total).toBe(totalInDb);
    expect(all.items).toHaveLength(10);
    expect(all.pageCount).toBe(Math.ceil(totalInDb / 10));
    const last = await listOffers(prisma, ADMIN, { pageSize: 10, page: 999 });
    expect(last.page).toBe(all.pageCount);
    expect(last.items).toHaveLength(totalInDb - (all.pageCount - 1) * 10);
    const pages = await Promise.all(Array.from({ length: all.pageCount }, (_, index) => listOffers(prisma, ADMIN, { pageSize: 10, page: index + 1 })));
    expect(new Set(pages.flatMap((page) => page.items.map((item) => item.id))).size).toBe(totalInDb);

    const insurer = demo.offers[0]!.insurer.name;
    const search = await listOffers(prisma, ADMIN, { q: insurer.toUpperCase().slice(0, 8), pageSize: 100 });
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((item) => item.insurerName.toUpperCase().includes(insurer.toUpperCase().slice(0, 8)) || item.formula.toUpperCase().includes(insurer.toUpperCase().slice(0, 8)) || item.id.toUpperCase().includes(insurer.toUpperCase().slice(0, 8)))).toBe(true);

    const level3 = await listOffers(prisma, ADMIN, { level: 3, status: "PUBLISHED", pageSize: 100 });
    expect(level3.items.every((item) => item.level === 3 && item.status === "PUBLISHED")).toBe(true);
    expect(level3.total).toBe(demo.offers.filter((offer) => offer.level === 3).length - (await listOffers(prisma, ADMIN, { level: 3, status: "ARCHIVED", pageSize: 100 })).total);

    const networked = demo.offers.find((offer) => offer.network !== null)!;
    const byNetwork = await listOffers(prisma, ADMIN, { network: networked.network!.name, pageSize: 100 });
    expect(byNetwork.items.length).toBeGreaterThan(0);
    expect(byNetwork.items.every((item) => item.network === networked.network!.name)).toBe(true);
    const noNetwork = await listOffers(prisma, ADMIN, { network: "none", pageSize: 100 });
    const perNetwork = await Promise.all(NETWORKS.map((network) => listOffers(prisma, ADMIN, { network, pageSize: 1 })));
    expect(noNetwork.total + perNetwork.reduce((sum, page) => sum + page.total, 0)).toBe(totalInDb);
    expect(noNetwork.total).toBeGreaterThan(0);
    expect(noNetwork.items.every((item) => item.network === null)).toBe(true);

    const insurers = await listInsurers(prisma, ADMIN);
    const first = insurers.find((entry) => entry.name === insurer)!;
    const byInsurer = await listOffers(prisma, ADMIN, { insurerId: first.id, pageSize: 100 });
    expect(byInsurer.total).toBe(first.offerCount);
    expect(byInsurer.items.every((item) => item.insurerName === insurer)).toBe(true);
  });

  it("prévisualise l'offre modifiée sur les 4 profils de référence à côté de la version publiée", async () => {
    const prisma = database.client();
    const target = demo.offers.find((offer) => offer.level === 2 && offer.responsable)!;
    const stored = (await getOffer(prisma, target.id))!;
    const same = await previewOffer(prisma, ADMIN, stored.offer);
    expect(same.ok).toBe(true);
    if (!same.ok) return;
    expect(same.rows.map((row) => row.profileId)).toEqual(["jeune-actif", "couple-avec-enfants", "senior", "besoins-optique-dentaire"]);
    for (const row of same.rows) expect(row.edited).toEqual(row.published);

    // Dental prostheses at the floor: the crowns of the "optique et dentaire" profile cost more.
    const worse: Offer = {
      ...stored.offer,
      guarantees: { ...stored.offer.guarantees, "dental-prosthesis": { percentBr: 100, basis: "secu-included", fraisReels: false, waitingMonths: 0 } },
    };
    const changed = await previewOffer(prisma, ADMIN, worse);
    if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
    const heavy = changed.rows.find((row) => row.profileId === "besoins-optique-dentaire")!;
    if (!heavy.edited.eligible || !heavy.published?.eligible) throw new Error("ineligible");
    expect(Number(heavy.edited.expectedRac)).toBeGreaterThan(Number(heavy.published.expectedRac));
    expect(Number(heavy.edited.totalCost)).toBeGreaterThan(Number(heavy.published.totalCost));
    // Nothing was written: the preview is computed on the form's content.
    expect((await getOffer(prisma, target.id))!.version).toBe(stored.version);

    const invalid = await previewOffer(prisma, ADMIN, { ...stored.offer, guarantees: { ...stored.offer.guarantees, glasses: { ...stored.offer.guarantees.glasses!, frameMax: "250.00" } } });
    expect(invalid).toMatchObject({ ok: false, issues: [{ rule: "R871-2-optique-monture", path: ["guarantees", "glasses", "frameMax"] }] });
  });

  it("gère les assureurs : création, nom en double refusé, modification, suppression refusée s'il a des offres", async () => {
    const prisma = database.client();
    const created = await createInsurer(prisma, ADMIN, { name: "Mutuelle Nouvelle", kind: "mutuelle", registrationNumber: "", illustrative: true });
    await expect(createInsurer(prisma, ADMIN, { name: "Mutuelle Nouvelle", kind: null, registrationNumber: null, illustrative: false })).rejects.toMatchObject({
      issues: [{ path: ["name"], message: expect.stringMatching(/déjà/) }],
    });
    await updateInsurer(prisma, ADMIN, created.id, { name: "Mutuelle Renommée", kind: "assureur", registrationNumber: "123 456 789", illustrative: false });
    expect((await listInsurers(prisma, ADMIN)).find((insurer) => insurer.id === created.id)).toEqual({
      id: created.id,
      name: "Mutuelle Renommée",
      kind: "assureur",
      registrationNumber: "123 456 789",
      illustrative: false,
      offerCount: 0,
    });
    const busy = (await listInsurers(prisma, ADMIN)).find((insurer) => insurer.offerCount > 0)!;
    await expect(deleteInsurer(prisma, ADMIN, busy.id)).rejects.toMatchObject({ issues: [{ message: expect.stringMatching(/archivez/) }] });
    await deleteInsurer(prisma, ADMIN, created.id);
    expect((await listInsurers(prisma, ADMIN)).some((insurer) => insurer.id === created.id)).toBe(false);
  });

  it("un assureur inconnu, ou qui a des offres, n'est ni modifié ni supprimé, et la révision du catalogue ne bouge pas", async () => {
    const prisma = database.client();
    const busy = (await listInsurers(prisma, ADMIN)).find((insurer) => insurer.offerCount > 0)!;
    const before = await databaseState();
    const input = { name: "Assureur fantôme", kind: null, registrationNumber: null, illustrative: false };
    await expect(updateInsurer(prisma, ADMIN, "inconnu", input)).rejects.toMatchObject({ issues: [{ path: ["id"], message: "Assureur introuvable." }] });
    await expect(deleteInsurer(prisma, ADMIN, "inconnu")).rejects.toMatchObject({ issues: [{ message: "Assureur introuvable." }] });
    await expect(deleteInsurer(prisma, ADMIN, busy.id)).rejects.toMatchObject({ issues: [{ message: expect.stringMatching(/archivez/) }] });
    const other = (await listInsurers(prisma, ADMIN)).find((insurer) => insurer.id !== busy.id)!;
    await expect(updateInsurer(prisma, ADMIN, busy.id, { ...input, name: other.name })).rejects.toMatchObject({ issues: [{ path: ["name"], message: expect.stringMatching(/déjà/) }] });
    expect(await databaseState()).toEqual(before);
  });

  it("importe : rapport à blanc sans écriture, puis import journalisé ; JSON illisible refusé", async () => {
    const prisma = database.client();
    const target = demo.offers[5]!;
    const file = JSON.stringify({ formatVersion: 1, offers: [withGp(target, 190), { ...target, id: "importee-neuve", formula: "Importée" }] });
    const before = await databaseState();
    expect(await adminImportCatalogue(prisma, ADMIN, file, { dryRun: true })).toEqual({ ok: true, dryRun: true, offers: 2, created: 1, updated: 1, unchanged: 0 });
    expect(await databaseState()).toEqual(before);

    expect(await adminImportCatalogue(prisma, ADMIN, file, { dryRun: false })).toMatchObject({ ok: true, created: 1, updated: 1 });
    const [entry] = await listAuditEntries(prisma, ADMIN, target.id);
    expect(entry).toMatchObject({ action: "import", actorEmail: ADMIN.email, changes: [{ path: "guarantees.doctor-gp.percentBr", new: 190 }] });
    expect((await listAuditEntries(prisma, ADMIN, "importee-neuve"))[0]).toMatchObject({ action: "import", version: 1 });

    expect(await adminImportCatalogue(prisma, ADMIN, "{ pas du json", { dryRun: true })).toMatchObject({ ok: false, issues: [{ message: "Ce fichier n’est pas du JSON valide : erreur ligne 1, colonne 3. Un catalogue exporté depuis cette page montre le format attendu." }] });
    const exported = JSON.parse(await adminExportCatalogue(prisma, ADMIN)) as { offers: Offer[] };
    expect(exported.offers.find((offer) => offer.id === target.id)!.guarantees["doctor-gp"]!.percentBr).toBe(190);
  });
});
