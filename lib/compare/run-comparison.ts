import "server-only";
import { loadPublishedCatalogue } from "@/lib/catalogue/server";
import type { PublishedCatalogue } from "@/lib/catalogue";
import type { OfferQuote, QuoteOptions, SortKey, Split } from "@/lib/engine";
import { ceilingWorkPerOffer } from "@/lib/engine/work-budget";
import { leavingOption } from "@/lib/own-offers/leaving-date";
import type { OwnOffer } from "@/lib/own-offers/read-own-offers";
import { NETWORK_LABELS } from "@/lib/schemas/care-category";
import { centsToMoney, moneyToCents } from "@/lib/schemas/money";
import type { Offer } from "@/lib/schemas/offer";
import type { Profile } from "@/lib/schemas/profile";
import { quoteLooseOffersOffThread, quoteOffersOffThread, rankOffersOffThread } from "./engine-thread";
import { encodeProfile } from "./profile-url";
import { RecentRankings } from "./recent-rankings";
import { type CompactRanking, createCompactRanking, monthlyCents, type OfferFacts, selectView, type ViewSelection, withAddedOffers } from "./ranking-view";
import { PAGE_SIZE, readBudget, type ResultView } from "./result-filters";
import type { ChartPoint, ComparisonResult, ComparisonView, CurrentContract, OfferResult, RankedOffer } from "./types";

/**
 * Sampled years for the participation forfaitaire and franchises, which every offer
 * shares: 10 000 instead of the engine's default 50 000 cuts the fixed cost of a
 * comparison from ~55 ms to ~11 ms; it moves no ranking (the amount is the same for all
 * offers) and the expected figure by cents. The work allowed per offer on shared ceilings
 * is the ranking's (it depends on the catalogue's size), also when one offer is quoted.
 * Every page uses the same values, so the ranking, the explanation and the side-by-side
 * view show the same figures.
 */
function monteCarlo(catalogueSize: number): QuoteOptions["monteCarlo"] {
  return { deductionSampleCount: 10_000, ceilingWork: ceilingWorkPerOffer(catalogueSize) };
}

/** What a page shows of an offer beyond its ranking figures: computed for the offers shown only. */
interface ShownFigures {
  scenario: Split;
  badYearRac: string;
}

/** A profile's ranking as kept between requests: numbers, not one object per offer. */
interface KeptRanking {
  /** The published catalogue, then the requester's own offers when they have some. */
  catalogue: PublishedCatalogue;
  /** The published catalogue: what the engine threads hold (a person's own offers are quoted on their own). */
  published: PublishedCatalogue;
  encodedProfile: string;
  period: { start: string; end: string };
  referenceVersion: string;
  ineligibleCount: number;
  ranking: CompactRanking;
  /** By catalogue index, for the offers some page has shown. */
  shown: Map<number, ShownFigures>;
}

/**
 * Recent rankings of the current catalogue revision by profile, both sorts from one engine
 * run. After a submit the page is rendered again for its shareable URL, a shared link is
 * opened by several people, and every change of sort, filter or page asks for the same
 * ranking again: none of them runs the engine over the catalogue again. Each keeps two
 * numbers per offer (~160 kB on 10 000 offers), so the hundred kept stay within a few
 * tens of MB.
 */
const recentRankings = new RecentRankings<KeptRanking>(100);
/** Offers whose bad year a kept ranking remembers (above BAD_YEAR_FOR_ALL_MAX_OFFERS); past it, the pages seen are forgotten (and computed again if asked). */
const MAX_SHOWN_KEPT = 1000;

/**
 * The signed-in person's own offers (lib/own-offers), ranked with the catalogue for them
 * only; the stamp changes with any of their writes. Anonymous visitors have none.
 */
export interface OwnOffersForRanking {
  offers: readonly OwnOffer[];
  stamp: string;
}
export const NO_OWN_OFFERS: OwnOffersForRanking = { offers: [], stamp: "" };

