import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OwnOfferEditor } from "@/components/own-offers/own-offer-editor";
import { requireUser } from "@/lib/auth/session";
import { getOwnOffer } from "@/lib/own-offers/server";

export const metadata: Metadata = { title: "Modifier une offre" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ offerId: string }> };

export default async function EditOwnOfferPage({ params }: Props) {
  const { offerId } = await params;
  const user = await requireUser(`/compte/offres/${encodeURIComponent(offerId)}`);
  // Another person's offer reads as absent: the owner is in the query.
  const own = await getOwnOffer({ userId: user.id, id: offerId });
  if (!own) notFound();
  return (
    <>
      <p>
        <Link href="/compte/offres">← Mes offres</Link>
      </p>
      <h1>
        {own.offer.insurer.name} — {own.offer.formula}
      </h1>
      <OwnOfferEditor offer={own.offer} id={own.offer.id} version={own.version} currentContractSince={own.currentContractSince} />
    </>
  );
}
