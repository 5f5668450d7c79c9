"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { emailSchema } from "@/lib/auth/email-address";
import { rateLimitedMessage } from "@/lib/auth/messages";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

const signUpInputSchema = z.object({ email: emailSchema, password: newPasswordSchema });

export type SignUpResult = { status: "mail-sent" } | { status: "throttled"; message: string };

const signUpPublic = publicAction(signUpInputSchema, async ({ email, password }): Promise<SignUpResult> => {
  const outcome = await signUp(
    db(),
    { email, password, ip: clientIp(await headers()), signInUrl: `${env().APP_URL}/connexion` },
    sendMail,
  );
  return outcome.status === "throttled" ? { status: "throttled", message: rateLimitedMessage(outcome.retryMinutes) } : outcome;
});

/** Public endpoint: creates a password account (same answer for a taken address). */
export async function signUpAction(input: unknown): Promise<ActionResult<SignUpResult>> {
  return signUpPublic(input);
}