/** A person's list (withOwnOffers): the published catalogue it starts with, and which of the offers after it are theirs. */
const ownOffersOf = new WeakMap<PublishedCatalogue, { published: PublishedCatalogue; marks: Map<string, "own" | "current"> }>();

/**
 * The offers a person's ranking lists: the published catalogue's, then their own (a copy
 * of the list, not of the offers). Only the published ones go to the engine threads as a
 * catalogue, which they keep compiled; the own offers are quoted on their own, so a
 * person's offers are never held as the catalogue's, nor seen by another person's request.
 */
function withOwnOffers(catalogue: PublishedCatalogue, own: OwnOffersForRanking): PublishedCatalogue {
  if (own.offers.length === 0) return catalogue;
  const combined: PublishedCatalogue = { ...catalogue, offers: [...catalogue.offers, ...own.offers.map((entry) => entry.offer)] };
  const marks = new Map(own.offers.map((entry) => [entry.offer.id, entry.currentContractSince === null ? ("own" as const) : ("current" as const)]));
  ownOffersOf.set(combined, { published: catalogue, marks });
  return combined;
}

/** The offers' facts of a list, and the index of an offer by id (a person's own first, as their ranking lists them last). */
interface ListFacts {
  facts: OfferFacts[];
  indexOf: (id: string) => number | undefined;
}

/** Per offer list: the published catalogue's, shared by every ranking of its revision, or a person's. */
const catalogueFacts = new WeakMap<PublishedCatalogue, ListFacts>();

function offerFacts(offer: Offer, illustrative: boolean, ownership: "own" | "current" | undefined): OfferFacts {
  return {
    id: offer.id,
    insurer: offer.insurer.name,
    formula: offer.formula,
    level: offer.level,
    responsable: offer.responsable,
    network: offer.network ? NETWORK_LABELS[offer.network.name] : null,
    hasWaitingPeriod: Object.values(offer.guarantees).some((guarantee) => guarantee.waitingMonths > 0),
    illustrative,
    ...(ownership ? { ownership } : {}),
  };
}

/**
 * A person's list reuses the published catalogue's facts and index, adding only their own
 * offers': each kept ranking of a person with own offers would otherwise hold 10 000 facts
 * and an index of its own (1.3 MB on the request thread for 10 000 offers, measured).
 */
function factsOf(catalogue: PublishedCatalogue): ListFacts {
  const known = catalogueFacts.get(catalogue);
  if (known) return known;
  let entry: ListFacts;
  const own = ownOffersOf.get(catalogue);
  if (own) {
    const base = factsOf(own.published);
    const start = own.published.offers.length;
    // A typed insurer name may match a fictitious one of the demo: only the catalogue's offers are illustrative.
    const added = catalogue.offers.slice(start).map((offer) => offerFacts(offer, false, own.marks.get(offer.id)));
    const addedIndex = new Map(added.map((fact, k) => [fact.id, start + k]));
    entry = { facts: base.facts.concat(added), indexOf: (id) => addedIndex.get(id) ?? base.indexOf(id) };
  } else {
    const illustrative = new Set(catalogue.insurers.filter((insurer) => insurer.illustrative).map((insurer) => insurer.name));
    const facts = catalogue.offers.map((offer) => offerFacts(offer, illustrative.has(offer.insurer.name), undefined));
    const index = new Map(facts.map((fact, position) => [fact.id, position]));
    entry = { facts, indexOf: (id) => index.get(id) };
  }
  catalogueFacts.set(catalogue, entry);
  return entry;
}

/**
 * The ranking of the published catalogue for a profile, scenario and expected figures;
 * on a large catalogue without the bad year (it needs every sampled year of every offer:
 * asked for the page shown only, see figuresShown).
 */
async function rankingFor(profile: Profile, own: OwnOffersForRanking): Promise<KeptRanking> {
  const catalogue = await loadPublishedCatalogue();
  const encodedProfile = encodeProfile(profile);
  const published = recentRankings.get(catalogue.revision, `|${encodedProfile}`, () => computeRanking(catalogue, profile, encodedProfile));
  if (own.offers.length === 0) return published;
  // The own offers' stamp in the key: one person's ranking is never served to another.
  return recentRankings.get(catalogue.revision, `${own.stamp}|${encodedProfile}`, async () => withOwnRanking(await published, profile, own));
}

