import Decimal from "decimal.js";
import type { Metadata } from "next";
import Link from "next/link";
import { InvalidLink } from "@/components/compare/invalid-link";
import type { OfferQuote } from "@/lib/engine";
import { comparePublicly } from "@/lib/compare/comparison-rate-limit";
import { decodeProfile } from "@/lib/compare/profile-url";
import { filtersFromParams, resultsQuery } from "@/lib/compare/result-filters";
import { quoteSelectedOffers } from "@/lib/compare/run-comparison";
import { formatEuros } from "@/lib/format";

export const metadata: Metadata = { title: "Offres côte à côte" };
export const dynamic = "force-dynamic";

const MAX_OFFERS = 3;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reste à charge per guarantee category, summed over the household. */
function racByCategory(quote: OfferQuote): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const beneficiary of quote.breakdown ?? []) {
    for (const category of beneficiary.categories) {
      sums.set(category.label, (sums.get(category.label) ?? new Decimal(0)).plus(category.rac));
    }
  }
  return sums;
}

export default async function SideBySidePage({ searchParams }: Props) {
  const query = await searchParams;
  const { p, offres } = query;
  const decoded = typeof p === "string" ? decodeProfile(p) : null;
  const ids = typeof offres === "string" ? [...new Set(offres.split(",").filter(Boolean))].slice(0, MAX_OFFERS) : [];
  if (!decoded?.ok || ids.length === 0) {
    return <InvalidLink title="Offres côte à côte" message="Ce lien ne contient pas de profil de soins valide ou aucune offre à comparer." />;
  }
  const outcome = await comparePublicly(() => quoteSelectedOffers(decoded.profile, ids));
  if (!outcome.ok) return <InvalidLink title="Offres côte à côte" message={outcome.message} />;
  const quotes = outcome.value;
  const perCategory = quotes.map(racByCategory);
  const categories = [...new Set(perCategory.flatMap((sums) => [...sums.keys()]))];
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
      {quotes.length < ids.length && <p className="muted">Certaines offres demandées ne sont plus au catalogue.</p>}
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
                  </Link>
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
                Reste à charge par poste (année saisie)
              </th>
            </tr>
            {categories.map((category) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {perCategory.map((sums, index) => (
                  <td key={quotes[index]!.offerId} className="num">
                    {formatEuros((sums.get(category) ?? new Decimal(0)).toFixed(2))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
