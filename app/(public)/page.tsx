import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";

// The catalogue changes under the app: read it at request time, never at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const offerCount = await db().offer.count();
  return (
    <section className="hero">
      <h1>Combien votre année de soins vous coûtera-t-elle vraiment ?</h1>
      <p className="lead">
        Nous calculons, pour chaque mutuelle, ce que la Sécurité sociale rembourse, ce que la mutuelle ajoute et ce
        qui reste à votre charge — acte par acte, au centime.
      </p>
      <p data-testid="offer-count">
        {offerCount === 0 ? "Aucune offre dans le catalogue pour l’instant." : `${formatCount(offerCount, "offre")} dans le catalogue.`}
      </p>
    </section>
  );
}
