import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import "./account-nav.css";

/** The header's account links, from the server-verified session (no flash of the wrong state). */
export async function AccountNav() {
  const user = await getCurrentUser();
  return (
    <nav className="account-nav" aria-label="Compte">
      {user ? (
        <>
          {user.role === "ADMIN" && <Link href="/admin">Administration</Link>}
          <Link href="/compte">Mon compte</Link>
          <SignOutButton />
        </>
      ) : (
        <Link href="/connexion">Se connecter</Link>
      )}
    </nav>
  );
}
