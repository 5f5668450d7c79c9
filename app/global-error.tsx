"use client";

/** When even the root layout fails: a whole page of its own, in French. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main>
          <h1>Le site n’a pas pu s’afficher</h1>
          <p>Une erreur est survenue de notre côté. Réessayez dans un instant.</p>
          <button type="button" onClick={reset}>
            Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
