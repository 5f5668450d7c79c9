"use client";

import { signOut } from "next-auth/react";
import { useId, useState, useTransition } from "react";
import { deleteAccountAction } from "@/app/compte/actions";
import { reachServer } from "@/lib/actions/reach-server";

/** "Supprimer mon compte": confirmed by typing the account's e-mail address, then signed out and sent home. */
export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [confirmEmail, setConfirmEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const errorId = useId();

  return (
    <section aria-labelledby="delete-account-title" className="card danger-zone">
      <h2 id="delete-account-title">Supprimer mon compte</h2>
      <p>Votre compte, vos profils enregistrés, vos offres et vos sessions sont effacés immédiatement et définitivement. Pensez à exporter vos données avant.</p>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Supprimer mon compte…
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            startTransition(async () => {
              const result = await reachServer(() => deleteAccountAction({ confirmEmail }));
              if (!result.ok) {
                setError(result.fieldErrors?.confirmEmail ?? result.message);
                return;
              }
              // The session rows are gone with the account; signOut also clears the browser's cookie.
              await signOut({ callbackUrl: "/" });
            });
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>Pour confirmer, saisissez votre adresse e-mail ({email})</label>
            <input
              id={inputId}
              type="email"
              autoComplete="off"
              value={confirmEmail}
              onChange={(event) => setConfirmEmail(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              required
            />
          </div>
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions-row">
            <button type="submit" className="danger" disabled={pending}>
              {pending ? "Suppression…" : "Supprimer définitivement mon compte"}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Annuler
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
