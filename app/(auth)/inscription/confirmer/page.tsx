import type { Metadata } from "next";
import { ConfirmSignUpForm } from "@/components/auth/confirm-sign-up-form";

export const metadata: Metadata = { title: "Confirmer votre adresse", referrer: "no-referrer" };

interface PageProps {
  searchParams: Promise<{ jeton?: string | string[] }>;
}

/**
 * Opened from the confirmation mail. Nothing happens on opening (mail scanners open
 * links): the password becomes usable on the click, a server action.
 */
export default async function ConfirmSignUpPage({ searchParams }: PageProps) {
  const { jeton } = await searchParams;
  return (
    <>
      <h1>Confirmer votre adresse</h1>
      <section className="card">
        <ConfirmSignUpForm token={typeof jeton === "string" ? jeton : ""} />
      </section>
    </>
  );
}
