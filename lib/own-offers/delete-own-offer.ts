import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * Deletes one of the caller's own offers; false when none of theirs has that id. The
 * guarantee lines go first, while the offer row still says whose they are: the catalogue
 * revision triggers then know they were not the catalogue's.
 */
export async function deleteOwnOffer(prisma: PrismaClient, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const owned = { offerId: id, offer: { ownerId: userId } } satisfies Prisma.OfferGuaranteeWhereInput;
    await tx.offerGuarantee.deleteMany({ where: owned });
    await tx.offerCeiling.deleteMany({ where: owned });
    await tx.offerPremiumBand.deleteMany({ where: owned });
    const { count } = await tx.offer.deleteMany({ where: { id, ownerId: userId } });
    return count === 1;
  });
}
