import type { PrismaClient } from "../generated/prisma/client";
import type * as Db from "../generated/prisma/enums";
import type { CatalogueInsurer } from "./published-catalogue";
import { dbEnum } from "./write-offer";

/**
 * Creates or updates an insurer's register data (which the engine format does not
 * carry). Writes nothing when nothing changes, so the catalogue revision stays put.
 */
export async function upsertInsurer(prisma: PrismaClient, insurer: CatalogueInsurer): Promise<"created" | "updated" | "unchanged"> {
  const kind = insurer.kind === null ? null : dbEnum<Db.InsurerKind>(insurer.kind);
  const data = { kind, registrationNumber: insurer.registrationNumber, illustrative: insurer.illustrative };
  const existing = await prisma.insurer.findUnique({ where: { name: insurer.name }, select: { kind: true, registrationNumber: true, illustrative: true } });
  if (!existing) {
    await prisma.insurer.create({ data: { name: insurer.name, ...data } });
    return "created";
  }
  if (existing.kind === data.kind && existing.registrationNumber === data.registrationNumber && existing.illustrative === data.illustrative) {
    return "unchanged";
  }
  await prisma.insurer.update({ where: { name: insurer.name }, data });
  return "updated";
}
