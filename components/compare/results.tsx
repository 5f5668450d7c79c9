"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { SaveProfile } from "@/components/account/save-profile";
import { WhenVisible } from "@/components/when-visible";
import type { ComparisonResult, OfferResult } from "@/lib/compare/types";
import type { SortKey } from "@/lib/engine";
import { rankOrder } from "@/lib/engine/ranking";
import { DEFAULT_FILTERS, hasActiveFilter, readBudget, resultsQuery, type ResultFilters } from "@/lib/compare/result-filters";
import { formatCount, formatEuros, formatIsoDate, toCents } from "@/lib/format";

// recharts is large and draws only in the browser: load it after the table.
const OfferCharts = dynamic(() => import("@/components/charts/offer-charts").then((module) => module.OfferCharts), {
  ssr: false,
  loading: () => <p className="muted">Chargement des graphiques…</p>,
});

const MAX_SELECTED = 3;
const NO_OFFERS: OfferResult[] = [];
const SHOWN_STEP = 20;

/** The engine's own ranking order (key, then the other figure, then offer id). */
function sortOffers(offers: readonly OfferResult[], sort: SortKey): OfferResult[] {
  const entries = offers.map((offer) => ({ id: offer.offerId, premium: toCents(offer.annualPremium), rac: toCents(offer.expectedRac), value: offer }));
  return rankOrder(entries, sort).map((entry) => entry.value);
}

