"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { emailSchema } from "@/lib/auth/email-address";
import { rateLimitedMessage } from "@/lib/auth/messages";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

export type PasswordResetRequestResult = { status: "mail-sent" } | { status: "throttled"; message: string };

const requestReset = publicAction(z.object({ email: emailSchema }), async ({ email }): Promise<PasswordResetRequestResult> => {
  const outcome = await requestPasswordReset(db(), { email, ip: clientIp(await headers()), appUrl: env().APP_URL }, sendMail);
  return outcome.status === "throttled" ? { status: "throttled", message: rateLimitedMessage(outcome.retryMinutes) } : outcome;
});

/** Public endpoint: mails a reset link when the address has an account (same answer otherwise). */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<PasswordResetRequestResult>> {
  return requestReset(input);
}

export type PasswordResetResult = { status: "changed" } | { status: "invalid-link"; message: string };

const tokenSchema = z.string({ error: "Lien incomplet." }).min(1, "Lien incomplet.").max(200, "Lien invalide.");

const reset = publicAction(z.object({ token: tokenSchema, password: newPasswordSchema }), async ({ token, password }): Promise<PasswordResetResult> => {
  const outcome = await resetPassword(db(), { token, password, appUrl: env().APP_URL }, sendMail);
  if (outcome.status === "changed") return { status: "changed" };
  return { status: "invalid-link", message: "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau." };
});

/** Public endpoint: the new password from a reset link; the token is the proof. */
export async function resetPasswordAction(input: unknown): Promise<ActionResult<PasswordResetResult>> {
  return reset(input);
}