/**
 * The published catalogue's ranking with the person's own offers merged in. They are
 * quoted on their own, with the catalogue's sampling (its size sets the work allowed per
 * offer), so a catalogue offer has the same figures with or without them. Sending the
 * catalogue with them to the engine threads instead had each thread receive and compile
 * 10 000 offers for that person, then again for the next visitor (a thread holds one
 * catalogue), with its kept line figures lost each time: measured on two threads, 109 ms
 * for the person and 62 ms for the next two visitors, against 9 and 35.5 ms now.
 */
async function withOwnRanking(base: KeptRanking, profile: Profile, own: OwnOffersForRanking): Promise<KeptRanking> {
  const catalogue = withOwnOffers(base.published, own);
  const { facts, indexOf } = factsOf(catalogue);
  const options: QuoteOptions = { sort: "total", breakdown: false, badYear: true, monteCarlo: monteCarlo(base.published.offers.length) };
  const quotes = await quoteLooseOffersOffThread(own.offers.map((entry) => entry.offer), profile, options);
  const shown = new Map(base.shown);
  const added = quotes.offers.map((quote) => {
    const index = indexOf(quote.offerId)!;
    shown.set(index, shownFigures(quote));
    return { index, premiumCents: moneyToCents(quote.annualPremium), racCents: moneyToCents(quote.expectedRac ?? quote.scenario.rac) };
  });
  return {
    ...base,
    catalogue,
    ranking: withAddedOffers(base.ranking, facts, added),
    ineligibleCount: base.ineligibleCount + quotes.ineligible.length,
    shown,
  };
}

/**
 * Up to this many offers, the ranking computes every offer's bad year at once: a second
 * engine call for the page would pay the profile's fixed cost (the sampled deductions)
 * again, more than the bad years of a few hundred offers cost (the demo's 52: one call
 * per comparison, as before paging).
 */
const BAD_YEAR_FOR_ALL_MAX_OFFERS = 500;

async function computeRanking(catalogue: PublishedCatalogue, profile: Profile, encodedProfile: string): Promise<KeptRanking> {
  const ranking = createCompactRanking(catalogue.offers.length);
  const shown = new Map<number, ShownFigures>();
  if (catalogue.offers.length > BAD_YEAR_FOR_ALL_MAX_OFFERS) {
    // The engine's figures only (rankOffers): by rank, the offers' catalogue indexes with
    // their premium and expected RAC in cents, no quote object per offer. The scenario and
    // bad year of the default view's first page (by total cost, no filter) come in the same
    // call, on the same sampled years; other pages' from figuresShown.
    const figures = await rankOffersOffThread(catalogue, profile, { sort: "total", monteCarlo: monteCarlo(catalogue.offers.length), quoteFirst: PAGE_SIZE });
    const dominatedBy = new Int32Array(catalogue.offers.length).fill(-1);
    figures.order.forEach((index, rank) => {
      ranking.premiumCents[index] = figures.annualPremium[rank]!;
      ranking.expectedRacCents[index] = figures.rac[rank]!;
      dominatedBy[index] = figures.dominatedBy[rank]!;
    });
    ranking.orders.total = figures.order;
    ranking.byPremium = figures.byPremium;
    ranking.dominatedBy = dominatedBy;
    const { indexOf } = factsOf(catalogue);
    for (const quote of figures.firstQuotes ?? []) shown.set(indexOf(quote.offerId)!, shownFigures(quote));
    return { catalogue, published: catalogue, encodedProfile, period: figures.period, referenceVersion: figures.referenceVersion, ineligibleCount: figures.ineligible.length, ranking, shown };
  }
  const options: QuoteOptions = { sort: "total", breakdown: false, badYear: true, monteCarlo: monteCarlo(catalogue.offers.length) };
  const result = await quoteOffersOffThread(catalogue, profile, options);
  const { indexOf } = factsOf(catalogue);
  const order = new Int32Array(result.offers.length);
  result.offers.forEach((quote, position) => {
    const index = indexOf(quote.offerId)!;
    ranking.premiumCents[index] = moneyToCents(quote.annualPremium);
    // Full mode always fills it: the engine leaves it null only in scenario mode.
    ranking.expectedRacCents[index] = moneyToCents(quote.expectedRac ?? quote.scenario.rac);
    order[position] = index;
    shown.set(index, shownFigures(quote));
  });
  ranking.orders.total = order;
  return {
    catalogue,
    published: catalogue,
    encodedProfile,
    period: result.period,
    referenceVersion: result.referenceVersion,
    ineligibleCount: result.ineligible.length,
    ranking,
    shown,
  };
}

