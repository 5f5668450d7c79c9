import type { CurrentContract, OfferResult } from "@/lib/compare/types";
import { formatSignedCents, versusCurrent } from "@/lib/compare/versus-current";
import { formatIsoDate } from "@/lib/format";
import { leavingMessage } from "@/lib/own-offers/leaving-message";

/** The person's current contract among the ranked offers, and when they can leave it. */
export function CurrentContractCard({ contract }: { contract: CurrentContract }) {
  return (
    <section className="card current-contract" aria-labelledby="current-contract-title" data-testid="current-contract">
      <h3 id="current-contract-title">Votre contrat actuel : {contract.name}</h3>
      <p>Adhésion depuis le {formatIsoDate(contract.since)}.</p>
      <p data-testid="leaving-date">{leavingMessage(contract.leaving)}</p>
      {contract.figures ? (
        <p className="muted">Sous chaque offre : ce qu’elle changerait par an par rapport à votre contrat actuel (− : vous paieriez moins).</p>
      ) : (
        <p>Votre contrat actuel ne peut pas être chiffré pour ce profil : vérifiez qu’il a une cotisation pour l’âge de chaque personne.</p>
      )}
    </section>
  );
}

/** One offer against the current contract, per year: premium, expected reste à charge, total and bad year. */
export function VersusCurrentContract({ offer, contract }: { offer: OfferResult; contract: CurrentContract }) {
  if (offer.offerId === contract.offerId || !contract.figures) return null;
  const difference = versusCurrent(offer, contract.figures);
  const saving = difference.totalCost < 0;
  return (
    <p className="versus-current small" data-testid="versus-current">
      Par rapport à votre contrat actuel, par an : cotisation {formatSignedCents(difference.premium)}, reste à charge attendu{" "}
      {formatSignedCents(difference.expectedRac)}, coût total{" "}
      <strong className={saving ? "saving" : undefined}>{formatSignedCents(difference.totalCost)}</strong>
      {saving ? " (économie)" : ""}
      {difference.badYearRac !== null && <>, mauvaise année {formatSignedCents(difference.badYearRac)}</>}.
    </p>
  );
}
