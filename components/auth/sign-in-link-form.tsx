"use client";

import { getCsrfToken } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { SERVER_UNREACHABLE_MESSAGE } from "@/lib/actions/reach-server";
import { FormAlert } from "./text-field";
import { useHydrated } from "./use-hydrated";

interface SignInLinkFormProps {
  token: string;
  email: string;
  callbackUrl: string;
}

/** The button of a sign-in link: posts the link's token to next-auth with the CSRF token. */
export function SignInLinkForm({ token, email, callbackUrl }: SignInLinkFormProps) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const complete = token !== "" && email !== "";

  async function signInWithLink() {
    setPending(true);
    setFormError(null);
    try {
      const csrfToken = await getCsrfToken();
      const query = new URLSearchParams({ token, email, ...(callbackUrl ? { callbackUrl } : {}) });
      const response = await fetch(`/api/auth/callback/email?${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: csrfToken ?? "", json: "true" }),
      });
      const { url } = (await response.json()) as { url?: string };
      if (!response.ok || !url) throw new Error(`sign-in link answered ${response.status}`);
      // A full navigation: the header and every server component see the new session.
      window.location.assign(url);
    } catch (error) {
      console.error(error);
      setPending(false);
      setFormError(SERVER_UNREACHABLE_MESSAGE);
    }
  }

  if (!complete) {
    return (
      <p className="form-errors" role="alert">
        Ce lien est incomplet : ouvrez-le tel qu’il figure dans l’e-mail, ou <Link href="/connexion">demandez-en un nouveau</Link>.
      </p>
    );
  }

  return (
    <div>
      <p>Vous allez vous connecter avec l’adresse {email}.</p>
      <FormAlert message={formError} />
      <button type="button" className="primary" disabled={!hydrated || pending} onClick={signInWithLink}>
        {pending ? "Connexion…" : "Me connecter"}
      </button>
    </div>
  );
}
