import { databaseReachable } from "@/lib/database-health";
import { env } from "@/lib/env";

// Asked afresh each time: a health check answered from a cache would say nothing.
export const dynamic = "force-dynamic";

/**
 * GET /api/health: the process serves and PostgreSQL answers (200), or it does not (503).
 * For the container's health check and a load balancer; nothing else is disclosed.
 */
export async function GET(): Promise<Response> {
  const database = await databaseReachable(env().DATABASE_URL);
  return Response.json(
    { status: database ? "ok" : "indisponible", database: database ? "ok" : "injoignable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
