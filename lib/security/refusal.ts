import { type NextRequest, NextResponse } from "next/server";

export const INVALID_REQUEST_MESSAGE = "Requête invalide.";

/**
 * A refusal answered by the proxy or a route handler, in French: a small page for a
 * browser's page load, JSON (`{ error, message }`) for everything else (fetch, actions).
 * The page has no script and only inline styles: it must render with nothing else
 * reachable (the 503 while the database is down).
 */
export function frenchRefusal(
  request: NextRequest,
  refusal: { status: number; error: string; title: string; message: string; headers?: Record<string, string> },
): NextResponse {
  const headers = { "Cache-Control": "no-store", ...refusal.headers };
  const wantsPage = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (!wantsPage) return NextResponse.json({ error: refusal.error, message: refusal.message }, { status: refusal.status, headers });
  return new NextResponse(page(refusal.title, refusal.message), { status: refusal.status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Reste à charge</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/">Revenir à l’accueil</a></p>
</main>
</body>
</html>
`;
}
