"use client";

import { NETWORK_LABELS, NETWORKS } from "@/lib/schemas/care-category";
import { NumberField, SelectField, type Path } from "./fields";

const DISCOUNTS = [
  ["lensesDiscountPercent", "Remise sur les verres (%)"],
  ["frameDiscountPercent", "Remise sur la monture (%)"],
  ["dentalDiscountPercent", "Remise dentaire (%)"],
  ["hearingDiscountPercent", "Remise audition (%)"],
] as const;

/** The offer's care network (Santéclair, Kalixia…) and the price discounts at its partners. */
export function NetworkEditor({
  network,
  errors,
  onChange,
}: {
  network: null | Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (path: Path, value: unknown) => void;
}) {
  return (
    <fieldset className="card">
      <legend>Réseau de soins</legend>
      <div className="field-row">
        <SelectField
          label="Réseau"
          path={["network", "name"]}
          errors={errors}
          value={network ? String(network.name) : ""}
          options={[["", "Aucun réseau"], ...NETWORKS.map((name) => [name, NETWORK_LABELS[name]] as const)]}
          onChange={(name) =>
            onChange(["network"], name === "" ? null : { lensesDiscountPercent: 0, frameDiscountPercent: 0, dentalDiscountPercent: 0, hearingDiscountPercent: 0, ...(network ?? {}), name })
          }
        />
        {network &&
          DISCOUNTS.map(([field, label]) => (
            <NumberField key={field} label={label} path={["network", field]} errors={errors} value={network[field]} onChange={(value) => onChange(["network", field], value)} />
          ))}
      </div>
    </fieldset>
  );
}
