"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/user-action";
import { rateLimitedMessage } from "@/lib/auth/messages";
import { changePassword } from "@/lib/auth/password-change";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { currentSessionToken } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Saisissez votre mot de passe actuel." }).min(1, "Saisissez votre mot de passe actuel.").max(PASSWORD_MAX_LENGTH, "Mot de passe actuel incorrect."),
  newPassword: newPasswordSchema,
});

export type ChangePasswordResult = { otherSessionsEnded: number };

const WRONG_PASSWORD = "Mot de passe actuel incorrect.";

const change = userAction(changePasswordSchema, async ({ currentPassword, newPassword }, user): Promise<ActionResult<ChangePasswordResult>> => {
  const sessionToken = await currentSessionToken();
  if (!sessionToken) return { ok: false, message: "Votre session a expiré : reconnectez-vous." };
  const outcome = await changePassword(db(), { userId: user.id, currentPassword, newPassword, sessionToken, appUrl: env().APP_URL }, sendMail);
  switch (outcome.status) {
    case "changed":
      return { ok: true, data: { otherSessionsEnded: outcome.otherSessionsEnded } };
    case "wrong-password":
      return { ok: false, message: WRONG_PASSWORD, fieldErrors: { currentPassword: WRONG_PASSWORD } };
    case "no-password":
      return { ok: false, message: "Votre compte n’a pas encore de mot de passe confirmé : choisissez-en un avec « Mot de passe oublié », qui vous envoie un lien." };
    case "throttled":
      return { ok: false, message: rateLimitedMessage(outcome.retryMinutes) };
  }
});

/** Signed-in user: changes the password (the current one required); other sessions end. */
export async function changePasswordAction(input: unknown): Promise<ActionResult<ChangePasswordResult>> {
  const result = await change(input);
  return result.ok ? result.data : result;
}
