import type { Metadata } from "next";
import Link from "next/link";
import { DeleteOwnOfferButton } from "@/components/own-offers/delete-own-offer-button";
import { requireUser } from "@/lib/auth/session";
import { formatCount, formatEuros, formatIsoDate } from "@/lib/format";
import { listOwnOffers } from "@/lib/own-offers/server";
import { MAX_OWN_OFFERS } from "@/lib/schemas/own-offer";

export const metadata: Metadata = { title: "Mes offres et mon contrat actuel" };
export const dynamic = "force-dynamic";

/** "45,00 € par mois" or "de 32,00 € à 78,50 € par mois selon l'âge". */
function premiumSummary(bands: readonly { monthly: string }[]): string {
  const amounts = bands.map((band) => Number(band.monthly));
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  return low === high
    ? `${formatEuros(low.toFixed(2))} par mois et par personne`
    : `de ${formatEuros(low.toFixed(2))} à ${formatEuros(high.toFixed(2))} par mois et par personne selon l’âge`;
}

export default async function OwnOffersPage() {
  const user = await requireUser("/compte/offres");
  const offers = await listOwnOffers({ userId: user.id });
  const full = offers.length >= MAX_OWN_OFFERS;

  return (
    <>
      <p>
        <Link href="/compte">← Mon compte</Link>
      </p>
      <h1>Mes offres et mon contrat actuel</h1>
      <p className="lead">
        Recopiez le tableau de garanties de votre contrat et les devis que vous avez reçus : ils sont classés avec le catalogue, pour votre année de
        soins, dans le comparateur. Ils ne sont visibles que de vous.
      </p>
      <p className="muted">
        {formatCount(offers.length, "offre")} sur {MAX_OWN_OFFERS} possibles : de quoi comparer tous les devis d’une recherche, sans alourdir chaque
        classement.
      </p>
      {full ? (
        <p className="warning-note">Vous avez atteint le maximum : supprimez une offre pour en ajouter une autre.</p>
      ) : (
        <p>
          <Link className="button primary" href="/compte/offres/nouvelle">
            Ajouter une offre
          </Link>
        </p>
      )}
      {offers.length > 0 && (
        <ul className="own-offers saved-profiles">
          {offers.map(({ offer, currentContractSince }) => {
            const name = `${offer.insurer.name} — ${offer.formula}`;
            return (
              <li key={offer.id} className="card" data-testid="own-offer">
                <h2 className="h3">
                  {name} {currentContractSince !== null && <span className="tag own">Mon contrat actuel</span>}
                </h2>
                <p>
                  {premiumSummary(offer.premiums.bands)}
                  {currentContractSince !== null && ` · adhésion le ${formatIsoDate(currentContractSince)}`}
                  {!offer.responsable && " · non responsable"}
                </p>
                <div className="actions-row">
                  <Link className="button secondary" href={`/compte/offres/${offer.id}`}>
                    Modifier<span className="visually-hidden"> {name}</span>
                  </Link>
                  <DeleteOwnOfferButton id={offer.id} name={name} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link href="/comparer">Comparer avec mon année de soins</Link>
      </p>
    </>
  );
}
