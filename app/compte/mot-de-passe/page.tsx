import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Changer mon mot de passe" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  // Again here and not only in the layout: a page is rendered on its own on client navigation.
  await requireUser("/compte/mot-de-passe");
  return (
    <>
      <h1>Changer mon mot de passe</h1>
      <p className="lead">
        Les autres appareils connectés à votre compte seront déconnectés. Pas encore de mot de passe, ou oublié ?{" "}
        <Link href="/connexion/mot-de-passe-oublie">Recevoir un lien par e-mail</Link>.
      </p>
      <section className="card">
        <ChangePasswordForm />
      </section>
    </>
  );
}
