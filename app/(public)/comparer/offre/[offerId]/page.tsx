import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvalidLink } from "@/components/compare/invalid-link";
import { SplitCells } from "@/components/compare/split-cells";
import { comparePublicly } from "@/lib/compare/comparison-rate-limit";
import { groupRepeatedActs } from "@/lib/compare/group-acts";
import { decodeProfile } from "@/lib/compare/profile-url";
import { filtersFromParams, resultsQuery } from "@/lib/compare/result-filters";
import { getOffer, isWithdrawnOffer } from "@/lib/catalogue/server";
import { GuaranteeTable } from "@/components/offers/guarantee-table";
import { explainOffer } from "@/lib/compare/run-comparison";
import { ownOffersOfRequester } from "@/lib/own-offers/server";
import { ExpectedAndEnteredNote } from "@/components/compare/expected-note";
import { OwnOfferTag, ownershipOf } from "@/components/compare/own-offer-tag";
import { deName, formatCount, formatEuros, formatIsoDate, formatMean } from "@/lib/format";
import { SECTOR_LABELS } from "@/lib/schemas/care-category";

type Props = { params: Promise<{ offerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** With a profile, the page explains a reste à charge; without one, it shows the tableau de garanties. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { p } = await searchParams;
  return { title: typeof p === "string" ? "Le détail du reste à charge, acte par acte" : "Le tableau de garanties d’une offre" };
}
export const dynamic = "force-dynamic";

export default async function OfferExplanationPage({ params, searchParams }: Props) {
  const { offerId } = await params;
  const query = await searchParams;
  const { p } = query;
  if (typeof p !== "string") return <OfferWithoutProfile offerId={offerId} />;
  const decoded = decodeProfile(p);
  if (!decoded.ok) return <InvalidLink title="Détail d’une offre" message={decoded.message} />;
  const own = await ownOffersOfRequester();
  const [outcome, stored] = await Promise.all([comparePublicly(() => explainOffer(decoded.profile, offerId, own)), getOffer(offerId)]);
  if (!outcome.ok) return <InvalidLink title="Détail d’une offre" message={outcome.message} />;
  const explained = outcome.value;
  const back = `/comparer?${resultsQuery(p, filtersFromParams(query))}`;
  if (!explained) {
    if (!(await isWithdrawnOffer(offerId))) notFound();
    return <WithdrawnOffer back={back} backLabel="Voir le classement des offres proposées aujourd’hui pour ce profil" />;
  }
  const { quote, period } = explained;

  return (
    <>
      <p>
        <Link href={back}>← Retour au classement</Link>
      </p>
      <h1>
        {quote.insurer} — {quote.formula} <OwnOfferTag ownership={ownershipOf(own, offerId)} />
      </h1>
      {ownershipOf(own, offerId) && <p className="muted">Offre saisie par vous d’après vos documents : elle n’est visible que de vous.</p>}
      <dl className="key-figures">
        <div>
          <dt>Cotisation annuelle</dt>
          <dd>{formatEuros(quote.annualPremium)}</dd>
        </div>
        <div>
          <dt>Reste à charge de l’année saisie</dt>
          <dd>{formatEuros(quote.scenario.rac)}</dd>
        </div>
        <div>
          <dt>Reste à charge attendu</dt>
          <dd>
            {formatEuros(quote.expectedRac ?? quote.scenario.rac)}
            {quote.expectedMethod === "bounded" && quote.expectedMaxError && (
              <span className="muted small"> (calcul approché, à {formatEuros(quote.expectedMaxError)} près)</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Mauvaise année (9 sur 10)</dt>
          <dd>{formatEuros(quote.badYearRac ?? quote.scenario.rac)}</dd>
        </div>
        <div>
          <dt>Coût total attendu</dt>
          <dd>{formatEuros(quote.totalCost)}</dd>
        </div>
      </dl>
      <ExpectedAndEnteredNote />
      <p className="muted">
        Période du {formatIsoDate(period.start)} au {formatIsoDate(period.end)}. Chaque ligne vérifie : prix facturé =
        Sécurité sociale + mutuelle + reste à charge, au centime.
      </p>

      {(quote.breakdown ?? []).map((beneficiary) =>
        beneficiary.expected ? (
          <section key={beneficiary.beneficiaryIndex} className="card" data-testid="expected-by-line">
            <h2>{beneficiary.label} : chaque soin, en moyenne sur une année (attendu)</h2>
            <div className="table-scroll">
              <table className="breakdown">
                <caption className="visually-hidden">Chiffres attendus par soin pour {beneficiary.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Soin (nombre moyen par an)</th>
                    <th scope="col" className="num">Facturé</th>
                    <th scope="col" className="num">Sécu</th>
                    <th scope="col" className="num">Mutuelle</th>
                    <th scope="col" className="num">Reste à charge attendu</th>
                    <th scope="col" className="num">Année saisie : actes, reste à charge</th>
                  </tr>
                </thead>
                {beneficiary.categories.map((category) => (
                  <tbody key={category.guarantee}>
                    <tr className="category-row">
                      <th scope="rowgroup">{category.label}</th>
                      <SplitCells split={category.expected!} strong />
                      <td className="num">{formatEuros(category.rac)}</td>
                    </tr>
                    {category.lines.map((line) => (
                      <tr key={line.lineIndex} data-testid="expected-line">
                        <td>
                          {line.label}
                          {line.sector && <span className="muted small"> · {SECTOR_LABELS[line.sector]}</span>}
                          <span className="muted small"> · {formatMean(line.expected!.count)} par an</span>
                        </td>
                        <SplitCells split={line.expected!} />
                        <td className="num">
                          {formatCount(line.count, "acte")} · {formatEuros(line.rac)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
                <tfoot>
                  <tr>
                    <th scope="row">Total {beneficiary.label}</th>
                    <SplitCells split={beneficiary.expected} strong />
                    <th className="num">{formatEuros(beneficiary.rac)}</th>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        ) : null,
      )}

      <h2>L’année saisie, acte par acte</h2>

      {quote.scenario.reasons.length > 0 && (
        <section className="card">
          <h2>Pourquoi il vous reste {formatEuros(quote.scenario.rac)} à payer</h2>
          <ul className="reasons">
            {quote.scenario.reasons.map((reason) => (
              <li key={reason.reason}>
                <strong>{formatEuros(reason.amount)}</strong> — {reason.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(quote.breakdown ?? []).map((beneficiary) => (
        <section key={beneficiary.beneficiaryIndex} className="card">
          <h2>
            {beneficiary.label} <span className="muted small">cotisation {formatEuros(beneficiary.annualPremium)} / an</span>
          </h2>
          <div className="table-scroll">
            <table className="breakdown">
              <caption className="visually-hidden">Détail des remboursements {deName(beneficiary.label)}</caption>
              <thead>
                <tr>
                  <th scope="col">Soin</th>
                  <th scope="col" className="num">Facturé</th>
                  <th scope="col" className="num">Sécu</th>
                  <th scope="col" className="num">Mutuelle</th>
                  <th scope="col" className="num">Reste à charge</th>
                  <th scope="col">Pourquoi</th>
                </tr>
              </thead>
              {beneficiary.categories.map((category) => (
                <tbody key={category.guarantee}>
                  <tr className="category-row">
                    <th scope="rowgroup">{category.label}</th>
                    <SplitCells split={category} strong />
                    <td />
                  </tr>
                  {category.lines.map((line) =>
                    groupRepeatedActs(line.acts).map((group) => (
                      <tr key={`${line.lineIndex}-${group.firstDate}`}>
                        <td>
                          {line.label}
                          {line.sector && <span className="muted small"> · {SECTOR_LABELS[line.sector]}</span>}
                          <span className="muted small">
                            {group.count === 1
                              ? ` · ${formatIsoDate(group.firstDate)}`
                              : ` · ${group.count} actes du ${formatIsoDate(group.firstDate)} au ${formatIsoDate(group.lastDate)}, ${formatEuros(group.each.price)} facturés chacun`}
                          </span>
                        </td>
                        <SplitCells split={group} />
                        <td className="small">
                          {group.reasons.map((reason) => `${formatEuros(reason.amount)} : ${reason.message}`).join(" ; ") || "—"}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row">Total {beneficiary.label}</th>
                  <SplitCells split={beneficiary} strong />
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ))}
      {/* The requester's own offer (never another person's: `own` is read from the session), else the catalogue's. */}
      {(() => {
        const tableOffer = own.offers.find((entry) => entry.offer.id === offerId)?.offer ?? stored?.offer;
        return tableOffer ? <GuaranteeTable offer={tableOffer} /> : null;
      })()}
    </>
  );
}

function WithdrawnOffer({ back, backLabel }: { back: string; backLabel: string }) {
  return (
    <section className="card" aria-labelledby="withdrawn-title">
      <h1 id="withdrawn-title">Cette offre n’est plus proposée</h1>
      <p>L’assureur ne la propose plus, ou plus à cette date : elle a été retirée du catalogue depuis que ce lien a été créé.</p>
      <p>
        <Link href={back}>{backLabel}</Link>
      </p>
    </section>
  );
}

/** Opened without a profile (a link to the offer alone): its tableau de garanties, and an invitation to compare. */
async function OfferWithoutProfile({ offerId }: { offerId: string }) {
  // The requester's own offer first (read from the session, never from the link), else the catalogue's.
  const [own, stored] = await Promise.all([ownOffersOfRequester(), getOffer(offerId)]);
  const offer = own.offers.find((entry) => entry.offer.id === offerId)?.offer ?? stored?.offer;
  if (!offer) {
    if (!(await isWithdrawnOffer(offerId))) notFound();
    return <WithdrawnOffer back="/comparer" backLabel="Comparer les offres proposées aujourd’hui" />;
  }
  return (
    <>
      <h1>
        {offer.insurer.name} — {offer.formula} <OwnOfferTag ownership={ownershipOf(own, offerId)} />
      </h1>
      <p className="card" data-testid="compare-invitation">
        Pour savoir ce que cette offre vous laisserait à payer, décrivez votre année de soins : le comparateur calcule, pour chaque
        offre, la cotisation et le reste à charge, acte par acte. <Link href="/comparer">Comparer avec mon profil de soins</Link>
      </p>
      <GuaranteeTable offer={offer} />
    </>
  );
}
