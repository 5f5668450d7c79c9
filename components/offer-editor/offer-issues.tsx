import type { CatalogueIssue } from "@/lib/catalogue/errors";
import { fieldId } from "./fields";
import { offerFieldLabel } from "./offer-field-label";

/** What blocks saving an offer, each issue linked to its field; nothing when there is none. */
export function OfferIssues({ issues }: { issues: readonly CatalogueIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="form-errors" data-testid="offer-issues">
      <p>{issues.length === 1 ? "1 erreur à corriger :" : `${issues.length} erreurs à corriger :`}</p>
      <ul>
        {issues.map((issue, index) => (
          <li key={index}>
            <a href={`#${fieldId(issue.path)}`}>{issue.path.length > 0 ? offerFieldLabel(issue.path) : "Offre"}</a> : {issue.message}
            {issue.rule && <> (règle {issue.rule})</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
