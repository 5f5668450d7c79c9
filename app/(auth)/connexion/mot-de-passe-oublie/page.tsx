import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Mot de passe oublié</h1>
      <p>
        Saisissez l’adresse de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe. Vous pouvez aussi vous connecter sans mot
        de passe, par un <Link href="/connexion">lien de connexion</Link>.
      </p>
      <section className="card">
        <ForgotPasswordForm />
      </section>
    </>
  );
}
