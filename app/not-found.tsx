import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page du site. Elle a peut-être été mal copiée.</p>
      <p>
        <Link href="/">Revenir à l’accueil</Link> ou <Link href="/comparer">comparer les mutuelles</Link>.
      </p>
    </section>
  );
}
