import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Nouveau mot de passe", referrer: "no-referrer" };

interface PageProps {
  searchParams: Promise<{ jeton?: string | string[] }>;
}

/** Opened from a reset mail: opening changes nothing, the form sets the password. */
export default async function NewPasswordPage({ searchParams }: PageProps) {
  const { jeton } = await searchParams;
  return (
    <>
      <h1>Choisir un nouveau mot de passe</h1>
      <section className="card">
        <ResetPasswordForm token={typeof jeton === "string" ? jeton : ""} />
      </section>
    </>
  );
}
