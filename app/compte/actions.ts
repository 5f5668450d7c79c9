"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/user-action";
import { decodeProfile, MAX_ENCODED_PROFILE_LENGTH } from "@/lib/compare/profile-url";
import type { RerunResult, SavedProfileDto } from "@/lib/profiles";
import { createProfile, deleteAccount, deleteProfile, duplicateProfile, renameProfile, rerunProfile } from "@/lib/profiles/server";
import { profileSchema } from "@/lib/schemas/profile";
import { savedProfileIdSchema, savedProfileNameSchema, sortKeySchema } from "@/lib/schemas/saved-profile";
import { flatten, profileResult } from "./profile-result";

// Every action is a public endpoint whatever page shows it: userAction checks the session
// on each call, and the user id handed to lib/profiles is the session's, never one sent
// by the browser; lib/profiles puts it in each query's where clause.

/** The comparer URL's encoded profile, decoded and validated with the profile schema. */
const encodedProfileSchema = z
  .string()
  .max(MAX_ENCODED_PROFILE_LENGTH, "Profil trop long")
  .transform((encoded, ctx) => {
    const decoded = decodeProfile(encoded);
    if (decoded.ok) return decoded.profile;
    ctx.addIssue({ code: "custom", message: decoded.message });
    return z.NEVER;
  });

/** From the results page: the profile as in its URL (`encodedProfile`) or as an object (`profile`). */
const saveSchema = z.union([
  z.object({ name: savedProfileNameSchema, encodedProfile: encodedProfileSchema, sort: sortKeySchema.optional() }),
  z.object({ name: savedProfileNameSchema, profile: profileSchema, sort: sortKeySchema.optional() }),
]);
const save = userAction(saveSchema, (input, user) =>
  profileResult(async () => {
    const profile = "encodedProfile" in input ? input.encodedProfile : input.profile;
    // Saved with the ranking the page showed (computed again here: nothing of it is taken from the browser).
    const saved = await createProfile({ userId: user.id, name: input.name, profile, sort: input.sort });
    revalidatePath("/compte");
    return saved;
  }),
);
export async function saveProfileAction(raw: unknown): Promise<ActionResult<SavedProfileDto>> {
  return flatten(await save(raw));
}

const rename = userAction(z.object({ id: savedProfileIdSchema, name: savedProfileNameSchema }), ({ id, name }, user) =>
  profileResult(async () => {
    const renamed = await renameProfile({ userId: user.id, id, name });
    revalidatePath("/compte");
    return renamed;
  }),
);
export async function renameProfileAction(raw: unknown): Promise<ActionResult<SavedProfileDto>> {
  return flatten(await rename(raw));
}

const duplicate = userAction(z.object({ id: savedProfileIdSchema }), ({ id }, user) =>
  profileResult(async () => {
    const copy = await duplicateProfile({ userId: user.id, id });
    revalidatePath("/compte");
    return copy;
  }),
);
export async function duplicateProfileAction(raw: unknown): Promise<ActionResult<SavedProfileDto>> {
  return flatten(await duplicate(raw));
}

const remove = userAction(z.object({ id: savedProfileIdSchema }), ({ id }, user) =>
  profileResult(async () => {
    const deleted = await deleteProfile({ userId: user.id, id });
    revalidatePath("/compte");
    return deleted ? { id } : null;
  }),
);
export async function deleteProfileAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return flatten(await remove(raw));
}

const rerun = userAction(z.object({ id: savedProfileIdSchema, sort: sortKeySchema.optional() }), ({ id, sort }, user) =>
  profileResult(async () => {
    const result = await rerunProfile({ userId: user.id, id, sort });
    revalidatePath("/compte");
    return result;
  }),
);
export async function rerunProfileAction(raw: unknown): Promise<ActionResult<RerunResult>> {
  return flatten(await rerun(raw));
}

const CONFIRMATION_MISMATCH = "Saisissez exactement l'adresse e-mail de votre compte pour confirmer.";
const removeAccount = userAction(z.object({ confirmEmail: z.string().trim().max(320) }), async ({ confirmEmail }, user): Promise<ActionResult<null>> => {
  // Typing the address is the confirmation: a stray click or a forged request without it deletes nothing.
  if (confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    return { ok: false, message: CONFIRMATION_MISMATCH, fieldErrors: { confirmEmail: CONFIRMATION_MISMATCH } };
  }
  // Sessions go with the user (cascade): every signed-in browser of this account is signed out.
  // No revalidatePath: re-rendering /compte now would redirect to the sign-in page before
  // the client's signOut clears the cookie and goes home.
  await deleteAccount({ userId: user.id });
  return { ok: true, data: null };
});
export async function deleteAccountAction(raw: unknown): Promise<ActionResult<null>> {
  return flatten(await removeAccount(raw));
}
