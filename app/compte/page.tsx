import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccount } from "@/components/account/delete-account";
import { SavedProfileList } from "@/components/account/saved-profile-list";
import { requireUser } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { MAX_SAVED_PROFILES } from "@/lib/profiles";
import { listProfiles } from "@/lib/profiles/server";

export const metadata: Metadata = { title: "Mon compte" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  // Again here and not only in the layout: a page is rendered on its own on client navigation.
  const user = await requireUser("/compte");
  const profiles = await listProfiles({ userId: user.id });

  return (
    <>
      <h1>Mon compte</h1>
      <p className="lead">
        Connecté avec {user.email}. <Link href="/compte/mot-de-passe">Changer mon mot de passe</Link>
      </p>

      <section aria-labelledby="profiles-title">
        <h2 id="profiles-title">Mes profils de soins enregistrés</h2>
        <p className="muted">
          {formatCount(profiles.length, "profil")} sur {MAX_SAVED_PROFILES} possibles. Relancez un profil pour le classer avec le catalogue du jour et voir
          ce qui a changé depuis le dernier calcul.
        </p>
        <SavedProfileList profiles={profiles} />
      </section>

      <section aria-labelledby="own-offers-title">
        <h2 id="own-offers-title">Mes offres et mon contrat actuel</h2>
        <p className="muted">Les devis reçus et le tableau de garanties de votre contrat, classés avec le catalogue pour votre année de soins.</p>
        <Link href="/compte/offres">Gérer mes offres</Link>
      </section>

      <section aria-labelledby="data-title" className="card account-data">
        <h2 id="data-title">Mes données</h2>
        <p>Téléchargez tout ce que nous conservons sur vous : votre adresse, la date de création du compte, vos profils et leurs derniers résultats, vos offres.</p>
        <a className="button secondary" href="/compte/export" download>
          Exporter mes données (JSON)
        </a>
      </section>

      <DeleteAccount email={user.email} />
    </>
  );
}
