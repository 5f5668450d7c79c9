import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/auth/account-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reste à charge — comparateur de mutuelles santé", template: "%s · Reste à charge" },
  description:
    "Ce que votre année de soins vous coûtera vraiment, mutuelle par mutuelle : remboursements Sécu, mutuelle et reste à charge, au centime.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page carries its response's CSP nonce (proxy.ts): none may be prerendered at build time.
  await connection();
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Reste à charge
          </Link>
          <nav aria-label="Navigation principale">
            <Link href="/comparer">Comparer</Link>
            <Link href="/comment-nous-calculons">Comment nous calculons</Link>
          </nav>
          <AccountNav />
        </header>
        <main id="contenu">{children}</main>
        <footer className="site-footer">
          <p>Catalogue de démonstration : assureurs et formules fictifs, à titre d’illustration.</p>
        </footer>
      </body>
    </html>
  );
}
