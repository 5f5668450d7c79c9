import { z } from "zod";
import type { SortKey } from "@/lib/engine";

/**
 * How the ranking is sorted, filtered and paged. It lives in the page's URL next to the
 * profile (`/comparer?p=…&tri=rac&budget=80&reseau=1&page=2`), so a reload or a shared
 * link shows the same view; absent keys are the defaults, so a plain link stays short.
 * The server applies it (lib/compare/ranking-view.ts): the browser receives one page.
 */
export interface ResultFilters {
  sort: SortKey;
  /** The monthly budget as typed ("80", "79,90"); empty for none. */
  budget: string;
  networkOnly: boolean;
  noWaiting: boolean;
  responsableOnly: boolean;
  /** « Mes offres seulement »: the signed-in person's own offers, without the catalogue. */
  ownOnly: boolean;
}

/** The filters and the page shown, from 1. */
export interface ResultView extends ResultFilters {
  page: number;
}

export const DEFAULT_FILTERS: ResultFilters = { sort: "total", budget: "", networkOnly: false, noWaiting: false, responsableOnly: false, ownOnly: false };
export const DEFAULT_VIEW: ResultView = { ...DEFAULT_FILTERS, page: 1 };

/** Offers on a page of the ranking; a caller may ask for fewer or more, up to MAX_PAGE_SIZE. */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Far past any catalogue's last page (a million offers at the smallest page size): a bound for the schema. */
const MAX_PAGE = 1_000_000;
const MAX_BUDGET_TEXT = 20;

const KEYS = { sort: "tri", budget: "budget", networkOnly: "reseau", noWaiting: "sans-carence", responsableOnly: "responsable", ownOnly: "mes-offres", page: "page" } as const;

/** A budget past this is surely a typo (the dearest demo offers are a few hundred euros a month for a family). */
const MAX_BUDGET_CENTS = 10_000_00;

/**
 * The view as the comparison action accepts it. The budget is the text typed: a budget
 * that readBudget refuses filters nothing (the page says why next to the field).
 */
export const resultViewSchema = z.object({
  sort: z.enum(["rac", "total"]).default(DEFAULT_VIEW.sort),
  budget: z.string().max(MAX_BUDGET_TEXT).default(""),
  networkOnly: z.boolean().default(false),
  noWaiting: z.boolean().default(false),
  responsableOnly: z.boolean().default(false),
  ownOnly: z.boolean().default(false),
  page: z.int().min(1).max(MAX_PAGE).default(1),
});

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined;
}

const flag = (name: string) => z.enum(["1", "0"], { error: `Le filtre « ${name} » de ce lien n’est pas compris.` });
const WHOLE_PAGE = "Le numéro de page de ce lien n’est pas un nombre entier à partir de 1.";
/** One schema per URL key, with the sentence a person reads when a link carries something else. */
const PARAM_SCHEMAS = {
  sort: z.enum(["rac", "total"], { error: "Le classement demandé par ce lien n’existe pas : coût total ou reste à charge attendu." }),
  budget: z
    .string()
    .refine((text) => text.length <= MAX_BUDGET_TEXT && readBudget(text).error === null, {
      error: (issue) => readBudget(String(issue.input)).error ?? "Budget : indiquez un montant en euros par mois, en chiffres (ex. 80 ou 79,90).",
    }),
  networkOnly: flag("avec réseau de soins"),
  noWaiting: flag("sans délai de carence"),
  responsableOnly: flag("contrats responsables seulement"),
  ownOnly: flag("mes offres seulement"),
  page: z.coerce.number({ error: WHOLE_PAGE }).int({ error: WHOLE_PAGE }).min(1, { error: WHOLE_PAGE }).max(MAX_PAGE, { error: WHOLE_PAGE }),
};

/**
 * The view a URL asks for, parsed on the server: each key that is absent takes its
 * default; each invalid one takes it too and adds a French sentence to `problems`, so the
 * page says what it left out instead of showing a view nobody asked for. An invalid
 * budget stays in `view.budget` as typed, so the field shows it with its message.
 */
export function viewFromParams(params: Params): { view: ResultView; problems: string[] } {
  const problems: string[] = [];
  const parse = <K extends keyof typeof PARAM_SCHEMAS>(key: K): z.output<(typeof PARAM_SCHEMAS)[K]> | undefined => {
    const raw = read(params, KEYS[key]);
    if (raw === undefined) return undefined;
    const parsed = PARAM_SCHEMAS[key].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof PARAM_SCHEMAS)[K]>;
    problems.push(parsed.error.issues[0]?.message ?? "Un réglage du classement de ce lien n’est pas compris.");
    return undefined;
  };
  const sort = parse("sort");
  parse("budget");
  const networkOnly = parse("networkOnly");
  const noWaiting = parse("noWaiting");
  const responsableOnly = parse("responsableOnly");
  const ownOnly = parse("ownOnly");
  const page = parse("page");
  return {
    view: {
      sort: sort ?? DEFAULT_VIEW.sort,
      budget: (read(params, KEYS.budget) ?? "").slice(0, MAX_BUDGET_TEXT),
      networkOnly: networkOnly === "1",
      noWaiting: noWaiting === "1",
      responsableOnly: responsableOnly === "1",
      ownOnly: ownOnly === "1",
      page: page ?? DEFAULT_VIEW.page,
    },
    problems,
  };
}

/** The view a URL asks for; anything invalid falls back to the default (the detail pages only carry it back). */
export function filtersFromParams(params: Params): ResultView {
  return viewFromParams(params).view;
}

/** The query string of a ranking: the profile, then only the filters (and page) that differ from the defaults. */
export function resultsQuery(encodedProfile: string, view: ResultFilters & { page?: number }): string {
  const params = new URLSearchParams({ p: encodedProfile });
  if (view.sort !== DEFAULT_FILTERS.sort) params.set(KEYS.sort, view.sort);
  if (view.budget.trim()) params.set(KEYS.budget, view.budget.trim());
  if (view.networkOnly) params.set(KEYS.networkOnly, "1");
  if (view.noWaiting) params.set(KEYS.noWaiting, "1");
  if (view.responsableOnly) params.set(KEYS.responsableOnly, "1");
  if (view.ownOnly) params.set(KEYS.ownOnly, "1");
  if (view.page !== undefined && view.page > 1) params.set(KEYS.page, String(view.page));
  return params.toString();
}

export function hasActiveFilter(filters: ResultFilters): boolean {
  return filters.budget.trim() !== "" || filters.networkOnly || filters.noWaiting || filters.responsableOnly || filters.ownOnly;
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
