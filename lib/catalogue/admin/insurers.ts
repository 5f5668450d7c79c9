import { z } from "zod";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type * as Db from "../../generated/prisma/enums";
import { OfferValidationError } from "../errors";
import type { InsurerKind } from "../published-catalogue";
import { dbEnum } from "../write-offer";
import { assertAdmin, type AdminActor } from "./actor";

export const INSURER_KINDS = ["mutuelle", "assureur", "institution-de-prevoyance"] as const;

/** The insurer form: the name as offerSchema accepts it, register data database-only. */
export const insurerInputSchema = z.object({
  name: z.string().trim().min(1, "Le nom est obligatoire").max(100, "100 caractères au plus"),
  kind: z.enum(INSURER_KINDS).nullable(),
  registrationNumber: z
    .string()
    .trim()
    .max(40, "40 caractères au plus")
    .nullable()
    .transform((value) => (value === "" ? null : value)),
  illustrative: z.boolean(),
});
export type InsurerInput = z.output<typeof insurerInputSchema>;

export interface AdminInsurer {
  id: string;
  name: string;
  kind: InsurerKind | null;
  registrationNumber: string | null;
  illustrative: boolean;
  offerCount: number;
}

const engineKind = (kind: string | null) => (kind === null ? null : (kind.replaceAll("_", "-") as InsurerKind));

function columns(input: InsurerInput) {
  return {
    name: input.name,
    kind: input.kind === null ? null : dbEnum<Db.InsurerKind>(input.kind),
    registrationNumber: input.registrationNumber,
    illustrative: input.illustrative,
  };
}

/** A unique-name clash reported on the name field, in French, instead of a Prisma error. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new OfferValidationError([{ path: ["name"], message: `Un assureur s'appelle déjà « ${name} ».` }]);
    }
    throw error;
  }
}

export async function listInsurers(prisma: PrismaClient, actor: AdminActor): Promise<AdminInsurer[]> {
  assertAdmin(actor);
  const rows = await prisma.insurer.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { offers: true } } } });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: engineKind(row.kind),
    registrationNumber: row.registrationNumber,
    illustrative: row.illustrative,
    offerCount: row._count.offers,
  }));
}

export async function createInsurer(prisma: PrismaClient, actor: AdminActor, input: InsurerInput): Promise<{ id: string }> {
  assertAdmin(actor);
  const data = columns(insurerInputSchema.parse(input));
  return uniqueName(data.name, () => prisma.insurer.create({ data, select: { id: true } }));
}

/**
 * Renaming an insurer renames it in every one of its offers (the engine offer carries the
 * name): the content-stamp triggers make the public catalogue reload them.
 */
export async function updateInsurer(prisma: PrismaClient, actor: AdminActor, id: string, input: InsurerInput): Promise<{ id: string }> {
  assertAdmin(actor);
  const data = columns(insurerInputSchema.parse(input));
  return uniqueName(data.name, async () => {
    // An update that matches no row leaves the catalogue revision alone (its triggers count rows).
    const updated = await prisma.insurer.updateMany({ where: { id }, data });
    if (updated.count === 0) throw new OfferValidationError([{ path: ["id"], message: "Assureur introuvable." }]);
    return { id };
  });
}

/** Only an insurer without offers can go (the foreign key restricts it anyway): archive its offers instead. */
export async function deleteInsurer(prisma: PrismaClient, actor: AdminActor, id: string): Promise<void> {
  assertAdmin(actor);
  const deleted = await prisma.insurer.deleteMany({ where: { id, offers: { none: {} } } });
  if (deleted.count === 0) {
    const offers = await prisma.offer.count({ where: { insurerId: id } });
    throw new OfferValidationError([
      { path: ["id"], message: offers > 0 ? `Cet assureur a ${offers} ${offers > 1 ? "offres : archivez-les" : "offre : archivez-la"} plutôt que de le supprimer.` : "Assureur introuvable." },
    ]);
  }
}
