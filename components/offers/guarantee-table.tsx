import { guaranteeTable } from "@/lib/guarantee-table/wording";
import type { Offer } from "@/lib/schemas/offer";

/**
 * The tableau de garanties of one offer, catalogue or own, as insurers print it: what
 * each guarantee line pays, the network's terms, waiting periods and ceilings. Takes the
 * engine's parsed Offer and needs no profile. On a phone each line is a block (name,
 * then its terms), so nothing scrolls sideways.
 */
export function GuaranteeTable({ offer, headingLevel = 2 }: { offer: Offer; headingLevel?: 2 | 3 }) {
  const table = guaranteeTable(offer);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card" aria-labelledby={`guarantees-${offer.id}`} data-testid="guarantee-table">
      <Heading id={`guarantees-${offer.id}`}>Tableau de garanties</Heading>
      <p className="muted small">
        Ce que rembourse l’offre, dans les termes des assureurs : «&nbsp;BR&nbsp;» est la base de remboursement de la Sécurité
        sociale, «&nbsp;dont Sécu&nbsp;» veut dire que le taux comprend ce que rembourse la Sécurité sociale, «&nbsp;TM&nbsp;» est le
        ticket modérateur (la part de la BR que la Sécurité sociale ne rembourse pas).{" "}
        {table.responsable
          ? "Contrat responsable : il rembourse au moins le ticket modérateur et le forfait journalier, et les équipements 100 % Santé sans reste à charge, même là où le tableau dit moins."
          : "Contrat non responsable : il ne rembourse que ce que dit le tableau."}
      </p>
      {table.network && <p data-testid="guarantee-network">{table.network}.</p>}
      <table className="guarantee-table">
        <caption className="visually-hidden">Garanties de l’offre, ligne par ligne</caption>
        <thead>
          <tr>
            <th scope="col">Garantie</th>
            <th scope="col">Remboursement</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.category} data-testid="guarantee-row">
              <th scope="row">{row.label}</th>
              <td>
                <ul className="plain-list">
                  {row.coverage.map((part) => (
                    <li key={part}>{part}</li>
                  ))}
                </ul>
                {row.byLaw && <p className="small">{row.byLaw}</p>}
                {row.inNetwork && <p className="small">Chez un partenaire du réseau : {row.inNetwork.join(" ; ")}</p>}
                {row.waiting && <p className="small warning-text">{row.waiting}</p>}
                {row.ceiling && <p className="small muted">{row.ceiling}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
