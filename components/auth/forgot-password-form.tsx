"use client";

import { useState, type FormEvent } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/connexion/mot-de-passe-oublie/actions";
import { reachServer } from "@/lib/actions/reach-server";
import { EmailField, FormAlert } from "./text-field";
import { useHydrated } from "./use-hydrated";

/** Asks for a password reset link; the answer is the same whether the address has an account. */
export function ForgotPasswordForm() {
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      setError("Saisissez votre adresse e-mail.");
      document.getElementById("forgot-email")?.focus();
      return;
    }
    setError(undefined);
    setFormError(null);
    setPending(true);
    const result = await reachServer(() => requestPasswordResetAction({ email }));
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.email);
      setFormError(result.message);
    } else if (result.data.status === "throttled") {
      setFormError(result.data.message);
    } else {
      setSentTo(email.trim().toLowerCase());
    }
  }

  return (
    <form aria-labelledby="forgot-title" onSubmit={submit} noValidate>
      <h2 id="forgot-title">Recevoir un lien pour choisir un mot de passe</h2>
      {sentTo && (
        <p className="status" role="status">
          Si un compte existe pour {sentTo}, un lien pour choisir un nouveau mot de passe vient d’y être envoyé. Il est valable 30 minutes et ne sert
          qu’une fois.
        </p>
      )}
      <FormAlert message={formError} />
      <EmailField id="forgot-email" value={email} onChange={setEmail} error={error} />
      <button type="submit" className="primary" disabled={!hydrated || pending}>
        {pending ? "Envoi…" : "Recevoir le lien"}
      </button>
    </form>
  );
}
