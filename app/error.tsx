"use client";

import Link from "next/link";

/**
 * The last resort of a page that failed while rendering: a French message and a retry,
 * inside the site's layout. The details stay in the server log (Next sends the browser
 * only a digest in production).
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" aria-labelledby="error-title">
      <h1 id="error-title">Cette page n’a pas pu s’afficher</h1>
      <p>Une erreur est survenue de notre côté. Réessayez dans un instant ; si le problème continue, revenez plus tard.</p>
      <p>
        <button type="button" className="primary" onClick={reset}>
          Réessayer
        </button>{" "}
        <Link href="/">Revenir à l’accueil</Link>
      </p>
    </section>
  );
}
