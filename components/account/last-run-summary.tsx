import { formatCount, formatEuros } from "@/lib/format";
import type { LastRun } from "@/lib/schemas/saved-profile";
import { catalogueUpdatedLabel, formatDateTime, SORT_LABELS } from "./format-run";

/** A saved profile's last result: its best offers with their yearly figures, when and on which catalogue. */
export function LastRunSummary({ lastRun, headingId }: { lastRun: LastRun | null; headingId: string }) {
  if (!lastRun) {
    return <p className="muted">Pas encore calculé : relancez ce profil pour voir son classement.</p>;
  }
  return (
    <div className="last-run">
      <p className="muted small">
        {[
          `Dernier calcul le ${formatDateTime(lastRun.ranAt)}`,
          catalogueUpdatedLabel(lastRun),
          `classé par ${SORT_LABELS[lastRun.sort]}`,
          `${formatCount(lastRun.offers.length, "offre")} ${lastRun.offers.length > 1 ? "classées" : "classée"}`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {lastRun.top.length === 0 ? (
        <p>Aucune offre du catalogue n&apos;était proposée pour ce profil.</p>
      ) : (
        <div className="table-scroll">
          <table aria-describedby={headingId}>
            <caption className="visually-hidden">Meilleures offres au dernier calcul ; montants annuels pour tout le foyer</caption>
            <thead>
              <tr>
                <th scope="col">Rang</th>
                <th scope="col">Offre</th>
                <th scope="col" className="num">Cotisation</th>
                <th scope="col" className="num">Reste à charge attendu</th>
                <th scope="col" className="num">Coût total</th>
              </tr>
            </thead>
            <tbody>
              {lastRun.top.map((offer, index) => (
                <tr key={offer.offerId} data-testid="last-run-offer">
                  <td>{index + 1}</td>
                  <th scope="row">
                    {offer.insurer} — {offer.formula}
                  </th>
                  <td className="num">{formatEuros(offer.annualPremium)}</td>
                  <td className="num">{formatEuros(offer.expectedRac)}</td>
                  <td className="num">{formatEuros(offer.totalCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
