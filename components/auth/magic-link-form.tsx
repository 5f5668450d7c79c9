"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage, UNREACHABLE_SIGN_IN } from "@/lib/auth/messages";
import { EmailField, FormAlert } from "./text-field";
import { useHydrated } from "./use-hydrated";

/** Asks next-auth's e-mail provider for a one-time sign-in link. */
export function MagicLinkForm({ returnTo }: { returnTo: string }) {
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setError("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.");
      document.getElementById("magic-email")?.focus();
      return;
    }
    setError(undefined);
    setFormError(null);
    setPending(true);
    const result = await signIn("email", { email: address, callbackUrl: returnTo, redirect: false }).catch(() => UNREACHABLE_SIGN_IN);
    setPending(false);
    if (result?.ok && !result.error) {
      setSentTo(address);
      return;
    }
    setFormError(signInErrorMessage(result?.error ?? "Default"));
  }

  return (
    <form aria-labelledby="magic-title" onSubmit={submit} noValidate>
      <h2 id="magic-title">Par un lien envoyé par e-mail</h2>
      <p className="hint">Sans mot de passe : nous vous envoyons un lien valable 15 minutes, utilisable une fois.</p>
      {sentTo && (
        <p className="status" role="status">
          Si l’adresse {sentTo} peut recevoir nos e-mails, un lien de connexion vient d’y être envoyé. Ouvrez-le dans ce navigateur.
        </p>
      )}
      <FormAlert message={formError} />
      <EmailField id="magic-email" value={email} onChange={setEmail} error={error} />
      <button type="submit" className="secondary" disabled={!hydrated || pending}>
        {pending ? "Envoi…" : "Recevoir un lien de connexion"}
      </button>
    </form>
  );
}
