"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteInsurerAction, saveInsurerAction } from "@/app/admin/actions";
import { reachServer } from "@/lib/actions/reach-server";
import type { AdminInsurer } from "@/lib/catalogue/admin/insurers";
import { formatCount } from "@/lib/format";
import { CheckboxField, SelectField, TextField } from "@/components/offer-editor/fields";

const KIND_OPTIONS = [
  ["", "Non précisé"],
  ["mutuelle", "Mutuelle"],
  ["assureur", "Assureur"],
  ["institution-de-prevoyance", "Institution de prévoyance"],
] as const;

type InsurerDraft = { name: string; kind: string; registrationNumber: string; illustrative: boolean };
const draftOf = (insurer: AdminInsurer | null): InsurerDraft => ({
  name: insurer?.name ?? "",
  kind: insurer?.kind ?? "",
  registrationNumber: insurer?.registrationNumber ?? "",
  illustrative: insurer?.illustrative ?? false,
});

/** One insurer's form (a new one when `insurer` is null): create or update, delete when it has no offers. */
function InsurerForm({ insurer }: { insurer: AdminInsurer | null }) {
  const router = useRouter();
  const [draft, setDraft] = useState(draftOf(insurer));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const prefix = insurer?.id ?? "nouveau";
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([key, value]) => [`${prefix}.${key.replace(/^insurer\./, "")}`, value]));
  const label = insurer ? `${insurer.name} : ` : "";

  return (
    <form
      className="card"
      noValidate
      data-testid="insurer-form"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await reachServer(() => saveInsurerAction({
            id: insurer?.id ?? null,
            insurer: { name: draft.name, kind: draft.kind === "" ? null : draft.kind, registrationNumber: draft.registrationNumber, illustrative: draft.illustrative },
          }));
          setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
          setMessage(result.ok ? { ok: true, text: insurer ? "Assureur enregistré." : "Assureur créé." } : { ok: false, text: result.message });
          if (result.ok && !insurer) setDraft(draftOf(null));
          if (result.ok) router.refresh();
        });
      }}
    >
      {!insurer && <h2>Nouvel assureur</h2>}
      {insurer && <p className="hint">{insurer.offerCount === 0 ? "Aucune offre" : formatCount(insurer.offerCount, "offre")}</p>}
      <div className="field-row">
        <TextField label={`${label}nom`} path={[prefix, "name"]} errors={fieldErrors} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <SelectField label={`${label}type d'organisme`} path={[prefix, "kind"]} errors={fieldErrors} value={draft.kind} options={KIND_OPTIONS} onChange={(kind) => setDraft({ ...draft, kind })} />
        <TextField
          label={`${label}numéro d'immatriculation`}
          hint="SIREN, RNM, ORIAS…"
          path={[prefix, "registrationNumber"]}
          errors={fieldErrors}
          value={draft.registrationNumber}
          onChange={(registrationNumber) => setDraft({ ...draft, registrationNumber })}
        />
      </div>
      <CheckboxField label={`${label}fictif (catalogue de démonstration)`} path={[prefix, "illustrative"]} errors={fieldErrors} checked={draft.illustrative} onChange={(illustrative) => setDraft({ ...draft, illustrative })} />
      <div className="actions-row">
        <button type="submit" className="primary" disabled={pending}>
          {insurer ? "Enregistrer" : "Créer l'assureur"}
        </button>
        {insurer && insurer.offerCount === 0 && (
          <button
            type="button"
            className="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await reachServer(() => deleteInsurerAction({ id: insurer.id }));
                setMessage(result.ok ? { ok: true, text: "Assureur supprimé." } : { ok: false, text: result.message });
                if (result.ok) router.refresh();
              })
            }
          >
            Supprimer
          </button>
        )}
        {message && (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "" : "field-error"}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

export function InsurersManager({ insurers }: { insurers: AdminInsurer[] }) {
  return (
    <>
      <InsurerForm insurer={null} />
      <h2>{insurers.length} assureurs</h2>
      {insurers.map((insurer) => (
        <InsurerForm key={insurer.id} insurer={insurer} />
      ))}
    </>
  );
}
