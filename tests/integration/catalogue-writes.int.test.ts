import { beforeAll, describe, expect, it } from "vitest";
import { getOffer, OfferValidationError, saveOffer, setOfferPublication, StaleVersionError } from "@/lib/catalogue";
import type { Offer } from "@/lib/schemas/offer";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { query } from "./support/database";
import { catalogueTestDatabase } from "./catalogue-support";

const database = catalogueTestDatabase("catalogue_writes");
const demo = buildDemoCatalogue().offers;
const base: Offer = demo.find((offer) => offer.id === "hortensias-confort")!;

describe("catalogue writes", () => {
  beforeAll(async () => {
    await saveOffer(database.client(), base, { status: "PUBLISHED" });
  });

  it("rejects a save made on a stale version, even from another app instance", async () => {
    const [editorA, editorB] = [database.client(), database.client()];
    const read = (await getOffer(editorA, base.id))!;
    expect(read).toMatchObject({ status: "PUBLISHED", version: 1, validFrom: null, validTo: null, offer: base });

    const saved = await saveOffer(editorB, { ...read.offer, formula: "Confort (édition B)" }, { expectedVersion: read.version });
    expect(saved).toEqual({ id: base.id, version: 2, outcome: "updated" });
    const stale = saveOffer(editorA, { ...read.offer, formula: "Confort (édition A)" }, { expectedVersion: read.version });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(stale).rejects.toThrow(/modifiée entre-temps/);
    expect((await getOffer(editorA, base.id))!.offer.formula).toBe("Confort (édition B)");
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const { version } = (await getOffer(database.client(), base.id))!;
    const results = await Promise.allSettled(
      ["Confort (X)", "Confort (Y)"].map((formula) => saveOffer(database.client(), { ...base, formula }, { expectedVersion: version })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
    expect((await getOffer(database.client(), base.id))!.version).toBe(version + 1);
  });

  it("refuses a responsable offer that breaks R871-2, naming the rule, and writes nothing", async () => {
    const prisma = database.client();
    const before = await getOffer(prisma, base.id);
    const breaking: Offer = {
      ...base,
      guarantees: {
        ...base.guarantees,
        "doctor-specialist": { ...base.guarantees["doctor-specialist"]!, percentBr: 300, percentBrNonOptam: 250 },
      },
    };
    const attempt = saveOffer(prisma, breaking, { expectedVersion: before!.version });
    await expect(attempt).rejects.toBeInstanceOf(OfferValidationError);
    const error = (await attempt.catch((caught: unknown) => caught)) as OfferValidationError;
    expect(error.issues).toContainEqual({
      rule: "R871-2-non-optam-200",
      path: ["guarantees", "doctor-specialist", "percentBrNonOptam"],
      message: expect.stringMatching(/^Contrat responsable \(art\. R871-2 CSS\) : .*200 %/),
    });
    expect(await getOffer(prisma, base.id)).toEqual(before);
    // The same terms are accepted once the contract is declared non-responsable.
    await expect(saveOffer(prisma, { ...breaking, id: "hortensias-hors-cadre", responsable: false })).resolves.toMatchObject({ outcome: "created" });
  });

  it("refuses a schema violation with its zod path, in French", async () => {
    const attempt = saveOffer(database.client(), { ...base, id: "Pas Un Slug", level: 7 });
    const error = (await attempt.catch((caught: unknown) => caught)) as OfferValidationError;
    expect(error).toBeInstanceOf(OfferValidationError);
    expect(error.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["id", "level"]));
    expect(error.issues.find((issue) => issue.path[0] === "id")!.message).toMatch(/minuscules/);
  });

  it("publishes, dates and archives with the version check, and saving identical content writes nothing", async () => {
    const prisma = database.client();
    const current = (await getOffer(prisma, base.id))!;
    const revision = async () => (await query<{ revision: string }>(database.url, `SELECT "revision"::text FROM "CatalogueRevision"`))[0]!.revision;
    const stamp = await revision();
    expect(await saveOffer(prisma, current.offer, { expectedVersion: current.version })).toMatchObject({ outcome: "unchanged", version: current.version });
    expect(await revision()).toBe(stamp);

    await expect(setOfferPublication(prisma, base.id, { validFrom: "2027-01-01", validTo: "2026-12-31", expectedVersion: current.version })).rejects.toThrow(
      /fin de validité/,
    );
    const dated = await setOfferPublication(prisma, base.id, { validFrom: "2027-01-01", expectedVersion: current.version });
    expect(dated.version).toBe(current.version + 1);
    expect(await getOffer(prisma, base.id, { publishedOn: "2026-12-31" })).toBeNull();
    expect((await getOffer(prisma, base.id, { publishedOn: "2027-01-01" }))!.validFrom).toBe("2027-01-01");
    await setOfferPublication(prisma, base.id, { status: "ARCHIVED", expectedVersion: dated.version });
    expect(await getOffer(prisma, base.id, { publishedOn: "2027-06-01" })).toBeNull();
    expect((await getOffer(prisma, base.id))!.status).toBe("ARCHIVED");
  });
});
