"use client";

import {
  DOCTOR_RATE_CATEGORIES,
  GUARANTEE_CATEGORY_LABELS,
  LENS_PAIR_LABELS,
  LENS_PAIRS,
  NETWORK_GUARANTEE_CATEGORIES,
  type GuaranteeCategory,
} from "@/lib/schemas/care-category";
import type { ReactNode } from "react";
import { CheckboxField, JsonField, MoneyField, NumberField, pathKey, SelectField, type Path } from "./fields";
import { GUARANTEE_EXAMPLES } from "./guarantee-examples";

export type GuaranteeDraft = Record<string, unknown> & {
  forfait?: { amount?: unknown; per?: string; includesSecu?: boolean; maxPerYear?: unknown };
  glassesAmounts?: Record<string, unknown>;
};

const BASIS_OPTIONS = [
  ["secu-included", "% de la BR, part Sécu incluse (« 200 % BR »)"],
  ["tm-plus", "Ticket modérateur + x % de la BR"],
  ["hors-secu", "x % de la BR en plus de la Sécu"],
] as const;
const PER_OPTIONS = [
  ["act", "par acte"],
  ["day", "par jour"],
  ["equipment", "par équipement"],
  ["year", "par an"],
] as const;

interface GuaranteeEditorProps {
  category: GuaranteeCategory;
  guarantee: GuaranteeDraft;
  errors: Record<string, string>;
  onChange: (path: Path, value: unknown) => void;
  /** Needed with the in-network terms, typed as JSON. */
  onSyntaxError?: (key: string, message: string | null) => void;
  /** Shown under the line's examples: what one usual act would cost with the terms typed. */
  preview?: ReactNode;
  /** In-network terms are typed as JSON: fine for the catalogue's editors, left out of a person's form. */
  withNetworkTerms?: boolean;
}

/** One line of the "tableau de garanties": every field of guaranteeSchema, labelled, errors by zod path. */
export function GuaranteeEditor({ category, guarantee, errors, onChange, onSyntaxError, preview, withNetworkTerms = true }: GuaranteeEditorProps) {
  const base: Path = ["guarantees", category];
  const label = GUARANTEE_CATEGORY_LABELS[category];
  const at = (...rest: Path) => [...base, ...rest];
  const set = (rest: Path, value: unknown) => onChange(at(...rest), value);
  const lineError = errors[pathKey(base)];
  const issueCount = Object.keys(errors).filter((key) => key === pathKey(base) || key.startsWith(`${pathKey(base)}.`)).length;
  return (
    <details className="guarantee card" open={issueCount > 0 || undefined} data-category={category}>
      <summary>
        <strong>{label}</strong>
        {issueCount > 0 && <span className="tag warning">{issueCount === 1 ? "1 erreur" : `${issueCount} erreurs`}</span>}
      </summary>
      {lineError && (
        <p className="field-error" data-path={pathKey(base)}>
          {lineError}
        </p>
      )}
      <p className="hint">Exemples : {GUARANTEE_EXAMPLES[category]}</p>
      {preview}
      <div className="field-row">
        <NumberField label={`${label} : taux en % de la BR`} path={at("percentBr")} errors={errors} value={guarantee.percentBr} onChange={(value) => set(["percentBr"], value)} />
        {DOCTOR_RATE_CATEGORIES.includes(category) && (
          <NumberField
            label={`${label} : taux non OPTAM (%)`}
            hint="Médecins non OPTAM et secteur 3 ; vide = même taux."
            path={at("percentBrNonOptam")}
            errors={errors}
            value={guarantee.percentBrNonOptam}
            onChange={(value) => set(["percentBrNonOptam"], value)}
          />
        )}
        <SelectField label={`${label} : lecture du taux`} path={at("basis")} errors={errors} value={String(guarantee.basis ?? "secu-included")} options={BASIS_OPTIONS} onChange={(value) => set(["basis"], value)} />
        <NumberField label={`${label} : délai de carence (mois)`} path={at("waitingMonths")} errors={errors} value={guarantee.waitingMonths ?? 0} onChange={(value) => set(["waitingMonths"], value ?? 0)} />
      </div>
      <div className="checkbox-row">
        <CheckboxField label={`${label} : frais réels`} path={at("fraisReels")} errors={errors} checked={guarantee.fraisReels === true} onChange={(checked) => set(["fraisReels"], checked)} />
        <CheckboxField
          label={`${label} : forfait en euros`}
          path={at("forfait")}
          errors={errors}
          checked={guarantee.forfait !== undefined}
          onChange={(checked) => set(["forfait"], checked ? { amount: "0.00", per: "act", includesSecu: false } : undefined)}
        />
      </div>
      {guarantee.forfait && (
        <div className="field-row">
          <MoneyField label={`${label} : montant du forfait (€)`} path={at("forfait", "amount")} errors={errors} value={guarantee.forfait.amount} onChange={(value) => set(["forfait", "amount"], value)} />
          <SelectField label={`${label} : forfait`} path={at("forfait", "per")} errors={errors} value={guarantee.forfait.per ?? "act"} options={PER_OPTIONS} onChange={(value) => set(["forfait", "per"], value)} />
          <CheckboxField
            label={`${label} : forfait part Sécu incluse`}
            path={at("forfait", "includesSecu")}
            errors={errors}
            checked={guarantee.forfait.includesSecu === true}
            onChange={(checked) => set(["forfait", "includesSecu"], checked)}
          />
          <NumberField
            label={`${label} : nombre payé par an (vide : sans limite)`}
            path={at("forfait", "maxPerYear")}
            errors={errors}
            value={guarantee.forfait.maxPerYear}
            onChange={(value) => set(["forfait", "maxPerYear"], value)}
          />
        </div>
      )}
      {category === "glasses" && (
        <fieldset className="subsection">
          <legend>Montants par équipement, part Sécu incluse (vide : rien)</legend>
          <div className="field-row">
            {LENS_PAIRS.map((pair) => (
              <MoneyField
                key={pair}
                label={`Lunettes, ${LENS_PAIR_LABELS[pair]} (€)`}
                path={at("glassesAmounts", pair)}
                errors={errors}
                value={guarantee.glassesAmounts?.[pair]}
                onChange={(value) => {
                  const next = { ...guarantee.glassesAmounts, [pair]: value };
                  if (value === undefined) delete next[pair];
                  set(["glassesAmounts"], Object.keys(next).length > 0 ? next : undefined);
                }}
              />
            ))}
            <MoneyField label="Lunettes : plafond monture (€)" path={at("frameMax")} errors={errors} value={guarantee.frameMax} onChange={(value) => set(["frameMax"], value)} />
          </div>
        </fieldset>
      )}
      {withNetworkTerms && NETWORK_GUARANTEE_CATEGORIES.includes(category) && (
        <JsonField
          label={`${label} : conditions chez un partenaire du réseau (JSON, vide : aucune)`}
          hint='Mêmes champs que ci-dessus, ex. { "percentBr": 300, "basis": "secu-included" }.'
          path={at("inNetwork")}
          errors={errors}
          rows={3}
          value={guarantee.inNetwork}
          onChange={(value) => set(["inNetwork"], value)}
          onSyntaxError={(message) => onSyntaxError?.(pathKey(at("inNetwork")), message)}
        />
      )}
    </details>
  );
}
