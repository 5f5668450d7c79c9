import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Offer } from "../schemas/offer";
import { publishedOn, readOffers, todayInFrance } from "./read-offers";
import { shareIdenticalParts } from "./shared-parts";

export type InsurerKind = NonNullable<Offer["insurer"]["kind"]>;

export interface CatalogueInsurer {
  name: string;
  kind: InsurerKind | null;
  registrationNumber: string | null;
  /** Invented for the demo: the site must say so. */
  illustrative: boolean;
}

export interface PublishedCatalogue {
  /** Changes whenever the catalogue tables or the day change: a cache key for derived data. */
  revision: string;
  /** The day ("YYYY-MM-DD", France) the validity dates were checked against. */
  day: string;
  /** Engine-ready offers, published and valid on `day`, ordered by id. Shared: never mutate. */
  offers: readonly Offer[];
  /** The insurers of those offers, ordered by name. */
  insurers: readonly CatalogueInsurer[];
}

/** A loaded catalogue with the content stamp each offer had when it was read. */
interface CachedCatalogue {
  catalogue: PublishedCatalogue;
  /** Offer id → "offer stamp:insurer stamp", both renewed by triggers on any change. */
  stamps: Map<string, string>;
}

/**
 * One cached catalogue per client (a client is one pool on one database: two clients in
 * a test stand for two app instances). The entry is trusted only while the database's
 * revision, bumped by a trigger in the same transaction as any catalogue change, still
 * reads the same: an instance never serves a catalogue another one has changed.
 */
const cache = new WeakMap<PrismaClient, CachedCatalogue>();
const reloads = new WeakMap<PrismaClient, { revision: string; promise: Promise<CachedCatalogue> }>();

/** Past this share of changed offers, one full read beats picking offers by id. */
const FULL_RELOAD_SHARE = 0.5;

async function readRevision(client: Pick<PrismaClient, "$queryRaw">): Promise<string> {
  const rows = await client.$queryRaw<{ revision: string }[]>`SELECT "revision"::text AS "revision" FROM "CatalogueRevision" WHERE "id" = 1`;
  return rows[0]?.revision ?? "0";
}

/**
 * The published catalogue for scoring, from the cache when the revision stamp (one
 * primary-key read) has not moved since it was loaded; otherwise only the offers whose
 * content stamps moved are read again. Concurrent callers during a reload share it.
 */
export async function loadPublishedCatalogue(prisma: PrismaClient, options: { day?: string } = {}): Promise<PublishedCatalogue> {
  const day = options.day ?? todayInFrance();
  const revision = `${await readRevision(prisma)}@${day}`;
  const cached = cache.get(prisma);
  if (cached && cached.catalogue.revision === revision) return cached.catalogue;

  // Requests arriving during a reload share it instead of each reading the catalogue.
  const pending = reloads.get(prisma);
  if (pending && pending.revision === revision) return (await pending.promise).catalogue;
  const promise = reload(prisma, day, cached?.catalogue.day === day ? cached : undefined).finally(() => {
    if (reloads.get(prisma)?.promise === promise) reloads.delete(prisma);
  });
  reloads.set(prisma, { revision, promise });
  const loaded = await promise;
  cache.set(prisma, loaded);
  return loaded.catalogue;
}

async function reload(prisma: PrismaClient, day: string, previous: CachedCatalogue | undefined): Promise<CachedCatalogue> {
  // The revision and the stamps are read in the same snapshot as the offers: a change that
  // commits in between would otherwise be cached under the old stamp.
  return prisma.$transaction(
    async (tx) => {
      const revision = await readRevision(tx);
      const current = await tx.$queryRaw<{ id: string; stamp: string }[]>`
        SELECT o."id", o."contentStamp"::text || ':' || i."contentStamp"::text AS "stamp"
        FROM "Offer" o JOIN "Insurer" i ON i."id" = o."insurerId"
        WHERE ${publishedOn(day)}
        ORDER BY o."id"`;
      const changed = previous ? current.filter((row) => previous.stamps.get(row.id) !== row.stamp).map((row) => row.id) : null;
      let offers: Offer[];
      if (changed && previous && changed.length <= current.length * FULL_RELOAD_SHARE) {
        const kept = new Map(previous.catalogue.offers.map((offer) => [offer.id, offer]));
        const fresh = changed.length > 0 ? await readOffers(tx, Prisma.sql`o."id" IN (${Prisma.join(changed)})`) : [];
        for (const offer of fresh) kept.set(offer.id, offer);
        offers = current.map((row) => kept.get(row.id)!);
      } else {
        offers = await readOffers(tx, publishedOn(day));
      }
      offers = shareIdenticalParts(offers);
      const insurers = await tx.$queryRaw<CatalogueInsurer[]>`
        SELECT i."name", i."kind"::text AS "kind", i."registrationNumber", i."illustrative"
        FROM "Insurer" i
        WHERE EXISTS (SELECT 1 FROM "Offer" o WHERE o."insurerId" = i."id" AND ${publishedOn(day)})
        ORDER BY i."name"`;
      return {
        catalogue: { revision: `${revision}@${day}`, day, offers: Object.freeze(offers), insurers: Object.freeze(insurers) },
        stamps: new Map(current.map((row) => [row.id, row.stamp])),
      };
    },
    // A full read of ten thousand offers takes seconds on a small machine: more than the 5 s default leaves.
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
}

/** Number of offers published and valid today: a count, no cache needed. */
export async function countPublishedOffers(prisma: PrismaClient, options: { day?: string } = {}): Promise<number> {
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Offer" o WHERE ${publishedOn(options.day ?? todayInFrance())}`;
  return rows[0]?.count ?? 0;
}
