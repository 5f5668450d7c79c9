"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { signInErrorMessage, UNREACHABLE_SIGN_IN } from "@/lib/auth/messages";
import { EmailField, FormAlert, TextField } from "./text-field";
import { useHydrated } from "./use-hydrated";

interface LoginFormProps {
  /** Where to go once signed in: already checked to be a path of this site. */
  returnTo: string;
  initialError?: string | null;
}

/** E-mail + password, posted to next-auth's credentials provider. */
export function LoginForm({ returnTo, initialError }: LoginFormProps) {
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      email: email.trim() ? undefined : "Saisissez votre adresse e-mail.",
      password: password ? undefined : "Saisissez votre mot de passe.",
    };
    setErrors(found);
    if (found.email || found.password) {
      document.getElementById(found.email ? "login-email" : "login-password")?.focus();
      return;
    }
    setPending(true);
    setFormError(null);
    const result = await signIn("credentials", { email: email.trim(), password, redirect: false }).catch(() => UNREACHABLE_SIGN_IN);
    if (result?.ok && !result.error) {
      // A full navigation, so the header and every server component see the new session.
      window.location.assign(returnTo);
      return;
    }
    setPending(false);
    // Only the password is dropped: the address stays as typed.
    setPassword("");
    setFormError(signInErrorMessage(result?.error ?? "Default"));
    passwordInput.current?.focus();
  }

  return (
    <form aria-labelledby="login-title" onSubmit={submit} noValidate>
      <h2 id="login-title">Avec votre mot de passe</h2>
      <FormAlert message={formError} />
      <EmailField id="login-email" value={email} onChange={setEmail} error={errors.email} />
      <TextField
        ref={passwordInput}
        id="login-password"
        label="Mot de passe"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
      <button type="submit" className="primary" disabled={!hydrated || pending}>
        {pending ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