/** The scenario and bad year of the page's offers, quoted with the bad year for those offers only. */
async function figuresShown(kept: KeptRanking, profile: Profile, indexes: readonly number[]): Promise<Map<number, ShownFigures>> {
  const { facts, indexOf } = factsOf(kept.catalogue);
  const missing = indexes.filter((index) => !kept.shown.has(index));
  if (missing.length > 0) {
    const catalogueSize = kept.published.offers.length;
    const options: QuoteOptions = { breakdown: false, badYear: true, monteCarlo: monteCarlo(catalogueSize) };
    const quotes = await quoteOnEngine(
      kept.published,
      missing.filter((index) => index < catalogueSize).map((index) => facts[index]!.id),
      missing.filter((index) => index >= catalogueSize).map((index) => kept.catalogue.offers[index]!),
      profile,
      options,
    );
    const quoted = quotes?.offers ?? [];
    if (kept.shown.size + quoted.length > MAX_SHOWN_KEPT) kept.shown.clear();
    for (const quote of quoted) kept.shown.set(indexOf(quote.offerId)!, shownFigures(quote));
  }
  return new Map(indexes.map((index) => [index, kept.shown.get(index)!]));
}

/**
 * Offers quoted with the published catalogue's sampling (`options`): the catalogue's by id
 * on its revision, which the engine threads hold compiled; a person's own on their own.
 */
async function quoteOnEngine(
  published: PublishedCatalogue,
  catalogueIds: readonly string[],
  ownOffers: readonly Offer[],
  profile: Profile,
  options: QuoteOptions,
): Promise<{ period: { start: string; end: string }; offers: OfferQuote[] } | null> {
  const results = await Promise.all([
    catalogueIds.length > 0 ? quoteOffersOffThread(published, profile, options, catalogueIds) : null,
    ownOffers.length > 0 ? quoteLooseOffersOffThread(ownOffers, profile, options) : null,
  ]);
  const quoted = results.filter((result) => result !== null);
  return quoted.length === 0 ? null : { period: quoted[0]!.period, offers: quoted.flatMap((result) => result.offers) };
}

function shownFigures(quote: OfferQuote): ShownFigures {
  const { price, secu, mutuelle, rac } = quote.scenario;
  return { scenario: { price, secu, mutuelle, rac }, badYearRac: quote.badYearRac ?? quote.scenario.rac };
}

function rankedOffer(kept: KeptRanking, selection: ViewSelection, index: number, rank: number): RankedOffer {
  const fact = factsOf(kept.catalogue).facts[index]!;
  const premium = kept.ranking.premiumCents[index]!;
  const rac = kept.ranking.expectedRacCents[index]!;
  const dominating = selection.dominatedBy[index]!;
  return {
    offerId: fact.id,
    ...(fact.ownership ? { ownership: fact.ownership } : {}),
    insurer: fact.insurer,
    illustrative: fact.illustrative,
    formula: fact.formula,
    level: fact.level,
    responsable: fact.responsable,
    network: fact.network,
    hasWaitingPeriod: fact.hasWaitingPeriod,
    rank,
    monthlyPremium: centsToMoney(monthlyCents(premium)),
    annualPremium: centsToMoney(premium),
    expectedRac: centsToMoney(rac),
    totalCost: centsToMoney(premium + rac),
    dominatedBy: dominating < 0 ? null : factsOf(kept.catalogue).facts[dominating]!.id,
  };
}

