"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { changePasswordAction } from "@/app/compte/mot-de-passe/actions";
import { NewPasswordField, newPasswordProblem } from "@/components/auth/new-password-field";
import { FormAlert, TextField } from "@/components/auth/text-field";
import { useHydrated } from "@/components/auth/use-hydrated";
import { reachServer } from "@/lib/actions/reach-server";

/** Current password, then the new one; every other browser of the account is signed out. */
export function ChangePasswordForm() {
  const hydrated = useHydrated();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { currentPassword: currentPassword ? undefined : "Saisissez votre mot de passe actuel.", newPassword: newPasswordProblem(newPassword) };
    setErrors(found);
    setFormError(null);
    if (found.currentPassword || found.newPassword) {
      document.getElementById(found.currentPassword ? "current-password" : "new-password")?.focus();
      return;
    }
    setPending(true);
    const result = await reachServer(() => changePasswordAction({ currentPassword, newPassword }));
    setPending(false);
    setCurrentPassword("");
    setNewPassword("");
    if (result.ok) {
      setDone(true);
      return;
    }
    setErrors(result.fieldErrors ?? {});
    setFormError(result.message);
  }

  if (done) {
    return (
      <div className="status" role="status">
        <p>Mot de passe changé. Les autres appareils connectés à votre compte ont été déconnectés ; celui-ci reste connecté.</p>
        <p>
          <Link href="/compte">Retour à mon compte</Link>
        </p>
      </div>
    );
  }

  return (
    <form aria-labelledby="change-password-title" onSubmit={submit} noValidate className="password-form">
      <h2 id="change-password-title" className="visually-hidden">
        Changer le mot de passe
      </h2>
      <FormAlert message={formError} />
      <TextField
        id="current-password"
        label="Mot de passe actuel"
        type="password"
        name="current-password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword}
        required
      />
      <NewPasswordField id="new-password" value={newPassword} onChange={setNewPassword} error={errors.newPassword} />
      <button type="submit" className="primary" disabled={!hydrated || pending}>
        {pending ? "Enregistrement…" : "Changer le mot de passe"}
      </button>
    </form>
  );
}
