import type { NextRequest, NextResponse } from "next/server";
import { frenchRefusal } from "./refusal";

const MESSAGE = "Le service est momentanément indisponible : notre base de données ne répond pas. Réessayez dans quelques instants, vos informations n’ont pas été perdues.";

/** What every request gets while PostgreSQL is unreachable: HTTP 503 with a French message. */
export function serviceUnavailableResponse(request: NextRequest): NextResponse {
  return frenchRefusal(request, {
    status: 503,
    error: "service_unavailable",
    title: "Service momentanément indisponible",
    message: MESSAGE,
    headers: { "Retry-After": "10" },
  });
}
