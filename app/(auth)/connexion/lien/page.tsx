import type { Metadata } from "next";
import { SignInLinkForm } from "@/components/auth/sign-in-link-form";

export const metadata: Metadata = { title: "Se connecter par lien", referrer: "no-referrer" };

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Opened from a sign-in link mail. Opening signs no one in: the click posts the link's
 * token with the CSRF token (app/api/auth/[...nextauth]/route.ts), which a page on
 * another site cannot do on a visitor's behalf.
 */
export default async function SignInLinkPage({ searchParams }: PageProps) {
  const { token, email, callbackUrl } = await searchParams;
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  return (
    <>
      <h1>Se connecter</h1>
      <section className="card">
        <SignInLinkForm token={single(token)} email={single(email)} callbackUrl={single(callbackUrl)} />
      </section>
    </>
  );
}
