"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { emailSchema } from "@/lib/auth/email-address";
import { rateLimitedMessage } from "@/lib/auth/messages";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { confirmSignUp, signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

const signUpInputSchema = z.object({ email: emailSchema, password: newPasswordSchema });

export type SignUpResult = { status: "mail-sent" } | { status: "throttled"; message: string };

const signUpPublic = publicAction(signUpInputSchema, async ({ email, password }): Promise<SignUpResult> => {
  const outcome = await signUp(db(), { email, password, ip: clientIp(await headers()), appUrl: env().APP_URL }, sendMail);
  return outcome.status === "throttled" ? { status: "throttled", message: rateLimitedMessage(outcome.retryMinutes) } : outcome;
});

/** Public endpoint: mails a confirmation link, or a notice to an existing account (same answer). */
export async function signUpAction(input: unknown): Promise<ActionResult<SignUpResult>> {
  return signUpPublic(input);
}

const confirmSignUpInputSchema = z.object({ token: z.string({ error: "Lien incomplet." }).min(1, "Lien incomplet.").max(200, "Lien invalide.") });

export type ConfirmSignUpResult = { status: "confirmed" } | { status: "invalid-link"; message: string };

const confirmSignUpPublic = publicAction(confirmSignUpInputSchema, async ({ token }): Promise<ConfirmSignUpResult> => {
  const outcome = await confirmSignUp(db(), token);
  if (outcome.status === "confirmed") return { status: "confirmed" };
  return { status: "invalid-link", message: "Ce lien de confirmation a expiré ou a déjà servi. Recommencez l’inscription pour en recevoir un nouveau." };
});

/** Public endpoint: the click on the confirmation page; the token is the proof. */
export async function confirmSignUpAction(input: unknown): Promise<ActionResult<ConfirmSignUpResult>> {
  return confirmSignUpPublic(input);
}