const OWNERSHIP_SUFFIX = { own: " (mon offre)", current: " (mon contrat actuel)" } as const;
/** "Insurer — formula", and whether it is the person's own, as the charts and the dominance tags name it. */
const offerLabel = (fact: OfferFacts) => `${fact.insurer} — ${fact.formula}${fact.ownership ? OWNERSHIP_SUFFIX[fact.ownership] : ""}`;

/** The current contract among the person's own offers, with its figures when it covers the profile. */
function currentContractOf(
  kept: KeptRanking,
  own: OwnOffersForRanking,
  shown: Map<number, ShownFigures>,
): CurrentContract | undefined {
  const current = own.offers.find((entry) => entry.currentContractSince !== null);
  if (!current?.currentContractSince) return undefined;
  const index = factsOf(kept.catalogue).indexOf(current.offer.id);
  const premium = index === undefined ? Number.NaN : kept.ranking.premiumCents[index]!;
  const rac = index === undefined ? Number.NaN : kept.ranking.expectedRacCents[index]!;
  const badYear = index === undefined ? undefined : shown.get(index)?.badYearRac;
  return {
    offerId: current.offer.id,
    name: `${current.offer.insurer.name} — ${current.offer.formula}`,
    since: current.currentContractSince,
    leaving: leavingOption(current.currentContractSince, kept.catalogue.day),
    ...(Number.isNaN(premium) || badYear === undefined
      ? {}
      : { figures: { annualPremium: centsToMoney(premium), expectedRac: centsToMoney(rac), totalCost: centsToMoney(premium + rac), badYearRac: badYear } }),
  };
}

/**
 * One page of the ranking of the published catalogue for a profile, sorted and filtered
 * on the server (lib/compare/ranking-view.ts); the engine runs over the catalogue once per
 * profile and catalogue revision, then once more for the page's bad years.
 */
export async function compareView(profile: Profile, view: ResultView, pageSize = PAGE_SIZE, own: OwnOffersForRanking = NO_OWN_OFFERS): Promise<ComparisonView> {
  const kept = await rankingFor(profile, own);
  const { facts, indexOf } = factsOf(kept.catalogue);
  // Someone without own offers who opens a « Mes offres seulement » link sees the catalogue.
  const ownOfferCount = facts.filter((fact, index) => fact.ownership !== undefined && !Number.isNaN(kept.ranking.premiumCents[index]!)).length;
  const filters = {
    sort: view.sort,
    budgetCents: readBudget(view.budget).cents,
    networkOnly: view.networkOnly,
    noWaiting: view.noWaiting,
    responsableOnly: view.responsableOnly,
    ownOnly: view.ownOnly && ownOfferCount > 0,
  };
  const selection = selectView(kept.ranking, facts, filters, view.page, pageSize);
  // The current contract's bad year too, wherever it ranks: every offer of the page is set against it.
  const currentIndex = own.offers.find((entry) => entry.currentContractSince !== null)?.offer.id;
  const currentRanked = currentIndex === undefined ? undefined : indexOf(currentIndex);
  const wanted = currentRanked === undefined || Number.isNaN(kept.ranking.premiumCents[currentRanked]!) ? selection.pageIndexes : [...selection.pageIndexes, currentRanked];
  const shown = await figuresShown(kept, profile, wanted);
  const offers: OfferResult[] = selection.pageIndexes.map((index, position) => ({
    ...rankedOffer(kept, selection, index, selection.pageStart + position + 1),
    ...shown.get(index)!,
  }));
  const dominatorNames: Record<string, string> = {};
  for (const index of selection.pageIndexes) {
    const dominating = selection.dominatedBy[index]!;
    if (dominating >= 0) dominatorNames[facts[dominating]!.id] = offerLabel(facts[dominating]!);
  }
  const point = (index: number): ChartPoint => ({
    offerId: facts[index]!.id,
    label: offerLabel(facts[index]!),
    premiumCents: kept.ranking.premiumCents[index]!,
    racCents: kept.ranking.expectedRacCents[index]!,
  });
  return {
    encodedProfile: kept.encodedProfile,
    period: kept.period,
    referenceVersion: kept.referenceVersion,
    view: { ...view, ownOnly: filters.ownOnly, page: selection.page },
    pageSize,
    pageCount: selection.pageCount,
    rankedCount: selection.rankedCount,
    matchingCount: selection.matching.length,
    ineligibleCount: kept.ineligibleCount,
    cheapestMonthly: selection.cheapestMonthlyCents === null ? null : centsToMoney(selection.cheapestMonthlyCents),
    offers,
    dominatorNames,
    chart: {
      frontier: selection.frontier.map(point),
      frontierOmitted: selection.frontierOmitted,
      beatenSample: selection.beatenSample.map(point),
      beatenCount: selection.beatenCount,
    },
    ...(ownOfferCount > 0 ? { ownOfferCount } : {}),
    ...(() => {
      const currentContract = currentContractOf(kept, own, shown);
      return currentContract ? { currentContract } : {};
    })(),
  };
}

