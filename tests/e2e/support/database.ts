import { sql } from "./users";

/** Reads the database the server under test uses, to check what a page shows. */
export async function countPublishedOffers(): Promise<number> {
  const rows = await sql<{ count: string }>(
    `SELECT count(*) FROM "Offer"
      WHERE status = 'PUBLISHED' AND ("validFrom" IS NULL OR "validFrom" <= CURRENT_DATE) AND ("validTo" IS NULL OR "validTo" >= CURRENT_DATE)`,
  );
  return Number(rows[0]?.count ?? 0);
}
