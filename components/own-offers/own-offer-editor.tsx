"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { saveOwnOfferAction } from "@/app/compte/offres/actions";
import { CeilingsEditor, type CeilingDraft } from "@/components/offer-editor/ceilings-editor";
import { CheckboxField, fieldId, MoneyField, NumberField, pathKey, setAt, TextField, type Path } from "@/components/offer-editor/fields";
import { GuaranteeEditor, type GuaranteeDraft } from "@/components/offer-editor/guarantee-editor";
import { NetworkEditor } from "@/components/offer-editor/network-editor";
import { offerFieldLabel } from "@/components/offer-editor/offer-field-label";
import { OfferIssues } from "@/components/offer-editor/offer-issues";
import { PremiumBandsEditor, type BandDraft } from "@/components/offer-editor/premium-bands-editor";
import { reachServer } from "@/lib/actions/reach-server";
import { nextMonthStart } from "@/lib/compare/presets";
import { formatEuros } from "@/lib/format";
import { usualActPreview } from "@/lib/own-offers/usual-act-preview";
import { validateOwnOffer } from "@/lib/own-offers/validate-own-offer";
import { GUARANTEE_CATEGORIES } from "@/lib/schemas/care-category";
import type { OfferInput } from "@/lib/schemas/offer";
import { householdBands } from "./household-premium";

type Draft = Omit<OfferInput, "premiums" | "guarantees" | "network" | "ceilings"> & {
  network: null | Record<string, unknown>;
  ceilings?: CeilingDraft[];
  premiums: { bands: BandDraft[] };
  guarantees: Record<string, GuaranteeDraft>;
};

interface OwnOfferEditorProps {
  offer: OfferInput;
  /** Absent for a new offer. */
  id?: string;
  version?: number;
  currentContractSince: string | null;
}

/**
 * A person's form for an offer from their papers (a tableau de garanties, a devis). It holds
 * the offer in the catalogue format and checks it on every change with the server's rules:
 * errors that the engine could not read block the save; the contrat responsable rules are
 * shown as warnings only (the person cannot change what their insurer printed). Each line
 * shows what one usual act would cost with the terms typed.
 */
