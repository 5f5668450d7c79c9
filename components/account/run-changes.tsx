import { formatEuros } from "@/lib/format";
import type { RunChanges as Changes } from "@/lib/profiles";

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
    !changes.expectedRacChange;
  return (
    <div className="run-changes" data-testid="run-changes">
      <h4>Depuis le dernier calcul</h4>
      {nothing && (
        <p>{changes.catalogueChanged ? "Le catalogue a changé, mais rien qui concerne ce profil." : "Rien n'a changé : même catalogue, même classement."}</p>
      )}
      {changes.topOfferChange && (
        <p>
          Meilleure offre : {changes.topOfferChange.from?.label ?? "aucune"} → <strong>{changes.topOfferChange.to?.label ?? "aucune"}</strong>
        </p>
      )}
      {changes.expectedRacChange && (
        <p>
          Reste à charge attendu de la meilleure offre : {changes.expectedRacChange.from ? formatEuros(changes.expectedRacChange.from) : "—"} →{" "}
          <strong>{changes.expectedRacChange.to ? formatEuros(changes.expectedRacChange.to) : "—"}</strong>
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
