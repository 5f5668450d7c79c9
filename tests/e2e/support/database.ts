import pg from "pg";

/** Reads the database the server under test uses, to check what a page shows. */
export async function countPublishedOffers(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM "Offer"
        WHERE status = 'PUBLISHED' AND ("validFrom" IS NULL OR "validFrom" <= CURRENT_DATE) AND ("validTo" IS NULL OR "validTo" >= CURRENT_DATE)`,
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
