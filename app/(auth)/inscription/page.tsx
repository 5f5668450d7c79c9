import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Créer un compte" };

interface PageProps {
  searchParams: Promise<{ retour?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: PageProps) {
  const { retour } = await searchParams;
  const returnTo = safeReturnPath(typeof retour === "string" ? retour : undefined, "/compte");
  if (await getCurrentUser()) redirect(returnTo);
  const signInHref = returnTo === "/compte" ? "/connexion" : `/connexion?retour=${encodeURIComponent(returnTo)}`;

  return (
    <>
      <h1>Créer un compte</h1>
      <p>
        Gardez vos profils de soins et retrouvez leur classement quand le catalogue change. Déjà un compte ?{" "}
        <Link href={signInHref}>Se connecter</Link>
      </p>
      <section className="card">
        <SignUpForm signInHref={signInHref} />
      </section>
    </>
  );
}
