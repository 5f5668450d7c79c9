import type { SortKey } from "@/lib/engine";

/**
 * How the ranking is sorted and filtered. It lives in the page's URL next to the profile
 * (`/comparer?p=…&tri=rac&budget=80&reseau=1`), so a reload or a shared link shows the
 * same view; absent keys are the defaults, so a plain link stays short.
 */
export interface ResultFilters {
  sort: SortKey;
  /** The monthly budget as typed ("80", "79,90"); empty for none. */
  budget: string;
  networkOnly: boolean;
  noWaiting: boolean;
  responsableOnly: boolean;
}

export const DEFAULT_FILTERS: ResultFilters = { sort: "total", budget: "", networkOnly: false, noWaiting: false, responsableOnly: false };

const KEYS = { sort: "tri", budget: "budget", networkOnly: "reseau", noWaiting: "sans-carence", responsableOnly: "responsable" } as const;

/** A budget past this is surely a typo (the dearest demo offers are a few hundred euros a month for a family). */
const MAX_BUDGET_CENTS = 10_000_00;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return typeof value === "string" ? value : undefined;
}

/** The filters a URL asks for; anything unknown falls back to the default. */
export function filtersFromParams(params: Params): ResultFilters {
  const sort = read(params, KEYS.sort);
  return {
    sort: sort === "rac" || sort === "total" ? sort : DEFAULT_FILTERS.sort,
    budget: (read(params, KEYS.budget) ?? "").slice(0, 20),
    networkOnly: read(params, KEYS.networkOnly) === "1",
    noWaiting: read(params, KEYS.noWaiting) === "1",
    responsableOnly: read(params, KEYS.responsableOnly) === "1",
  };
}

/** The query string of a ranking: the profile, then only the filters that differ from the defaults. */
export function resultsQuery(encodedProfile: string, filters: ResultFilters): string {
  const params = new URLSearchParams({ p: encodedProfile });
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set(KEYS.sort, filters.sort);
  if (filters.budget.trim()) params.set(KEYS.budget, filters.budget.trim());
  if (filters.networkOnly) params.set(KEYS.networkOnly, "1");
  if (filters.noWaiting) params.set(KEYS.noWaiting, "1");
  if (filters.responsableOnly) params.set(KEYS.responsableOnly, "1");
  return params.toString();
}

export function hasActiveFilter(filters: ResultFilters): boolean {
  return filters.budget.trim() !== "" || filters.networkOnly || filters.noWaiting || filters.responsableOnly;
}

export type BudgetReading = { cents: number | null; error: null } | { cents: null; error: string };

/**
 * The monthly budget in cents, from French input ("80", "79,90", "1 000"); null when
 * empty. A budget that is not an amount, not above zero or absurdly high is refused
 * with a message saying what is expected, and filters nothing.
 */
export function readBudget(text: string): BudgetReading {
  const normalised = text.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "").replace(",", ".");
  if (normalised === "") return { cents: null, error: null };
  if (!/^-?\d+(\.\d{1,2})?$/.test(normalised)) {
    return { cents: null, error: "Budget : indiquez un montant en euros par mois, en chiffres (ex. 80 ou 79,90)." };
  }
  const cents = Math.round(Number(normalised) * 100);
  if (cents <= 0) return { cents: null, error: "Budget : indiquez un montant supérieur à 0 € par mois." };
  if (cents > MAX_BUDGET_CENTS) return { cents: null, error: "Budget : indiquez un montant de 10 000 € par mois au plus." };
  return { cents, error: null };
}
