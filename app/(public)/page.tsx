import Link from "next/link";
import { countPublishedOffers } from "@/lib/catalogue/server";
import { PRESETS } from "@/lib/compare/presets";
import { formatCount } from "@/lib/format";

// The catalogue changes under the app: read it at request time, never at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const offerCount = await countPublishedOffers();
  return (
    <>
      <section className="hero">
        <h1>Combien votre année de soins vous coûtera-t-elle vraiment ?</h1>
        <p className="lead">
          Nous calculons, pour chaque mutuelle, ce que la Sécurité sociale rembourse, ce que la mutuelle ajoute et ce qui reste à
          votre charge — acte par acte, au centime.
        </p>
        <p>
          <Link className="button primary" href="/comparer">
            Décrire mon année de soins
          </Link>
        </p>
        <p data-testid="offer-count" className="muted">
          {offerCount === 0 ? "Aucune offre dans le catalogue pour l’instant." : `${formatCount(offerCount, "offre")} dans le catalogue.`}
        </p>
      </section>
      <section aria-labelledby="presets-title">
        <h2 id="presets-title">Ou partez d’un exemple, modifiable ensuite</h2>
        <ul className="presets">
          {PRESETS.map((preset) => (
            <li key={preset.id} className="card">
              <h3>
                <Link href={`/comparer?preset=${preset.id}`}>{preset.label}</Link>
              </h3>
              <p>{preset.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
