import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { signInErrorMessage } from "@/lib/auth/messages";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Se connecter" };

interface PageProps {
  searchParams: Promise<{ retour?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: PageProps) {
  const { retour, error } = await searchParams;
  const returnTo = safeReturnPath(typeof retour === "string" ? retour : undefined, "/compte");
  if (await getCurrentUser()) redirect(returnTo);
  const signUpHref = returnTo === "/compte" ? "/inscription" : `/inscription?retour=${encodeURIComponent(returnTo)}`;

  return (
    <>
      <h1>Se connecter</h1>
      <p>
        Votre compte garde vos profils de soins et leurs derniers résultats. Pas encore de compte ?{" "}
        <Link href={signUpHref}>Créer un compte</Link>
      </p>
      <section className="card">
        <LoginForm returnTo={returnTo} initialError={signInErrorMessage(typeof error === "string" ? error : null)} />
        <p>
          <Link href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </p>
      </section>
      <section className="card">
        <MagicLinkForm returnTo={returnTo} />
      </section>
    </>
  );
}
