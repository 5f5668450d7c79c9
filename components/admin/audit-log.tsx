import type { AuditEntry } from "@/lib/catalogue/admin/audit-log";
import { AUDIT_ACTION_LABELS } from "./labels";
import { offerFieldLabel, offerValueText } from "@/components/offer-editor/offer-field-label";

const when = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });
/** Who changed what and when, newest first; each change as the field's French name, old → new. */
export function AuditLog({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">Aucune modification enregistrée depuis l’administration.</p>;
  return (
    <div className="table-scroll">
      <table className="offers-table" data-testid="audit-log">
        <caption className="visually-hidden">Historique des modifications</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Auteur</th>
            <th scope="col">Action</th>
            <th scope="col" className="num">Version</th>
            <th scope="col">Champs modifiés (ancienne → nouvelle valeur)</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td>{when.format(new Date(entry.createdAt))}</td>
              <td>{entry.actorEmail}</td>
              <td>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
              <td className="num">{entry.version}</td>
              <td>
                {entry.changes.length > 20 ? (
                  <details>
                    <summary>{entry.changes.length} champs</summary>
                    <Changes changes={entry.changes} />
                  </details>
                ) : (
                  <Changes changes={entry.changes} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Changes({ changes }: { changes: AuditEntry["changes"] }) {
  return (
    <ul className="audit-changes">
      {changes.map((change) => (
        <li key={change.path}>
          {offerFieldLabel(change.path.split("."))} : {offerValueText(change.path.split("."), change.old)} → <strong>{offerValueText(change.path.split("."), change.new)}</strong>
        </li>
      ))}
    </ul>
  );
}
