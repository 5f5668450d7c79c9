import type { Metadata } from "next";
import Link from "next/link";
import { InvalidLink } from "@/components/compare/invalid-link";
import type { OfferQuote } from "@/lib/engine";
import { comparePublicly } from "@/lib/compare/comparison-rate-limit";
import { decodeProfile } from "@/lib/compare/profile-url";
import { filtersFromParams, resultsQuery } from "@/lib/compare/result-filters";
import { quoteSelectedOffers } from "@/lib/compare/run-comparison";
import { ownOffersOfRequester } from "@/lib/own-offers/server";
import { ExpectedAndEnteredNote } from "@/components/compare/expected-note";
import { OwnOfferTag, ownershipOf } from "@/components/compare/own-offer-tag";
import { formatEuros, formatMean } from "@/lib/format";

export const metadata: Metadata = { title: "Offres côte à côte" };
export const dynamic = "force-dynamic";

const MAX_OFFERS = 3;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One row per care line of the household: who, what, how often. The same for every offer. */
interface CareRow {
  key: string;
  label: string;
}

/** Per care line (beneficiary index, line index): expected and year-as-entered reste à charge. */
function racByLine(quote: OfferQuote): Map<string, { expected: string; entered: string }> {
  const byLine = new Map<string, { expected: string; entered: string }>();
  for (const beneficiary of quote.breakdown ?? []) {
    for (const category of beneficiary.categories) {
      for (const line of category.lines) {
        byLine.set(`${beneficiary.beneficiaryIndex}-${line.lineIndex}`, { expected: line.expected?.rac ?? line.rac, entered: line.rac });
      }
    }
  }
  return byLine;
}

/** The care lines in the profile's order (the breakdown groups them by guarantee). */
function careRows(quote: OfferQuote | undefined, multiplePeople: boolean): CareRow[] {
  const rows: { beneficiary: number; line: number; row: CareRow }[] = [];
  for (const beneficiary of quote?.breakdown ?? []) {
    for (const category of beneficiary.categories) {
      for (const line of category.lines) {
        const who = multiplePeople ? `${beneficiary.label} · ` : "";
        rows.push({
          beneficiary: beneficiary.beneficiaryIndex,
          line: line.lineIndex,
          row: { key: `${beneficiary.beneficiaryIndex}-${line.lineIndex}`, label: `${who}${line.label} (${formatMean(line.expected?.count ?? line.count)} par an)` },
        });
      }
    }
  }
  return rows.sort((a, b) => a.beneficiary - b.beneficiary || a.line - b.line).map(({ row }) => row);
}

export default async function SideBySidePage({ searchParams }: Props) {
  const query = await searchParams;
  const { p, offres } = query;
  const decoded = typeof p === "string" ? decodeProfile(p) : null;
  const ids = typeof offres === "string" ? [...new Set(offres.split(",").filter(Boolean))].slice(0, MAX_OFFERS) : [];
  if (!decoded?.ok || ids.length === 0) {
    return <InvalidLink title="Offres côte à côte" message="Ce lien ne contient pas de profil de soins valide ou aucune offre à comparer." />;
  }
  const own = await ownOffersOfRequester();
  const outcome = await comparePublicly(() => quoteSelectedOffers(decoded.profile, ids, own));
  if (!outcome.ok) return <InvalidLink title="Offres côte à côte" message={outcome.message} />;
  const quotes = outcome.value;
  const perLine = quotes.map(racByLine);
  const lines = careRows(quotes[0], (quotes[0]?.breakdown?.length ?? 0) > 1);
  const rows: [string, (quote: OfferQuote) => string][] = [
    ["Cotisation annuelle", (quote) => quote.annualPremium],
    ["Reste à charge de l’année saisie", (quote) => quote.scenario.rac],
    ["Reste à charge attendu", (quote) => quote.expectedRac ?? quote.scenario.rac],
    ["Mauvaise année (9 sur 10)", (quote) => quote.badYearRac ?? quote.scenario.rac],
    ["Coût total attendu", (quote) => quote.totalCost],
  ];

  return (
    <>
      <p>
        <Link href={`/comparer?${resultsQuery(p as string, filtersFromParams(query))}`}>← Retour au classement</Link>
      </p>
      <h1>Offres côte à côte</h1>
      {quotes.length < ids.length && <p className="muted">Certaines offres demandées ne sont plus au catalogue, ou ne sont pas les vôtres.</p>}
      <ExpectedAndEnteredNote />
      <div className="table-scroll">
        <table className="side-by-side">
          <caption className="visually-hidden">Comparaison de {quotes.length} offres</caption>
          <thead>
            <tr>
              <td />
              {quotes.map((quote) => (
                <th scope="col" key={quote.offerId}>
                  <Link href={`/comparer/offre/${quote.offerId}?${resultsQuery(p as string, filtersFromParams(query))}`}>
                    {quote.insurer} — {quote.formula}
                  </Link>{" "}
                  <OwnOfferTag ownership={ownershipOf(own, quote.offerId)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {quotes.map((quote) => (
                  <td key={quote.offerId} className="num">
                    {formatEuros(value(quote))}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="category-row">
              <th scope="rowgroup" colSpan={quotes.length + 1}>
                Reste à charge par soin : attendu (année saisie)
              </th>
            </tr>
            {lines.map((line) => (
              <tr key={line.key} data-testid="side-by-side-line">
                <th scope="row">{line.label}</th>
                {perLine.map((byLine, index) => {
                  const figures = byLine.get(line.key);
                  return (
                    <td key={quotes[index]!.offerId} className="num">
                      {figures ? (
                        <>
                          {formatEuros(figures.expected)} <span className="muted small">({formatEuros(figures.entered)})</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
