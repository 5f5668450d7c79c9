"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteOwnOfferAction } from "@/app/compte/offres/actions";
import { reachServer } from "@/lib/actions/reach-server";

/** « Supprimer », then a confirmation: the offer is gone for good (nothing else refers to it). */
export function DeleteOwnOfferButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        Supprimer<span className="visually-hidden"> {name}</span>
      </button>
    );
  }
  return (
    <span className="actions-row">
      <button
        type="button"
        className="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await reachServer(() => deleteOwnOfferAction({ id }));
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        Confirmer la suppression<span className="visually-hidden"> de {name}</span>
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        Annuler
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
