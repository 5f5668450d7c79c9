import type { PreviewFigures, PreviewRow } from "@/lib/catalogue/admin/preview";
import { formatEuros } from "@/lib/format";

function Cells({ figures, testId }: { figures: PreviewFigures | null; testId: string }) {
  if (figures === null) {
    return (
      <td colSpan={2} className="muted">
        Pas de version publiée
      </td>
    );
  }
  if (!figures.eligible) {
    return (
      <td colSpan={2} className="muted">
        Non proposée : {figures.reason}
      </td>
    );
  }
  return (
    <>
      <td className="num rac" data-testid={`${testId}-rac`}>
        {formatEuros(figures.expectedRac)}
      </td>
      <td className="num" data-testid={`${testId}-total`}>
        {formatEuros(figures.totalCost)}
      </td>
    </>
  );
}

function difference(row: PreviewRow): string {
  if (!row.published?.eligible || !row.edited.eligible) return "—";
  const cents = Math.round(Number(row.edited.totalCost) * 100) - Math.round(Number(row.published.totalCost) * 100);
  if (cents === 0) return "identique";
  return `${cents > 0 ? "+" : "−"}${formatEuros((Math.abs(cents) / 100).toFixed(2))}`;
}

/** The edited offer next to the published one on the public site's reference profiles. */
export function OfferPreview({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="table-scroll">
      <table className="offers-table preview-table" data-testid="offer-preview">
        <caption className="visually-hidden">Reste à charge attendu et coût total annuel sur les profils de référence</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Profil de référence
            </th>
            <th scope="colgroup" colSpan={2}>
              Version publiée
            </th>
            <th scope="colgroup" colSpan={2}>
              Votre saisie
            </th>
            <th scope="col" rowSpan={2} className="num">
              Écart du coût total
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">Reste à charge attendu</th>
            <th scope="col" className="num">Coût total</th>
            <th scope="col" className="num">Reste à charge attendu</th>
            <th scope="col" className="num">Coût total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.profileId} data-testid={`preview-${row.profileId}`}>
              <th scope="row">
                {row.label}
                <div className="hint">{row.description}</div>
              </th>
              <Cells figures={row.published} testId="published" />
              <Cells figures={row.edited} testId="edited" />
              <td className="num" data-testid="difference">
                {difference(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
