import { type NextRequest, NextResponse } from "next/server";

const RETRY_AFTER_SECONDS = "10";
const MESSAGE = "Le service est momentanément indisponible : notre base de données ne répond pas. Réessayez dans quelques instants, vos informations n’ont pas été perdues.";

/**
 * What every request gets while PostgreSQL is unreachable: HTTP 503 with a French
 * message, as a page for a browser and as JSON for fetch-style callers.
 */
export function serviceUnavailableResponse(request: NextRequest): NextResponse {
  const headers = { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" };
  const wantsPage = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (!wantsPage) return NextResponse.json({ error: "service_unavailable", message: MESSAGE }, { status: 503, headers });
  return new NextResponse(PAGE, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

// No script and inline styles only: the page must render with nothing else reachable.
const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service momentanément indisponible · Reste à charge</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem}</style>
</head>
<body>
<main>
<h1>Service momentanément indisponible</h1>
<p>${MESSAGE}</p>
<p><a href="/">Revenir à l’accueil</a></p>
</main>
</body>
</html>
`;
