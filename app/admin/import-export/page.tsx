import type { Metadata } from "next";
import { ImportExportPanel } from "@/components/admin/import-export-panel";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import / export" };

export default async function AdminImportExportPage() {
  await requireAdmin();
  return (
    <>
      <h1>Import / export du catalogue</h1>
      <ImportExportPanel />
    </>
  );
}
