"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { deleteProfileAction, duplicateProfileAction, renameProfileAction, rerunProfileAction } from "@/app/compte/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { ActionResult } from "@/lib/actions/result";
import type { RunChanges as Changes, SavedProfileDto } from "@/lib/profiles";
import { LastRunSummary } from "./last-run-summary";
import { RunChanges } from "./run-changes";

type Mode = "view" | "rename" | "confirm-delete";

/**
 * One saved profile: its last result, and rename / duplicate / delete / re-run. The
 * actions revalidate /compte, so the list and the last run come back from the server;
 * this component only keeps what the page does not know (the changes of a re-run).
 */
export function SavedProfileCard({ profile }: { profile: SavedProfileDto }) {
  const [mode, setMode] = useState<Mode>("view");
  const [name, setName] = useState(profile.name);
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const headingId = useId();
  const nameId = useId();
  const renameRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === "rename") renameRef.current?.select();
    if (mode === "confirm-delete") confirmRef.current?.focus();
  }, [mode]);

  /** Runs an action; on failure shows its French message, on success runs `done`. */
  const run = <T,>(action: () => Promise<ActionResult<T>>, done: (data: T) => void) => {
    setError(null);
    setStatus(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) done(result.data);
      else setError(result.fieldErrors?.name ?? result.message);
    });
  };

  return (
    <li className="card saved-profile" aria-labelledby={headingId} data-testid="saved-profile">
      <h3 id={headingId}>{profile.name}</h3>
      {mode === "rename" && (
        <form
          className="rename-form"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => reachServer(() => renameProfileAction({ id: profile.id, name })),
              () => {
                setMode("view");
                setStatus("Profil renommé.");
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor={nameId}>Nouveau nom</label>
            <input id={nameId} ref={renameRef} value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} aria-invalid={error ? true : undefined} />
          </div>
          <button type="submit" className="primary" disabled={pending}>
            Enregistrer le nom
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setName(profile.name);
              setError(null);
              setMode("view");
            }}
          >
            Annuler
          </button>
        </form>
      )}

      <div className="actions-row">
        <button type="button" className="primary" disabled={pending} onClick={() => run(() => reachServer(() => rerunProfileAction({ id: profile.id })), (data) => setChanges(data.changes))}>
          Relancer
        </button>
        <Link className="button secondary" href={`/comparer?p=${encodeURIComponent(profile.encodedProfile)}`}>
          Ouvrir dans le comparateur
        </Link>
        {mode === "view" && (
          <button type="button" className="link-button" onClick={() => setMode("rename")}>
            Renommer<span className="visually-hidden"> « {profile.name} »</span>
          </button>
        )}
        <button
          type="button"
          className="link-button"
          disabled={pending}
          onClick={() => run(() => reachServer(() => duplicateProfileAction({ id: profile.id })), (copy) => setStatus(`Copie créée : « ${copy.name} ».`))}
        >
          Dupliquer<span className="visually-hidden"> « {profile.name} »</span>
        </button>
        {mode !== "confirm-delete" && (
          <button type="button" className="link-button" onClick={() => setMode("confirm-delete")}>
            Supprimer<span className="visually-hidden"> « {profile.name} »</span>
          </button>
        )}
      </div>

      {mode === "confirm-delete" && (
        <div className="actions-row" role="group" aria-label="Confirmer la suppression">
          <span>Supprimer définitivement « {profile.name} » ?</span>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            disabled={pending}
            // On success the revalidated page no longer lists this profile: the card goes away.
            onClick={() => run(() => reachServer(() => deleteProfileAction({ id: profile.id })), () => setMode("view"))}
          >
            Oui, supprimer
          </button>
          <button type="button" className="secondary" onClick={() => setMode("view")}>
            Annuler
          </button>
        </div>
      )}

      <p role="status" className="status-ok">
        {pending ? "Traitement en cours…" : status}
      </p>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {changes && <RunChanges changes={changes} />}
      <LastRunSummary lastRun={profile.lastRun} headingId={headingId} />
    </li>
  );
}
