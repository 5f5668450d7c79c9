import "server-only";
import { cssOptionOf, planCss, type CssResult } from "@/lib/engine/css";
import type { Money } from "@/lib/schemas/money";
import type { Profile } from "@/lib/schemas/profile";
import { quoteLooseOffersOffThread } from "./engine-thread";
import type { ResultView } from "./result-filters";
import { compareView, type OwnOffersForRanking } from "./run-comparison";
import type { ComparisonView } from "./types";

/**
 * The Complémentaire santé solidaire for a profile and its household's resources: the
 * engine's plan, quoted on the engine's threads like any offer. Everyone under the CSS
 * is exempt from the participation forfaitaire and franchises, so the shared deduction
 * years are few (10 000, as the ranking's).
 */
export async function cssOptionFor(profile: Profile, householdResources: Money): Promise<CssResult> {
  const plan = planCss(profile, householdResources);
  if (!("offer" in plan)) return plan.eligibility;
  const quote = (await quoteLooseOffersOffThread([plan.offer], plan.profile, { breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } }))
    .offers[0]!;
  return cssOptionOf(profile, plan.eligibility, quote, plan.substitutions);
}

/**
 * A page of the ranking, and beside it the CSS when the resources are given. The ranking
 * is kept by profile (compareView); the CSS is not, so the resources are in no cache key.
 */
export async function compareViewWithCss(
  profile: Profile,
  view: ResultView,
  pageSize: number,
  own: OwnOffersForRanking,
  householdResources?: Money,
): Promise<ComparisonView> {
  const [ranking, css] = await Promise.all([
    compareView(profile, view, pageSize, own),
    householdResources === undefined ? null : cssOptionFor(profile, householdResources),
  ]);
  return css ? { ...ranking, css } : ranking;
}
