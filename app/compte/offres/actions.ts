"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/user-action";
import type { SaveOwnOfferResult } from "@/lib/own-offers";
import { deleteOwnOffer, saveOwnOffer } from "@/lib/own-offers/server";
import { ownOfferIdSchema, saveOwnOfferInputSchema } from "@/lib/schemas/own-offer";
import { flatten } from "../profile-result";
import { ownOfferResult } from "./own-offer-result";

// Public endpoints whatever page shows them: userAction checks the session on each call,
// and the owner handed to lib/own-offers is the session's user, never an id from the browser.

const save = userAction(saveOwnOfferInputSchema, (input, user) =>
  ownOfferResult(async () => {
    const saved = await saveOwnOffer({ userId: user.id, ...input });
    revalidatePath("/compte/offres");
    return saved;
  }),
);
/** Creates (no id) or updates one of the caller's own offers; contrat responsable rules come back as warnings. */
export async function saveOwnOfferAction(raw: unknown): Promise<ActionResult<SaveOwnOfferResult>> {
  return flatten(await save(raw));
}

const remove = userAction(z.object({ id: ownOfferIdSchema }), ({ id }, user) =>
  ownOfferResult(async () => {
    const deleted = await deleteOwnOffer({ userId: user.id, id });
    revalidatePath("/compte/offres");
    return deleted ? { id } : null;
  }),
);
export async function deleteOwnOfferAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return flatten(await remove(raw));
}
