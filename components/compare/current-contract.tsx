import type { ComparisonResult, OfferResult } from "@/lib/compare/types";
import { formatSignedCents, versusCurrent } from "@/lib/compare/versus-current";
import { formatIsoDate } from "@/lib/format";
import { leavingMessage } from "@/lib/own-offers/leaving-message";

/** The person's current contract among the ranked offers, and when they can leave it. */
export function CurrentContractCard({ result }: { result: ComparisonResult }) {
  const contract = result.currentContract;
  if (!contract) return null;
  const current = result.offers.find((offer) => offer.offerId === contract.offerId);
  return (
    <section className="card current-contract" aria-labelledby="current-contract-title" data-testid="current-contract">
      <h3 id="current-contract-title">Votre contrat actuel{current ? ` : ${current.insurer} — ${current.formula}` : ""}</h3>
      {!current && <p>Votre contrat actuel ne peut pas être chiffré pour ce profil : vérifiez ses cotisations par âge.</p>}
      <p>Adhésion depuis le {formatIsoDate(contract.since)}.</p>
      <p data-testid="leaving-date">{leavingMessage(contract.leaving)}</p>
      {current && <p className="muted">Sous chaque offre : ce qu’elle changerait par an par rapport à votre contrat actuel (− : vous paieriez moins).</p>}
    </section>
  );
}

/** One offer against the current contract, per year: premium, expected reste à charge, total and bad year. */
export function VersusCurrentContract({ offer, current }: { offer: OfferResult; current: OfferResult }) {
  const difference = versusCurrent(offer, current);
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
