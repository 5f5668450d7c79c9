"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { duplicateOfferAction, previewOfferAction, saveOfferAction, setOfferStatusAction } from "@/app/admin/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { CatalogueOfferStatus } from "@/lib/catalogue/read-offers";
import type { PreviewRow } from "@/lib/catalogue/admin/preview";
import { validateOffer } from "@/lib/catalogue/validate-offer";
import { GUARANTEE_CATEGORIES } from "@/lib/schemas/care-category";
import type { Offer } from "@/lib/schemas/offer";
import { CheckboxField, fieldId, JsonField, pathKey, SelectField, setAt, TextField, type Path } from "@/components/offer-editor/fields";
import { NetworkEditor } from "@/components/offer-editor/network-editor";
import { STATUS_LABELS } from "./labels";
import { OfferIssues } from "@/components/offer-editor/offer-issues";
import { GuaranteeEditor, type GuaranteeDraft } from "@/components/offer-editor/guarantee-editor";
import { OfferPreview } from "./offer-preview";
import { bandGapsText, PremiumBandsEditor, type BandDraft } from "@/components/offer-editor/premium-bands-editor";

export interface EditorInsurer {
  name: string;
  kind: "mutuelle" | "assureur" | "institution-de-prevoyance" | null;
}

interface OfferEditorProps {
  offer: Offer;
  status: CatalogueOfferStatus;
  validFrom: string | null;
  validTo: string | null;
  version: number;
  insurers: EditorInsurer[];
}

type Draft = Record<string, unknown> & {
  id: string;
  insurer: { name: string; kind?: string };
  formula: string;
  level: unknown;
  responsable: boolean;
  network: null | Record<string, unknown>;
  premiums: { bands: BandDraft[] };
  guarantees: Record<string, GuaranteeDraft>;
  ceilings: unknown;
};

/**
 * The offer editor. The form holds the offer in the catalogue format and validates it on
 * every change with the same function as the server (offerSchema, then the R871-2 rules
 * named in French), errors shown next to their field by zod path. A save sends the
 * version the page was loaded with: if someone saved in between, the server refuses and
 * the input stays here untouched.
 */
