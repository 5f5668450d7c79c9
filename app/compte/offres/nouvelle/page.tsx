import type { Metadata } from "next";
import Link from "next/link";
import { OwnOfferEditor } from "@/components/own-offers/own-offer-editor";
import { requireUser } from "@/lib/auth/session";
import { blankOwnOffer } from "@/lib/own-offers/blank-own-offer";

export const metadata: Metadata = { title: "Ajouter une offre" };
export const dynamic = "force-dynamic";

export default async function NewOwnOfferPage() {
  await requireUser("/compte/offres/nouvelle");
  return (
    <>
      <p>
        <Link href="/compte/offres">← Mes offres</Link>
      </p>
      <h1>Ajouter une offre</h1>
      <p className="lead">Gardez votre tableau de garanties ou votre devis ouvert à côté : recopiez-le poste par poste, avec les mots de l’assureur.</p>
      <OwnOfferEditor offer={blankOwnOffer()} currentContractSince={null} />
    </>
  );
}
