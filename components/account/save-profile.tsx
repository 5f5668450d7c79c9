"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { saveProfileAction } from "@/app/compte/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { SortKey } from "@/lib/engine";

/**
 * "Enregistrer ce profil" under a ranking. Signed out, a link to the sign-in page that
 * comes back to this very comparison; signed in, a name field and the save action (which
 * checks the session again: `signedIn` only chooses what to show).
 */
export function SaveProfile({
  encodedProfile,
  comparisonQuery,
  sort,
  suggestedName,
  signedIn,
}: {
  encodedProfile: string;
  /** The ranking's query string (profile, sort, filters): signing in comes back to this very view. */
  comparisonQuery: string;
  /** The ranking's order on screen: the profile is saved with that ranking. */
  sort: SortKey;
  suggestedName: string;
  signedIn: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputId = useId();

  if (!signedIn) {
    const comparison = `/comparer?${comparisonQuery}`;
    return (
      <p className="save-profile">
        <Link href={`/connexion?retour=${encodeURIComponent(comparison)}`}>Connectez-vous pour enregistrer ce profil</Link> et le relancer plus tard.
      </p>
    );
  }

  if (!open) {
    return (
      <div className="save-profile actions-row">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Enregistrer ce profil
        </button>
        {saved && (
          <p role="status">
            Profil « {saved} » enregistré. <Link href="/compte">Voir mes profils</Link>
          </p>
        )}
      </div>
    );
  }

  return (
    <form
      className="save-profile actions-row"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await reachServer(() => saveProfileAction({ name, encodedProfile, sort }));
          if (result.ok) {
            setSaved(result.data.name);
            setOpen(false);
          } else {
            setError(result.fieldErrors?.name ?? result.message);
          }
        });
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Nom du profil</label>
        <input id={inputId} value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} aria-invalid={error ? true : undefined} />
      </div>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Annuler
      </button>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