export function OwnOfferEditor({ offer, id, version, currentContractSince }: OwnOfferEditorProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(offer as unknown as Draft);
  const [isCurrent, setIsCurrent] = useState(currentContractSince !== null);
  const [since, setSince] = useState(currentContractSince ?? "");
  const [premiumMode, setPremiumMode] = useState<"per-person" | "household">("per-person");
  const [household, setHousehold] = useState<{ total?: string; people?: number | string }>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The usual acts are priced from next month's start, as a new comparison would be.
  const [previewStart] = useState(() => nextMonthStart(new Date()));

  const householdResult = useMemo(
    () => (premiumMode === "household" ? householdBands(household.total, household.people) : null),
    [premiumMode, household],
  );
  const effectiveDraft = useMemo(() => (householdResult?.ok ? { ...draft, premiums: { bands: householdResult.bands } } : draft), [draft, householdResult]);
  const validation = useMemo(() => validateOwnOffer(effectiveDraft), [effectiveDraft]);
  const clientErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    if (!validation.ok) for (const issue of validation.issues) errors[pathKey(issue.path) || "_form"] ??= issue.message;
    if (householdResult && !householdResult.ok) errors["household.total"] = householdResult.message;
    if (isCurrent && !/^\d{4}-\d{2}-\d{2}$/.test(since)) errors.currentContractSince = "Indiquez la date d’adhésion de votre contrat actuel.";
    return errors;
  }, [validation, householdResult, isCurrent, since]);
  const errors = { ...serverErrors, ...clientErrors };
  const issues = validation.ok ? [] : validation.issues;
  const warnings = validation.ok ? validation.warnings : [];
  const previews = useMemo(
    () => (validation.ok ? new Map(GUARANTEE_CATEGORIES.map((category) => [category, usualActPreview(validation.offer, category, previewStart)])) : null),
    [validation, previewStart],
  );

  const change = (path: Path, value: unknown) => {
    setDraft((current) => setAt(current, path, value));
    setServerErrors({});
  };

  function save() {
    if (Object.keys(clientErrors).length > 0) {
      setMessage("L’offre contient des erreurs : corrigez les champs signalés en rouge avant d’enregistrer.");
      const first = issues[0];
      document.getElementById(first ? fieldId(first.path) : Object.keys(clientErrors)[0] === "currentContractSince" ? "f-currentContractSince" : "f-household-total")?.focus();
      return;
    }
    startTransition(async () => {
      const result = await reachServer(() =>
        saveOwnOfferAction({
          ...(id ? { id, expectedVersion: version } : {}),
          offer: effectiveDraft,
          currentContractSince: isCurrent ? since : null,
        }),
      );
      if (result.ok) {
        router.push("/compte/offres");
        router.refresh();
      } else {
        setServerErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  return (
    <form
      className="offer-editor own-offer-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div aria-live="polite">
        {message && (
          <p className="form-errors" role="alert" data-testid="own-offer-message">
            {message}
          </p>
        )}
      </div>
      <OfferIssues issues={issues} />
      {warnings.length > 0 && (
        <div className="warning-note" data-testid="responsable-warnings">
          <p>
            Ces garanties ne respectent pas toutes les règles du contrat responsable. Si vous les avez recopiées telles qu’elles sont imprimées, le
            classement les prend telles quelles ; sinon, vérifiez votre saisie :
          </p>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>
                <a href={`#${fieldId(warning.path)}`}>{offerFieldLabel(warning.path)}</a> : {warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="card">
        <legend>L’offre</legend>
        <div className="field-row">
          <TextField label="Assureur ou mutuelle" hint="Tel qu’écrit sur le document, ex. « Mutuelle Exemple »." path={["insurer", "name"]} errors={errors} value={draft.insurer.name} onChange={(value) => change(["insurer"], { name: value })} />
          <TextField label="Nom de la formule" hint="Ex. « Confort 3 », ou « Devis du 3 mars »." path={["formula"]} errors={errors} value={draft.formula} onChange={(value) => change(["formula"], value)} />
        </div>
        <div className="checkbox-row">
          <CheckboxField
            label="Contrat responsable (c’est écrit sur presque tous les tableaux de garanties)"
            path={["responsable"]}
            errors={errors}
            checked={draft.responsable}
            onChange={(checked) => change(["responsable"], checked)}
          />
          <CheckboxField label="C’est mon contrat actuel" path={["isCurrentContract"]} errors={errors} checked={isCurrent} onChange={setIsCurrent} />
        </div>
        {isCurrent && (
          <div className="field-row">
            <TextField
              label="Date d’adhésion à ce contrat"
              hint="Sur votre certificat d’adhésion ou votre carte de tiers payant : elle dit quand vous pourrez le quitter."
              type="date"
              path={["currentContractSince"]}
              errors={errors}
              value={since}
              onChange={setSince}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="card">
        <legend>Cotisation mensuelle</legend>
        <div className="segmented" role="radiogroup" aria-label="Cotisation donnée">
          <label>
            <input type="radio" name="premium-mode" checked={premiumMode === "per-person"} onChange={() => setPremiumMode("per-person")} /> Par personne, selon l’âge
          </label>
          <label>
            <input type="radio" name="premium-mode" checked={premiumMode === "household"} onChange={() => setPremiumMode("household")} /> Pour tout le foyer
          </label>
        </div>
        {premiumMode === "household" ? (
          <div className="field-row">
            <MoneyField label="Cotisation mensuelle du foyer (€)" path={["household", "total"]} errors={errors} value={household.total} onChange={(total) => setHousehold({ ...household, total })} />
            <NumberField
              label="Nombre de personnes couvertes par ce devis"
              hint="La cotisation est enregistrée par personne : valable pour un foyer de cette taille."
              path={["household", "people"]}
              errors={errors}
              value={household.people}
              onChange={(people) => setHousehold({ ...household, people })}
            />
          </div>
        ) : (
          <PremiumBandsEditor bands={draft.premiums.bands} errors={errors} onChange={change} />
        )}
      </fieldset>

      <NetworkEditor network={draft.network} errors={errors} onChange={change} />

      <section aria-labelledby="guarantees-title">
        <h2 id="guarantees-title">Garanties, poste par poste</h2>
        <p className="hint">
          Chaque poste commence à « 100 % BR » (le ticket modérateur) ou « non couvert » quand la Sécu ne rembourse rien : ne changez que ce que votre
          document imprime autrement. Sous chaque poste, le coût d’un acte courant avec votre saisie.
        </p>
        {GUARANTEE_CATEGORIES.map((category) => {
          const figures = previews?.get(category);
          return (
            <GuaranteeEditor
              key={category}
              category={category}
              guarantee={draft.guarantees[category] ?? {}}
              errors={errors}
              onChange={change}
              withNetworkTerms={false}
              preview={
                figures ? (
                  <p className="usual-act" data-testid={`usual-act-${category}`}>
                    {figures.label} à {formatEuros(figures.split.price)} : Sécu {formatEuros(figures.split.secu)}, mutuelle {formatEuros(figures.split.mutuelle)},{" "}
                    <strong>reste à charge {formatEuros(figures.split.rac)}</strong>.
                  </p>
                ) : null
              }
            />
          );
        })}
      </section>

      <CeilingsEditor ceilings={draft.ceilings ?? []} errors={errors} onChange={change} />

      <div className="actions-row sticky-actions">
        <button type="submit" className="primary" disabled={pending}>
          Enregistrer l’offre
        </button>
        <Link href="/compte/offres">Annuler</Link>
        {pending && <span className="pending">Enregistrement…</span>}
      </div>
    </form>
  );
}
