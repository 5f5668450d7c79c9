"use client";

import { GUARANTEE_CATEGORIES, GUARANTEE_CATEGORY_LABELS } from "@/lib/schemas/care-category";
import { CheckboxField, MoneyField, pathKey, SelectField, type Path } from "./fields";

export interface CeilingDraft {
  id?: unknown;
  categories?: string[];
  amount?: unknown;
  period?: string;
  firstYearAmount?: unknown;
}

const PERIOD_OPTIONS = [
  ["calendar", "par année civile"],
  ["membership", "par année d’adhésion"],
] as const;

/** A ceiling id the person never sees: the lowest "plafond-n" not taken. */
function freeId(ceilings: CeilingDraft[]): string {
  const taken = new Set(ceilings.map((ceiling) => ceiling.id));
  let index = 1;
  while (taken.has(`plafond-${index}`)) index += 1;
  return `plafond-${index}`;
}

/**
 * The yearly ceilings of a tableau de garanties as forms instead of JSON: « Dentaire
 * (prothèses, implants) : 1 000 € par an et par bénéficiaire, 500 € la première année ».
 * One ceiling is shared by the lines ticked, consumed by the acts in date order.
 */
export function CeilingsEditor({ ceilings, errors, onChange }: { ceilings: CeilingDraft[]; errors: Record<string, string>; onChange: (path: Path, value: unknown) => void }) {
  const base: Path = ["ceilings"];
  return (
    <fieldset className="card">
      <legend>Plafonds annuels</legend>
      <p className="hint">
        Ex. « Dentaire : plafond de 1 000 € par an et par bénéficiaire » : un plafond de 1 000 € sur les prothèses dentaires. Laissez vide si le
        tableau n’en imprime pas.
      </p>
      {errors[pathKey(base)] && <p className="field-error">{errors[pathKey(base)]}</p>}
      {ceilings.map((ceiling, index) => {
        const at = (...rest: Path): Path => [...base, index, ...rest];
        const categories = ceiling.categories ?? [];
        return (
          <fieldset key={String(ceiling.id ?? index)} className="subsection" data-testid="ceiling">
            <legend>Plafond {index + 1}</legend>
            {errors[pathKey(at("categories"))] && <p className="field-error">{errors[pathKey(at("categories"))]}</p>}
            <div className="checkbox-row">
              {GUARANTEE_CATEGORIES.map((category) => (
                <CheckboxField
                  key={category}
                  label={`Plafond ${index + 1} : ${GUARANTEE_CATEGORY_LABELS[category]}`}
                  path={at("categories", category)}
                  errors={errors}
                  checked={categories.includes(category)}
                  onChange={(checked) =>
                    onChange(
                      at("categories"),
                      checked ? GUARANTEE_CATEGORIES.filter((candidate) => candidate === category || categories.includes(candidate)) : categories.filter((candidate) => candidate !== category),
                    )
                  }
                />
              ))}
            </div>
            <div className="field-row">
              <MoneyField label={`Plafond ${index + 1} : montant par an et par bénéficiaire (€)`} path={at("amount")} errors={errors} value={ceiling.amount} onChange={(value) => onChange(at("amount"), value)} />
              <SelectField label={`Plafond ${index + 1} : compté`} path={at("period")} errors={errors} value={ceiling.period ?? "calendar"} options={PERIOD_OPTIONS} onChange={(value) => onChange(at("period"), value)} />
              <MoneyField
                label={`Plafond ${index + 1} : montant la première année (€)`}
                hint="Vide : le même."
                path={at("firstYearAmount")}
                errors={errors}
                value={ceiling.firstYearAmount}
                onChange={(value) => onChange(at("firstYearAmount"), value)}
              />
            </div>
            <button type="button" className="link-button" onClick={() => onChange(base, ceilings.filter((_, i) => i !== index))}>
              Supprimer le plafond {index + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange(base, [...ceilings, { id: freeId(ceilings), categories: [], amount: "0.00", period: "calendar" }])}>
        Ajouter un plafond
      </button>
    </fieldset>
  );
}
