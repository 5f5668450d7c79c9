"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { SaveProfile } from "@/components/account/save-profile";
import { CurrentContractCard, VersusCurrentContract } from "@/components/compare/current-contract";
import { WhenVisible } from "@/components/when-visible";
import { DEFAULT_FILTERS, hasActiveFilter, readBudget, resultsQuery, type ResultFilters, type ResultView } from "@/lib/compare/result-filters";
import type { ComparisonView } from "@/lib/compare/types";
import { formatCount, formatEuros, formatIsoDate, toCents } from "@/lib/format";
import { Pager } from "./pager";

// recharts is large and draws only in the browser: load it after the table.
const OfferCharts = dynamic(() => import("@/components/charts/offer-charts").then((module) => module.OfferCharts), {
  ssr: false,
  loading: () => <p className="muted">Chargement des graphiques…</p>,
});

const MAX_SELECTED = 3;
/** Typing a budget asks the server once the person pauses, not at every key. */
const BUDGET_PAUSE_MS = 350;

export function Results({
  result,
  view,
  onViewChange,
  linkProblems = [],
  suggestedName,
  signedIn = false,
}: {
  /** One page of the ranking, sorted and filtered by the server. */
  result: ComparisonView;
  /** Sort, filters and page asked for, kept in the URL by the parent (lib/compare/result-filters.ts). */
  view: ResultView;
  onViewChange: (view: ResultView) => void;
  /** What the page's link asked for that could not be applied, in French. */
  linkProblems?: string[];
  /** Proposed name when saving this profile ("Famille de 4, Paris"). */
  suggestedName: string;
  signedIn?: boolean;
}) {
  const { sort, networkOnly, noWaiting, responsableOnly, ownOnly } = view;
  // A new filter starts on the first page of what it leaves.
  const setFilter = (patch: Partial<ResultFilters>) => onViewChange({ ...view, ...patch, page: 1 });
  const resetFilters = () => {
    setBudgetText("");
    onViewChange({ ...DEFAULT_FILTERS, sort, page: 1 });
  };
  // The offers picked for side by side, with their names: they may be on other pages.
  const [selected, setSelected] = useState<{ id: string; name: string }[]>([]);
  const budgetErrorId = useId();

  // The field answers at once; the server is asked once the typing pauses, with the view
  // as it is then (a box ticked meanwhile is kept).
  const [budgetText, setBudgetText] = useState(view.budget);
  const latest = useRef({ view, onViewChange });
  useEffect(() => {
    latest.current = { view, onViewChange };
  });
  useEffect(() => {
    if (budgetText === latest.current.view.budget) return;
    const timer = setTimeout(() => latest.current.onViewChange({ ...latest.current.view, budget: budgetText, page: 1 }), BUDGET_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [budgetText]);
  const budget = readBudget(budgetText);

  const hidden = result.rankedCount - result.matchingCount;
  const filtered = hasActiveFilter(result.view);
  // The detail pages carry the sort, filters and page too, so their "back" link returns to this very view.
  const query = resultsQuery(result.encodedProfile, result.view);

  const toggleSelected = (offerId: string, name: string) =>
    setSelected((current) =>
      current.some((entry) => entry.id === offerId)
        ? current.filter((entry) => entry.id !== offerId)
        : current.length < MAX_SELECTED
          ? [...current, { id: offerId, name }]
          : current,
    );
  const isSelected = (offerId: string) => selected.some((entry) => entry.id === offerId);

  return (
    <section className="results" aria-labelledby="results-title" data-profile={result.encodedProfile} data-view={query}>
      <h2 id="results-title">
        {formatCount(result.rankedCount, "offre")} {result.rankedCount > 1 ? "classées" : "classée"} pour votre année de soins
      </h2>
      <p className="muted">
        Période simulée du {formatIsoDate(result.period.start)} au {formatIsoDate(result.period.end)} · barème {result.referenceVersion}
        {result.ineligibleCount > 0 &&
          ` · ${formatCount(result.ineligibleCount, "offre")} non ${result.ineligibleCount > 1 ? "proposées" : "proposée"} pour ce profil`}
      </p>
      <SaveProfile encodedProfile={result.encodedProfile} comparisonQuery={query} sort={result.view.sort} suggestedName={suggestedName} signedIn={signedIn} />

      {linkProblems.length > 0 && (
        <div className="card form-errors" role="alert" data-testid="link-problems">
          <p>Une partie des réglages de ce lien n’a pas pu être appliquée ; le classement est affiché sans eux.</p>
          <ul>
            {linkProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={resetFilters}>
            Réinitialiser les filtres
          </button>
        </div>
      )}

      {result.currentContract && <CurrentContractCard contract={result.currentContract} />}

      <div className="toolbar" role="group" aria-label="Classement et filtres">
        {result.ownOfferCount !== undefined && (
          <fieldset className="segmented">
            <legend>Offres classées</legend>
            <label>
              <input type="radio" name="scope" checked={!ownOnly} onChange={() => setFilter({ ownOnly: false })} /> Avec le catalogue
            </label>
            <label>
              <input type="radio" name="scope" checked={ownOnly} onChange={() => setFilter({ ownOnly: true })} /> Mes offres seulement
            </label>
          </fieldset>
        )}
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
                value={budgetText}
                onChange={(event) => setBudgetText(event.target.value)}
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
          {formatCount(result.matchingCount, "offre")}
          {filtered && `, ${formatCount(hidden, "offre")} ${hidden > 1 ? "masquées" : "masquée"} par les filtres`}
          {result.pageCount > 1 && ` · page ${result.view.page} sur ${result.pageCount}`}
        </p>
        {result.matchingCount === 0 && result.rankedCount > 0 && (
          <div className="card empty-filters" data-testid="no-offer-left">
            <p>
              Aucune offre ne correspond à ces filtres.
              {readBudget(result.view.budget).cents !== null &&
              result.cheapestMonthly !== null &&
              toCents(result.cheapestMonthly) > readBudget(result.view.budget).cents!
                ? ` La moins chère coûte ${formatEuros(result.cheapestMonthly)} par mois pour votre foyer.`
                : ""}
            </p>
            <button type="button" className="secondary" onClick={resetFilters}>
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
          <Link
            className="button primary"
            href={`/comparer/cote-a-cote?${query}&offres=${selected.map((entry) => entry.id).join(",")}`}
            aria-disabled={selected.length < 2}
          >
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
            {result.offers.map((offer) => (
              <tr
                key={offer.offerId}
                className={[offer.dominatedBy ? "dominated" : null, offer.ownership ? "own-offer" : null].filter(Boolean).join(" ") || undefined}
                data-testid="offer-row"
              >
                <td data-label="Rang">{offer.rank}</td>
                <th scope="row">
                  <Link href={`/comparer/offre/${offer.offerId}?${query}`}>
                    {offer.insurer} — {offer.formula}
                  </Link>
                  <div className="tags">
                    {offer.ownership === "current" && <span className="tag own">Mon contrat actuel</span>}
                    {offer.ownership === "own" && <span className="tag own">Mon offre</span>}
                    {offer.ownership === undefined && <span className="tag">Niveau {offer.level}</span>}
                    {offer.illustrative && <span className="tag">Assureur fictif</span>}
                    {!offer.responsable && <span className="tag warning">Non responsable</span>}
                    {offer.network && <span className="tag">Réseau {offer.network}</span>}
                    {offer.hasWaitingPeriod && <span className="tag">Délai de carence</span>}
                    {offer.dominatedBy && (
                      <span className="tag dominated-tag" title={`Moins chère et plus protectrice : ${result.dominatorNames[offer.dominatedBy]}`}>
                        Dominée par {result.dominatorNames[offer.dominatedBy]}
                      </span>
                    )}
                  </div>
                  {result.currentContract && <VersusCurrentContract offer={offer} contract={result.currentContract} />}
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
                      checked={isSelected(offer.offerId)}
                      disabled={!isSelected(offer.offerId) && selected.length >= MAX_SELECTED}
                      onChange={() => toggleSelected(offer.offerId, `${offer.insurer} — ${offer.formula}`)}
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
      <Pager page={result.view.page} pageCount={result.pageCount} onPage={(page) => onViewChange({ ...view, page })} />

      <div className="charts-slot">
        <WhenVisible placeholder={<p className="muted">Graphiques : faites défiler pour les afficher.</p>}>
          <OfferCharts pageOffers={result.offers} chart={result.chart} />
        </WhenVisible>
      </div>
    </section>
  );
}
