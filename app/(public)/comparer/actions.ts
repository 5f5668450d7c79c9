"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { countComparison } from "@/lib/compare/comparison-rate-limit";
import { runComparison } from "@/lib/compare/run-comparison";
import type { ComparisonResult } from "@/lib/compare/types";
import { profileSchema } from "@/lib/schemas/profile";

const compareInputSchema = z.object({
  profile: profileSchema,
  sort: z.enum(["rac", "total"]).default("total"),
});

const compare = publicAction(compareInputSchema, async ({ profile, sort }) => {
  await countComparison();
  return runComparison(profile, sort);
});

/** Public endpoint: ranks the published catalogue for the submitted profile. */
export async function compareAction(input: unknown): Promise<ActionResult<ComparisonResult>> {
  return compare(input);
}
