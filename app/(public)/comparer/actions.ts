"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { countComparison } from "@/lib/compare/comparison-rate-limit";
import { MAX_PAGE_SIZE, PAGE_SIZE, resultViewSchema } from "@/lib/compare/result-filters";
import { compareViewWithCss } from "@/lib/compare/css-option";
import { ownOffersOfRequester } from "@/lib/own-offers/server";
import type { ComparisonView } from "@/lib/compare/types";
import { householdResourcesSchema, profileSchema } from "@/lib/schemas/profile";

/** The profile, then the view (sort, filters, page) at the top level, as the first version's `{ profile, sort }` was. */
const compareInputSchema = resultViewSchema.extend({
  profile: profileSchema,
  pageSize: z.int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE),
  householdResources: householdResourcesSchema.optional(),
});

const compare = publicAction(compareInputSchema, async ({ profile, pageSize, householdResources, ...view }) => {
  await countComparison();
  return compareViewWithCss(profile, view, pageSize, await ownOffersOfRequester(), householdResources);
});

/**
 * Public endpoint: ranks the published catalogue for the submitted profile and answers one
 * page of it, sorted and filtered on the server, with what the charts draw; a signed-in
 * caller's own offers are ranked with it (the session says whose, never the input); the
 * Complémentaire santé solidaire beside it when the household's resources are given.
 */
export async function compareAction(input: unknown): Promise<ActionResult<ComparisonView>> {
  return compare(input);
}
