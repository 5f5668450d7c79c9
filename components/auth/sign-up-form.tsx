"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { signUpAction } from "@/app/(auth)/inscription/actions";
import { reachServer } from "@/lib/actions/reach-server";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { EmailField, FormAlert, TextField } from "./text-field";
import { useHydrated } from "./use-hydrated";

export function SignUpForm({ signInHref }: { signInHref: string }) {
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = "Saisissez votre adresse e-mail.";
    if (password.length < PASSWORD_MIN_LENGTH) found.password = `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
    if (password.length > PASSWORD_MAX_LENGTH) found.password = `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.email ? "signup-email" : "signup-password")?.focus();
      return;
    }
    setPending(true);
    const result = await reachServer(() => signUpAction({ email, password }));
    setPending(false);
    if (result.ok && result.data.status === "mail-sent") {
      setSentTo(email.trim().toLowerCase());
      setPassword("");
      return;
    }
    // On any refusal the address stays; the password is cleared, as browsers expect.
    setPassword("");
    if (result.ok) {
      setFormError(result.data.status === "throttled" ? result.data.message : null);
    } else {
      setErrors(result.fieldErrors ?? {});
      setFormError(result.message);
    }
  }

  if (sentTo) {
    return (
      <div className="status" role="status">
        <h2>Vérifiez votre boîte mail</h2>
        <p>
          Nous avons écrit à {sentTo}. Ouvrez le lien reçu pour confirmer votre adresse : votre mot de passe fonctionnera
          ensuite. Si cette adresse a déjà un compte, l’e-mail vous explique comment vous connecter.
        </p>
        <p>
          <Link href={signInHref}>Se connecter</Link>
        </p>
      </div>
    );
  }

  return (
    <form aria-labelledby="signup-title" onSubmit={submit} noValidate>
      <h2 id="signup-title" className="visually-hidden">
        Créer un compte
      </h2>
      <FormAlert message={formError} />
      <EmailField id="signup-email" value={email} onChange={setEmail} error={errors.email} />
      <TextField
        id="signup-password"
        label="Mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
        type="password"
        name="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
      <button type="submit" className="primary" disabled={!hydrated || pending}>
        {pending ? "Création…" : "Créer mon compte"}
      </button>
    </form>
  );
}