export function OfferEditor({ offer, status: initialStatus, validFrom: initialFrom, validTo: initialTo, version: initialVersion, insurers }: OfferEditorProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(offer as unknown as Draft);
  const [validFrom, setValidFrom] = useState(initialFrom ?? "");
  const [validTo, setValidTo] = useState(initialTo ?? "");
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState(initialStatus);
  const [dirty, setDirty] = useState(false);
  const [syntaxErrors, setSyntaxErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  /** `invalidForm`: the notice is about the form's own errors, and goes once they are fixed. */
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string; stale?: boolean; invalidForm?: boolean } | null>(null);
  const [preview, setPreview] = useState<{ rows: PreviewRow[]; forDraft: Draft } | null>(null);
  const [pending, startTransition] = useTransition();

  const validation = useMemo(() => validateOffer(draft), [draft]);
  const clientErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    if (!validation.ok) {
      for (const issue of validation.issues) errors[pathKey(issue.path) || "_form"] ??= issue.rule ? `${issue.message} [${issue.rule}]` : issue.message;
    }
    return errors;
  }, [validation]);
  const errors = { ...serverErrors, ...clientErrors, ...syntaxErrors };
  const issues = validation.ok ? [] : validation.issues;
  const blocked = issues.length > 0 || Object.keys(syntaxErrors).length > 0;
  // The "contains errors" banner stays only while there are errors to fix.
  const shownNotice = notice?.invalidForm && !blocked ? null : notice;

  // The preview follows the form: recomputed shortly after the last change of a valid offer.
  useEffect(() => {
    if (!validation.ok) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await reachServer(() => previewOfferAction(validation.offer));
      if (!cancelled && result.ok && result.data.ok) setPreview({ rows: result.data.rows, forDraft: draft });
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [validation, draft]);

  const change = (path: Path, value: unknown) => {
    setDraft((current) => setAt(current, path, value));
    setDirty(true);
    setServerErrors({});
  };
  const syntax = (key: string, message: string | null) =>
    setSyntaxErrors((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });

  function save() {
    if (blocked) {
      setNotice({ kind: "error", text: "L'offre contient des erreurs : corrigez les champs signalés en rouge avant d'enregistrer.", invalidForm: true });
      const first = issues[0];
      if (first) document.getElementById(fieldId(first.path))?.focus();
      return;
    }
    startTransition(async () => {
      const result = await reachServer(() => saveOfferAction({ offer: draft, expectedVersion: version, validFrom: validFrom || null, validTo: validTo || null }));
      if (result.ok) {
        setVersion(result.data.version);
        setDirty(false);
        const gaps = bandGapsText(draft.premiums.bands);
        const saved = result.data.outcome === "unchanged" ? "Aucune modification à enregistrer." : `Offre enregistrée (version ${result.data.version}).`;
        setNotice({ kind: "ok", text: gaps ? `${saved} Attention : aucune cotisation pour les âges ${gaps}.` : saved });
        router.refresh();
      } else {
        setServerErrors(result.fieldErrors ?? {});
        setNotice({ kind: "error", text: result.message, stale: result.fieldErrors?._version !== undefined });
      }
    });
  }

  function setOfferStatus(next: CatalogueOfferStatus) {
    startTransition(async () => {
      const result = await reachServer(() => setOfferStatusAction({ id: draft.id, status: next, expectedVersion: version }));
      if (result.ok) {
        setVersion(result.data.version);
        setStatus(next);
        setNotice({ kind: "ok", text: `Offre ${STATUS_LABELS[next].toLowerCase()} (version ${result.data.version}).` });
        router.refresh();
      } else {
        setNotice({ kind: "error", text: result.message, stale: result.fieldErrors?._version !== undefined });
      }
    });
  }

  const insurerOptions = insurers.map((insurer) => [insurer.name, insurer.name] as const);
  if (!insurers.some((insurer) => insurer.name === draft.insurer.name)) insurerOptions.unshift([draft.insurer.name, draft.insurer.name]);
  const network = draft.network;
  const saveLabel = status === "PUBLISHED" ? "Enregistrer et mettre en ligne" : "Enregistrer";

  return (
    <div className="offer-editor">
      <p>
        Statut : <strong data-testid="offer-status">{STATUS_LABELS[status]}</strong> · version <span data-testid="offer-version">{version}</span>
        {dirty && <span className="tag warning">modifications non enregistrées</span>}
      </p>
      {status === "PUBLISHED" && <p className="hint">Cette offre est publiée : l’enregistrer modifie immédiatement ce que voient les visiteurs. Vérifiez l’aperçu d’abord.</p>}

      <div aria-live="polite">
        {shownNotice && (
          <div className={shownNotice.kind === "ok" ? "notice" : "form-errors"} role={shownNotice.kind === "ok" ? "status" : "alert"} data-testid="editor-notice">
            <p>{shownNotice.text}</p>
            {shownNotice.stale && (
              <p>
                Votre saisie est conservée ci-dessous. <a href={`/admin/offres/${encodeURIComponent(draft.id)}`} target="_blank" rel="noreferrer">Ouvrir la version actuelle dans un nouvel onglet</a> pour
                y reporter vos changements.
              </p>
            )}
          </div>
        )}
      </div>

      <OfferIssues issues={issues} />

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset className="card">
          <legend>Offre</legend>
          <div className="field-row">
            <TextField label="Identifiant" path={["id"]} errors={errors} value={draft.id} readOnly onChange={() => {}} hint="Fixé à la création : dupliquez pour en changer." />
            <SelectField
              label="Assureur"
              path={["insurer", "name"]}
              errors={errors}
              value={draft.insurer.name}
              options={insurerOptions}
              onChange={(name) => {
                const kind = insurers.find((insurer) => insurer.name === name)?.kind;
                change(["insurer"], kind ? { name, kind } : { name });
              }}
            />
            <TextField label="Formule" path={["formula"]} errors={errors} value={draft.formula} onChange={(value) => change(["formula"], value)} />
            <SelectField
              label="Niveau"
              path={["level"]}
              errors={errors}
              value={String(draft.level)}
              options={[1, 2, 3, 4, 5].map((level) => [String(level), `Niveau ${level}`] as const)}
              onChange={(value) => change(["level"], Number(value))}
            />
            <TextField label="Début de validité" type="date" path={["validFrom"]} errors={errors} value={validFrom} onChange={(value) => { setValidFrom(value); setDirty(true); }} hint="Vide : sans limite." />
            <TextField label="Fin de validité" type="date" path={["validTo"]} errors={errors} value={validTo} onChange={(value) => { setValidTo(value); setDirty(true); }} hint="Vide : sans limite." />
          </div>
          <div className="checkbox-row">
            <CheckboxField label="Contrat responsable (art. L871-1 et R871-2 CSS)" path={["responsable"]} errors={errors} checked={draft.responsable} onChange={(checked) => change(["responsable"], checked)} />
          </div>
        </fieldset>

        <NetworkEditor network={network} errors={errors} onChange={change} />

        <PremiumBandsEditor bands={draft.premiums.bands} errors={errors} onChange={change} />

        <section aria-labelledby="guarantees-title">
          <h2 id="guarantees-title">Garanties par poste de soins</h2>
          {GUARANTEE_CATEGORIES.map((category) => (
            <GuaranteeEditor key={category} category={category} guarantee={draft.guarantees[category] ?? {}} errors={errors} onChange={change} onSyntaxError={syntax} />
          ))}
        </section>

        <fieldset className="card">
          <legend>Plafonds annuels</legend>
          <JsonField
            label="Plafonds (JSON)"
            hint='Liste de { "id", "categories", "amount", "period": "calendar" | "membership", "firstYearAmount"? }.'
            path={["ceilings"]}
            errors={{ ...errors, ceilings: errors.ceilings ?? Object.entries(errors).find(([key]) => key.startsWith("ceilings."))?.[1] ?? "" }}
            rows={8}
            value={draft.ceilings}
            onChange={(value) => change(["ceilings"], value ?? [])}
            onSyntaxError={(message) => syntax("ceilings", message)}
          />
        </fieldset>

        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">Aperçu avant publication</h2>
          <p className="hint">Reste à charge attendu et coût total annuel (cotisations + reste à charge) sur les profils proposés sur le site, pour votre saisie et pour la version en ligne.</p>
          {preview && !blocked ? (
            <div aria-busy={preview.forDraft !== draft}>
              <OfferPreview rows={preview.rows} />
            </div>
          ) : (
            <p className="muted">{blocked ? "Aperçu indisponible tant que l'offre contient des erreurs." : "Calcul de l’aperçu…"}</p>
          )}
        </section>

        <div className="actions-row sticky-actions">
          <button type="submit" className="primary" disabled={pending}>
            {saveLabel}
          </button>
          {status !== "PUBLISHED" && (
            <button type="button" className="secondary" disabled={pending || dirty} onClick={() => setOfferStatus("PUBLISHED")}>
              Publier
            </button>
          )}
          {status !== "ARCHIVED" && (
            <button type="button" className="secondary" disabled={pending || dirty} onClick={() => setOfferStatus("ARCHIVED")}>
              Archiver
            </button>
          )}
          {status !== "DRAFT" && (
            <button type="button" className="secondary" disabled={pending || dirty} onClick={() => setOfferStatus("DRAFT")}>
              Repasser en brouillon
            </button>
          )}
          {dirty && status !== "PUBLISHED" && <span className="hint">Enregistrez vos modifications avant de changer le statut.</span>}
          {pending && <span className="pending">Enregistrement…</span>}
        </div>
      </form>
      <DuplicateForm sourceId={draft.id} />
    </div>
  );
}

