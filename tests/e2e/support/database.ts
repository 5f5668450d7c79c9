import pg from "pg";

/** Reads the database the server under test uses, to check what a page shows. */
export async function countOffers(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "Offer"`);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
