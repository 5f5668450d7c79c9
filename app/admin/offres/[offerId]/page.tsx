import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/admin/audit-log";
import { OfferEditor } from "@/components/admin/offer-editor";
import { requireAdmin } from "@/lib/auth/session";
import { getOffer } from "@/lib/catalogue";
import { listAuditEntries, listInsurers } from "@/lib/catalogue/admin";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Modifier une offre" };

export default async function AdminOfferPage({ params }: { params: Promise<{ offerId: string }> }) {
  const user = await requireAdmin();
  const { offerId } = await params;
  const id = decodeURIComponent(offerId);
  // Any status: the admin edits drafts and archived offers too.
  const [stored, insurers, audit] = await Promise.all([getOffer(db(), id), listInsurers(db(), user), listAuditEntries(db(), user, id)]);
  if (!stored) notFound();
  return (
    <>
      <p>
        <Link href="/admin">← Toutes les offres</Link>
      </p>
      <h1>
        {stored.offer.insurer.name} — {stored.offer.formula}
      </h1>
      {/* Keyed by offer only: a refresh after a save must not reset what the admin typed. */}
      <OfferEditor
        key={stored.offer.id}
        offer={stored.offer}
        status={stored.status}
        validFrom={stored.validFrom}
        validTo={stored.validTo}
        version={stored.version}
        insurers={insurers.map(({ name, kind }) => ({ name, kind }))}
      />
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">Historique</h2>
        <AuditLog entries={audit} />
      </section>
    </>
  );
}
