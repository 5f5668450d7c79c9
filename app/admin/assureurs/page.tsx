import type { Metadata } from "next";
import { InsurersManager } from "@/components/admin/insurers-manager";
import { requireAdmin } from "@/lib/auth/session";
import { listInsurers } from "@/lib/catalogue/admin";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Assureurs" };

export default async function AdminInsurersPage() {
  const user = await requireAdmin();
  const insurers = await listInsurers(db(), user);
  return (
    <>
      <h1>Assureurs</h1>
      <p className="hint">Renommer un assureur renomme toutes ses offres sur le site. Un assureur qui a des offres ne peut pas être supprimé : archivez ses offres.</p>
      <InsurersManager insurers={insurers} />
    </>
  );
}
