"use client";

import Link from "next/link";
import { useState } from "react";
import { confirmSignUpAction } from "@/app/(auth)/inscription/actions";
import { reachServer } from "@/lib/actions/reach-server";
import { FormAlert } from "./text-field";
import { useHydrated } from "./use-hydrated";

export function ConfirmSignUpForm({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [formError, setFormError] = useState<string | null>(token === "" ? "Ce lien est incomplet : ouvrez-le tel qu’il figure dans l’e-mail." : null);

  async function confirm() {
    setPending(true);
    setFormError(null);
    const result = await reachServer(() => confirmSignUpAction({ token }));
    setPending(false);
    if (!result.ok) setFormError(result.message);
    else if (result.data.status === "invalid-link") setFormError(result.data.message);
    else setConfirmed(true);
  }

  if (confirmed) {
    return (
      <div className="status" role="status">
        <p>Adresse confirmée : votre mot de passe fonctionne. Connectez-vous avec votre adresse e-mail et ce mot de passe.</p>
        <p>
          <Link href="/connexion">Se connecter</Link>
        </p>
      </div>
    );
  }

  return (
    <div>
      <p>Confirmez que vous avez demandé la création de ce compte : le mot de passe choisi à l’inscription fonctionnera ensuite.</p>
      <FormAlert message={formError}><Link href="/inscription">Recommencer l’inscription</Link></FormAlert>
      <button type="button" className="primary" disabled={!hydrated || pending || token === ""} onClick={confirm}>
        {pending ? "Confirmation…" : "Confirmer mon adresse"}
      </button>
    </div>
  );
}
