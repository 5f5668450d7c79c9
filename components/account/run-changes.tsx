import { formatEuros } from "@/lib/format";
import type { MoneyChange, RunChanges as Changes } from "@/lib/profiles";

/** "coût total 2 651,16 € → 2 662,13 €": one offer's figure, before and after. */
function Moved({ what, change }: { what: string; change: MoneyChange }) {
  return (
    <>
      {what} {formatEuros(change.from)} → <strong>{formatEuros(change.to)}</strong>
    </>
  );
}

/** A new best offer: both named, each with its own figures, never one offer's figure against the other's. */
function TopOfferChange({ change }: { change: NonNullable<Changes["topOfferChange"]> }) {
  const { from, to } = change;
  return (
    <div data-testid="top-offer-change">
      <p>
        La meilleure offre a changé :{" "}
        {to ? (
          <strong>
            {to.label} (coût total {formatEuros(to.totalCost)}, reste à charge attendu {formatEuros(to.expectedRac)})
          </strong>
        ) : (
          <strong>aucune offre n’est plus proposée pour ce profil</strong>
        )}
        {from && (
          <>
            {" "}
            remplace {from.label} (coût total {formatEuros(from.totalCost)}, reste à charge attendu {formatEuros(from.expectedRac)} au dernier calcul)
          </>
        )}
        .
      </p>
      {from?.now && (
        <p>
          {from.label} aujourd’hui : coût total {formatEuros(from.now.totalCost)}, reste à charge attendu {formatEuros(from.now.expectedRac)}.
        </p>
      )}
    </div>
  );
}

/** What a re-run found changed since the previous run, in words. */
export function RunChanges({ changes }: { changes: Changes }) {
  if (changes.firstRun) {
    return (
      <div className="run-changes" data-testid="run-changes">
        <p>Premier calcul de ce profil : les prochaines relances montreront ce qui a changé.</p>
      </div>
    );
  }
  const nothing =
    changes.newOffers.length === 0 &&
    changes.goneOffers.length === 0 &&
    changes.premiumChanges.length === 0 &&
    !changes.topOfferChange &&
    !changes.topOfferFigures;
  return (
    <div className="run-changes" data-testid="run-changes">
      <h4>Depuis le dernier calcul</h4>
      {nothing && (
        <p>{changes.catalogueChanged ? "Le catalogue a changé, mais rien qui concerne ce profil." : "Rien n'a changé : même catalogue, même classement."}</p>
      )}
      {changes.topOfferChange && <TopOfferChange change={changes.topOfferChange} />}
      {changes.topOfferFigures && (
        <p data-testid="top-offer-figures">
          Meilleure offre, toujours {changes.topOfferFigures.offer.label} :{" "}
          {[
            changes.topOfferFigures.totalCost && <Moved key="total" what="coût total" change={changes.topOfferFigures.totalCost} />,
            changes.topOfferFigures.expectedRac && <Moved key="rac" what="reste à charge attendu" change={changes.topOfferFigures.expectedRac} />,
          ]
            .filter(Boolean)
            .flatMap((part, index) => (index === 0 ? [part] : ["; ", part]))}
          .
        </p>
      )}
      {changes.premiumChanges.length > 0 && (
        <>
          <p>Cotisations modifiées ({changes.premiumChanges.length}) :</p>
          <ul>
            {changes.premiumChanges.map((change) => (
              <li key={change.offerId}>
                {change.label} : {formatEuros(change.from)} → <strong>{formatEuros(change.to)}</strong> par an
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.newOffers.length > 0 && (
        <>
          <p>Nouvelles offres ({changes.newOffers.length}) :</p>
          <ul>
            {changes.newOffers.map((offer) => (
              <li key={offer.offerId}>{offer.label}</li>
            ))}
          </ul>
        </>
      )}
      {changes.goneOffers.length > 0 && (
        <>
          <p>Offres retirées ({changes.goneOffers.length}) :</p>
          <ul>
            {changes.goneOffers.map((offer) => (
              <li key={offer.offerId}>{offer.label}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