export function Results({
  result,
  filters,
  onFiltersChange,
  suggestedName,
  signedIn = false,
}: {
  result: ComparisonResult;
  /** Sort and filters, kept in the URL by the parent (lib/compare/result-filters.ts). */
  filters: ResultFilters;
  onFiltersChange: (filters: ResultFilters) => void;
  /** Proposed name when saving this profile ("Famille de 4, Paris"). */
  suggestedName: string;
  signedIn?: boolean;
}) {
  const { sort, budget: maxMonthly, networkOnly, noWaiting, responsableOnly } = filters;
  const setFilter = (patch: Partial<ResultFilters>) => onFiltersChange({ ...filters, ...patch });
  const [shown, setShown] = useState(SHOWN_STEP);
  const [selected, setSelected] = useState<string[]>([]);
  const budgetErrorId = useId();

  const budget = readBudget(maxMonthly);
  const budgetCents = budget.cents;
  const visible = useMemo(
    () =>
      sortOffers(result.offers, sort).filter(
        (offer) =>
          (budgetCents === null || toCents(offer.monthlyPremium) <= budgetCents) &&
          (!networkOnly || offer.network !== null) &&
          (!noWaiting || !offer.hasWaitingPeriod) &&
          (!responsableOnly || offer.responsable),
      ),
    [result.offers, sort, budgetCents, networkOnly, noWaiting, responsableOnly],
  );
  const cheapestMonthly = result.offers.reduce<string | null>(
    (cheapest, offer) => (cheapest === null || toCents(offer.monthlyPremium) < toCents(cheapest) ? offer.monthlyPremium : cheapest),
    null,
  );
  // The charts take longer to draw than the table: they follow it, in a render React may interrupt.
  const chartOffers = useDeferredValue(visible, NO_OFFERS);
  const names = new Map(result.offers.map((offer) => [offer.offerId, `${offer.insurer} — ${offer.formula}`]));
  // The detail pages carry the sort and filters too, so their "back" link returns to this very view.
  const query = resultsQuery(result.encodedProfile, filters);

  const toggleSelected = (offerId: string) =>
    setSelected((current) =>
      current.includes(offerId) ? current.filter((id) => id !== offerId) : current.length < MAX_SELECTED ? [...current, offerId] : current,
    );

  return (
    <section className="results" aria-labelledby="results-title" data-profile={result.encodedProfile}>
      <h2 id="results-title">
        {formatCount(result.offers.length, "offre")} {result.offers.length > 1 ? "classées" : "classée"} pour votre année de soins
      </h2>
      <p className="muted">
        Période simulée du {formatIsoDate(result.period.start)} au {formatIsoDate(result.period.end)} · barème {result.referenceVersion}
        {result.ineligibleCount > 0 &&
          ` · ${formatCount(result.ineligibleCount, "offre")} non ${result.ineligibleCount > 1 ? "proposées" : "proposée"} pour ce profil`}
      </p>
      <SaveProfile encodedProfile={result.encodedProfile} comparisonQuery={query} sort={sort} suggestedName={suggestedName} signedIn={signedIn} />

      <div className="toolbar" role="group" aria-label="Classement et filtres">
        <fieldset className="segmented">
          <legend>Classer par</legend>
          <label>
            <input type="radio" name="sort" value="total" checked={sort === "total"} onChange={() => setFilter({ sort: "total" })} /> Coût total
            (cotisation + reste à charge)
          </label>
          <label>
            <input type="radio" name="sort" value="rac" checked={sort === "rac"} onChange={() => setFilter({ sort: "rac" })} /> Reste à charge attendu
          </label>
        </fieldset>
        <div className="filters">
          <div className="budget-filter">
            <label>
              Budget maximum par mois (€)
              <input
                inputMode="decimal"
                value={maxMonthly}
                onChange={(event) => setFilter({ budget: event.target.value })}
                placeholder="ex. 80"
                aria-invalid={budget.error ? true : undefined}
                aria-describedby={budget.error ? budgetErrorId : undefined}
              />
            </label>
            {budget.error && (
              <span className="field-error" id={budgetErrorId}>
                {budget.error}
              </span>
            )}
          </div>
          <label>
            <input type="checkbox" checked={networkOnly} onChange={(event) => setFilter({ networkOnly: event.target.checked })} /> Avec réseau de soins
          </label>
          <label>
            <input type="checkbox" checked={noWaiting} onChange={(event) => setFilter({ noWaiting: event.target.checked })} /> Sans délai de carence
          </label>
          <label>
            <input type="checkbox" checked={responsableOnly} onChange={(event) => setFilter({ responsableOnly: event.target.checked })} /> Contrats
            responsables seulement
          </label>
        </div>
      </div>

      <div aria-live="polite">
        <p className="muted" data-testid="visible-count">
          {formatCount(visible.length, "offre")} {visible.length > 1 ? "affichées" : "affichée"}
          {hasActiveFilter(filters) && ` sur ${result.offers.length}`}
        </p>
        {visible.length === 0 && result.offers.length > 0 && (
          <div className="card empty-filters" data-testid="no-offer-left">
            <p>
              Aucune offre ne correspond à ces filtres.
              {budgetCents !== null && cheapestMonthly !== null && toCents(cheapestMonthly) > budgetCents
                ? ` La moins chère coûte ${formatEuros(cheapestMonthly)} par mois pour votre foyer.`
                : ""}
            </p>
            <button type="button" className="secondary" onClick={() => onFiltersChange({ ...DEFAULT_FILTERS, sort })}>
              Réinitialiser les filtres
            </button>
          </div>
        )}
      </div>

      {selected.length > 0 && (
        <div className="compare-bar" role="region" aria-label="Comparaison côte à côte">
          <span>
            {formatCount(selected.length, "offre")} {selected.length > 1 ? "choisies" : "choisie"} sur {MAX_SELECTED}
          </span>
          <Link className="button primary" href={`/comparer/cote-a-cote?${query}&offres=${selected.join(",")}`} aria-disabled={selected.length < 2}>
            Comparer côte à côte
          </Link>
        </div>
      )}

      <div className="table-scroll">
        <table className="offers-table">
          <caption className="visually-hidden">Offres classées ; montants annuels pour tout le foyer</caption>
          <thead>
            <tr>
              <th scope="col">Rang</th>
              <th scope="col">Offre</th>
              <th scope="col">Cotisation</th>
              <th scope="col">Reste à charge attendu</th>
              <th scope="col">Mauvaise année (9 sur 10)</th>
              <th scope="col">Coût total</th>
              <th scope="col">Choisir</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, shown).map((offer, index) => (
              <tr key={offer.offerId} className={offer.dominatedBy ? "dominated" : undefined} data-testid="offer-row">
                <td data-label="Rang">{index + 1}</td>
                <th scope="row">
                  <Link href={`/comparer/offre/${offer.offerId}?${query}`}>
                    {offer.insurer} — {offer.formula}
                  </Link>
                  <div className="tags">
                    <span className="tag">Niveau {offer.level}</span>
                    {offer.illustrative && <span className="tag">Assureur fictif</span>}
                    {!offer.responsable && <span className="tag warning">Non responsable</span>}
                    {offer.network && <span className="tag">Réseau {offer.network}</span>}
                    {offer.hasWaitingPeriod && <span className="tag">Délai de carence</span>}
                    {offer.dominatedBy && (
                      <span className="tag dominated-tag" title={`Moins chère et plus protectrice : ${names.get(offer.dominatedBy)}`}>
                        Dominée par {names.get(offer.dominatedBy)}
                      </span>
                    )}
                  </div>
                </th>
                <td data-label="Cotisation">
                  {formatEuros(offer.annualPremium)}
                  <span className="muted small"> / an · {formatEuros(offer.monthlyPremium)} / mois</span>
                </td>
                <td data-label="Reste à charge attendu">{formatEuros(offer.expectedRac)}</td>
                <td data-label="Mauvaise année">{formatEuros(offer.badYearRac)}</td>
                <td data-label="Coût total">
                  <strong>{formatEuros(offer.totalCost)}</strong>
                </td>
                <td data-label="Choisir">
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={selected.includes(offer.offerId)}
                      disabled={!selected.includes(offer.offerId) && selected.length >= MAX_SELECTED}
                      onChange={() => toggleSelected(offer.offerId)}
                    />
                    <span className="visually-hidden">
                      Choisir {offer.insurer} — {offer.formula} pour la comparaison côte à côte
                    </span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + SHOWN_STEP)}>
          Afficher {Math.min(SHOWN_STEP, visible.length - shown)} offres de plus
        </button>
      )}

      <div className="charts-slot">
        <WhenVisible placeholder={<p className="muted">Graphiques : faites défiler pour les afficher.</p>}>
          <OfferCharts offers={chartOffers} />
        </WhenVisible>
      </div>
    </section>
  );
}