/** "Dupliquer comme nouvelle formule": a new draft with the stored terms, under a new id. */
function DuplicateForm({ sourceId }: { sourceId: string }) {
  const router = useRouter();
  const [id, setId] = useState(`${sourceId}-copie`);
  const [formula, setFormula] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await reachServer(() => duplicateOfferAction({ sourceId, id, formula }));
          if (result.ok) router.push(`/admin/offres/${encodeURIComponent(result.data.id)}`);
          else {
            setErrors(result.fieldErrors ?? {});
            setMessage(result.message);
          }
        });
      }}
    >
      <h2>Dupliquer comme nouvelle formule</h2>
      <p className="hint">Copie les garanties et cotisations enregistrées (pas la saisie en cours) dans un nouveau brouillon.</p>
      {message && (
        <p className="form-errors" role="alert">
          {message}
        </p>
      )}
      <div className="field-row">
        <TextField label="Identifiant de la nouvelle offre" path={["duplicate", "id"]} errors={{ "duplicate.id": errors.id ?? "" }} value={id} onChange={setId} />
        <TextField label="Nom de la nouvelle formule" path={["duplicate", "formula"]} errors={{ "duplicate.formula": errors.formula ?? "" }} value={formula} onChange={setFormula} />
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        Dupliquer
      </button>
    </form>
  );
}
