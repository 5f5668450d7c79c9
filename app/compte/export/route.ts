import { getCurrentUser } from "@/lib/auth/session";
import { exportUserData } from "@/lib/profiles/server";

export const dynamic = "force-dynamic";

/**
 * The signed-in user's data as a JSON download (RGPD art. 15 and 20). The session is
 * checked here: a route handler is not covered by the /compte layout.
 */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    return Response.json({ message: "Connectez-vous pour exporter vos données." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const data = await exportUserData({ userId: user.id });
  if (!data) return Response.json({ message: "Compte introuvable." }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const day = data.exportedAt.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="reste-a-charge-mes-donnees-${day}.json"`,
      // Personal data: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
    },
  });
}
