"use client";

import { agesWithoutPremium, describeAgeGaps } from "@/lib/schemas/premium-bands";
import { MoneyField, NumberField, pathKey, TextField, type Path } from "./fields";

export interface BandDraft {
  minAge?: unknown;
  maxAge?: unknown;
  monthly?: unknown;
  departments?: string[];
  childRankFrom?: unknown;
}

interface PremiumBandsEditorProps {
  bands: BandDraft[];
  errors: Record<string, string>;
  onChange: (path: Path, value: unknown) => void;
}

/** Ages the draft's national bands leave without a premium ("37 à 39 ans"), or null; fields still being typed are skipped. */
export function bandGapsText(bands: BandDraft[]): string | null {
  const typed = bands.flatMap((band) =>
    typeof band.minAge === "number" && typeof band.maxAge === "number"
      ? [{ minAge: band.minAge, maxAge: band.maxAge, departments: band.departments, childRankFrom: typeof band.childRankFrom === "number" ? band.childRankFrom : undefined }]
      : [],
  );
  const gaps = agesWithoutPremium(typed);
  return gaps.length > 0 ? describeAgeGaps(gaps) : null;
}

/** The premium table: one row per age band (optionally a zone or a child rank). */
export function PremiumBandsEditor({ bands, errors, onChange }: PremiumBandsEditorProps) {
  const base: Path = ["premiums", "bands"];
  const tableError = errors[pathKey(base)] ?? errors[pathKey(["premiums"])];
  const gaps = bandGapsText(bands);
  return (
    <fieldset className="card">
      <legend>Cotisations mensuelles par bénéficiaire</legend>
      {tableError && <p className="field-error">{tableError}</p>}
      {gaps && (
        <p className="warning-note" data-testid="band-gaps">
          Aucune cotisation pour les âges {gaps} : l’offre ne sera pas proposée aux personnes de ces âges. Ajoutez ou élargissez une
          tranche si ce n’est pas voulu.
        </p>
      )}
      {bands.map((band, index) => {
        const at = (field: string): Path => [...base, index, field];
        return (
          <div key={index} className="band-row" data-testid="premium-band">
            <NumberField label={`Tranche ${index + 1} : âge minimum`} path={at("minAge")} errors={errors} value={band.minAge} onChange={(value) => onChange(at("minAge"), value)} />
            <NumberField label={`Tranche ${index + 1} : âge maximum`} path={at("maxAge")} errors={errors} value={band.maxAge} onChange={(value) => onChange(at("maxAge"), value)} />
            <MoneyField label={`Tranche ${index + 1} : cotisation mensuelle (€)`} path={at("monthly")} errors={errors} value={band.monthly} onChange={(value) => onChange(at("monthly"), value)} />
            <TextField
              label={`Tranche ${index + 1} : départements`}
              hint="Séparés par des virgules ; vide : partout."
              path={at("departments")}
              errors={{ ...errors, [pathKey(at("departments"))]: Object.entries(errors).find(([key]) => key.startsWith(pathKey(at("departments"))))?.[1] ?? "" }}
              value={(band.departments ?? []).join(", ")}
              onChange={(value) => {
                const list = value.split(",").map((item) => item.trim()).filter(Boolean);
                onChange(at("departments"), list.length > 0 ? list : undefined);
              }}
            />
            <NumberField label={`Tranche ${index + 1} : à partir du n-ième enfant`} path={at("childRankFrom")} errors={errors} value={band.childRankFrom} onChange={(value) => onChange(at("childRankFrom"), value)} />
            <button type="button" className="link-button" onClick={() => onChange(base, bands.filter((_, i) => i !== index))} disabled={bands.length <= 1}>
              Supprimer la tranche {index + 1}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange(base, [...bands, { minAge: 0, maxAge: 120, monthly: "0.00" }])}>
        Ajouter une tranche
      </button>
    </fieldset>
  );
}
