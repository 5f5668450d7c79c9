"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { exportCatalogueAction, importCatalogueAction } from "@/app/admin/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { AdminImportReport } from "@/lib/catalogue/admin/import-export";
import { ACTION_BODY_LIMIT_BYTES, actionBodyBytes, IMPORT_TOO_LARGE_MESSAGE } from "@/lib/actions/limits";
import { formatCount } from "@/lib/format";
import { importIssueText, offerIdsOf } from "./import-issue";

/** "1 créée", "3 créées": the participle agrees with the count. */
const agreed = (count: number, participle: string) => `${count} ${count > 1 ? `${participle}s` : participle}`;

/**
 * Import in two steps: a dry run (validated and written in a rolled-back transaction)
 * shows what would happen; only then can the same file be applied.
 */
export function ImportExportPanel() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<(AdminImportReport & { applied: boolean }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const offerIds = useMemo(() => (report && !report.ok && file ? offerIdsOf(file.text) : []), [report, file]);

  const run = (dryRun: boolean) =>
    startTransition(async () => {
      if (!file) return;
      // Beyond Next's limit on action bodies the proxy answers 413 before the action runs.
      if (actionBodyBytes([{ text: file.text, dryRun }]) > ACTION_BODY_LIMIT_BYTES) {
        setMessage(IMPORT_TOO_LARGE_MESSAGE);
        return;
      }
      const result = await reachServer(() => importCatalogueAction({ text: file.text, dryRun }));
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      setMessage(null);
      setReport({ ...result.data, applied: !dryRun });
      if (!dryRun) router.refresh();
    });

  const download = () =>
    startTransition(async () => {
      const result = await reachServer(() => exportCatalogueAction({}));
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.data], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `catalogue-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(url);
    });

  return (
    <>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Exporter</h2>
        <p>Toutes les offres publiées, au format du catalogue (celui de <code>npm run catalogue:export</code>).</p>
        <button type="button" className="secondary" onClick={download} disabled={pending}>
          Télécharger le catalogue publié
        </button>
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Importer</h2>
        <p>
          Les offres du fichier sont créées ou mises à jour et publiées ; celles qui n’y sont pas restent telles quelles. Tout ou rien : une seule offre invalide et rien n’est
          écrit.
        </p>
        <div className="field">
          <label htmlFor="catalogue-file">Fichier catalogue (JSON)</label>
          <input
            id="catalogue-file"
            type="file"
            accept="application/json,.json"
            onChange={async (event) => {
              const chosen = event.target.files?.[0];
              setReport(null);
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
            }}
          />
        </div>
        <div className="actions-row">
          <button type="button" className="primary" disabled={!file || pending} onClick={() => run(true)}>
            Vérifier (import à blanc)
          </button>
          {report?.ok && report.dryRun && (
            <button type="button" className="secondary" disabled={pending} onClick={() => run(false)}>
              Appliquer l’import de {file?.name}
            </button>
          )}
          {pending && <span className="pending">En cours…</span>}
        </div>
        {message && (
          <p className="form-errors" role="alert">
            {message}
          </p>
        )}
        {report && (
          <div className="import-report" role="status" data-testid="import-report">
            {report.ok ? (
              <p>
                {report.applied ? "Import appliqué" : "Import à blanc : rien n’a été écrit"} — {formatCount(report.offers, "offre")} :{" "}
                {agreed(report.created, "créée")}, {agreed(report.updated, "modifiée")}, {agreed(report.unchanged, "inchangée")}.
              </p>
            ) : (
              <div className="form-errors">
                <p>
                  Fichier refusé, rien n’a été écrit ({report.issues.length} {report.issues.length > 1 ? "problèmes" : "problème"}) :
                </p>
                <ul>
                  {report.issues.slice(0, 200).map((issue, index) => (
                    <li key={index}>
                      {importIssueText(issue, offerIds)}
                      {issue.rule && <> (règle {issue.rule})</>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </section>
    </>
  );
}