/** The whole ranking of the published catalogue for a profile, without the bad year: what a saved profile remembers. */
export async function runComparison(profile: Profile, sort: SortKey): Promise<ComparisonResult> {
  const kept = await rankingFor(profile, NO_OWN_OFFERS);
  const { facts } = factsOf(kept.catalogue);
  const noFilter = { sort, budgetCents: null, networkOnly: false, noWaiting: false, responsableOnly: false, ownOnly: false };
  const selection = selectView(kept.ranking, facts, noFilter, 1, Math.max(1, kept.catalogue.offers.length));
  return {
    encodedProfile: kept.encodedProfile,
    sort,
    period: kept.period,
    referenceVersion: kept.referenceVersion,
    offers: Array.from(selection.matching, (index, position) => rankedOffer(kept, selection, index, position + 1)),
    ineligibleCount: kept.ineligibleCount,
  };
}

/** Offers of the published catalogue or of the person's own, quoted with their breakdown, with the ranking's sampling. */
async function quoteChosen(profile: Profile, offerIds: readonly string[], own: OwnOffersForRanking) {
  const catalogue = await loadPublishedCatalogue();
  const ownChosen = own.offers.map((entry) => entry.offer).filter((offer) => offerIds.includes(offer.id));
  const { indexOf } = factsOf(catalogue);
  const catalogueIds = offerIds.filter((id) => !ownChosen.some((offer) => offer.id === id) && indexOf(id) !== undefined);
  return quoteOnEngine(catalogue, catalogueIds, ownChosen, profile, { breakdown: true, monteCarlo: monteCarlo(catalogue.offers.length) });
}

/** One offer's full quote with the per-act breakdown, for the explanation page: a catalogue offer or one of the person's own. */
export async function explainOffer(
  profile: Profile,
  offerId: string,
  own: OwnOffersForRanking = NO_OWN_OFFERS,
): Promise<{ quote: OfferQuote; period: { start: string; end: string } } | null> {
  const result = await quoteChosen(profile, [offerId], own);
  const quote = result?.offers[0];
  return result && quote ? { quote, period: result.period } : null;
}

/** Two or three offers quoted with their breakdown, for the side-by-side page (the person's own offers among them if theirs). */
export async function quoteSelectedOffers(profile: Profile, offerIds: readonly string[], own: OwnOffersForRanking = NO_OWN_OFFERS): Promise<OfferQuote[]> {
  const quotes = (await quoteChosen(profile, offerIds, own))?.offers ?? [];
  // In the order the person picked them.
  return offerIds.flatMap((id) => quotes.filter((quote) => quote.offerId === id));
}
