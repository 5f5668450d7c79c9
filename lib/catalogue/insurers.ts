import type { PrismaClient } from "../generated/prisma/client";
import type { CatalogueInsurer } from "./published-catalogue";

/**
 * Creates or updates an insurer's register data (which the engine format does not
 * carry). Writes nothing when nothing changes, so the catalogue revision stays put.
 */
export async function upsertInsurer(prisma: PrismaClient, insurer: CatalogueInsurer): Promise<"created" | "updated" | "unchanged"> {
  const kind = insurer.kind === null ? null : (insurer.kind.replaceAll("-", "_") as "mutuelle" | "assureur" | "institution_de_prevoyance");
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
