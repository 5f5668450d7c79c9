"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/(auth)/connexion/mot-de-passe-oublie/actions";
import { reachServer } from "@/lib/actions/reach-server";
import { NewPasswordField, newPasswordProblem } from "./new-password-field";
import { FormAlert } from "./text-field";
import { useHydrated } from "./use-hydrated";

/** The page of a reset link: the new password, posted with the link's token. */
export function ResetPasswordForm({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(token === "" ? "Ce lien est incomplet : ouvrez-le tel qu’il figure dans l’e-mail." : null);
  const [changed, setChanged] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = newPasswordProblem(password);
    setError(problem);
    if (problem) {
      document.getElementById("reset-password")?.focus();
      return;
    }
    setFormError(null);
    setPending(true);
    const result = await reachServer(() => resetPasswordAction({ token, password }));
    setPending(false);
    setPassword("");
    if (!result.ok) {
      setError(result.fieldErrors?.password);
      setFormError(result.message);
    } else if (result.data.status === "invalid-link") {
      setFormError(result.data.message);
    } else {
      setChanged(true);
    }
  }

  if (changed) {
    return (
      <div className="status" role="status">
        <p>Mot de passe changé. Les sessions ouvertes sur vos appareils ont été fermées : connectez-vous avec le nouveau mot de passe.</p>
        <p>
          <Link href="/connexion">Se connecter</Link>
        </p>
      </div>
    );
  }

  return (
    <form aria-labelledby="reset-title" onSubmit={submit} noValidate>
      <h2 id="reset-title" className="visually-hidden">
        Choisir le mot de passe
      </h2>
      <FormAlert message={formError}><Link href="/connexion/mot-de-passe-oublie">Demander un nouveau lien</Link></FormAlert>
      <NewPasswordField id="reset-password" value={password} onChange={setPassword} error={error} />
      <button type="submit" className="primary" disabled={!hydrated || pending || token === ""}>
        {pending ? "Enregistrement…" : "Enregistrer le mot de passe"}
      </button>
    </form>
  );
}
