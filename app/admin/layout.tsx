import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/session";
import "./admin.css";

export const metadata: Metadata = { title: { default: "Administration", template: "%s · Administration" }, robots: { index: false } };

// Pages read the session: never prerendered.
export const dynamic = "force-dynamic";

/**
 * Every page under /admin: a signed-out visitor is sent to /connexion, a signed-in
 * non-admin gets a 404 (the area's existence is not advertised). Each page and each
 * server action checks again: a layout does not guard the page's own data fetching, nor
 * the actions, which are public endpoints.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Administration">
        <strong>Administration</strong>
        <Link href="/admin">Offres</Link>
        <Link href="/admin/assureurs">Assureurs</Link>
        <Link href="/admin/import-export">Import / export</Link>
        <span className="who">Connecté : {user.email}</span>
      </nav>
      {children}
    </div>
  );
}
