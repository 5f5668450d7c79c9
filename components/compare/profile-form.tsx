"use client";

import { cloneElement, useState, useSyncExternalStore, type FormEvent, type ReactElement } from "react";
import { fieldErrorsOf } from "@/lib/actions/result";
import {
  CARE_CATEGORIES,
  CARE_CATEGORY_HINTS,
  CARE_CATEGORY_LABELS,
  LENS_PAIR_LABELS,
  LENS_PAIRS,
  NETWORK_GUARANTEE_CATEGORIES,
  GUARANTEE_OF_CARE_CATEGORY,
  SECTOR_CATEGORIES,
  SECTOR_LABELS,
  SECTORS,
  type CareCategory,
} from "@/lib/schemas/care-category";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { householdResourcesSchema, profileSchema, type Profile } from "@/lib/schemas/profile";
import { usualPriceText } from "./usual-price";
import {
  FRAME_AND_LENSES_CATEGORY,
  emptyBeneficiary,
  emptyLine,
  householdResourcesFromDraft,
  profileFromDraft,
  type BeneficiaryDraft,
  type LineDraft,
  type ProfileDraft,
} from "./profile-draft";

const noSubscription = () => () => {};
const MAX_BENEFICIARIES = 10;
const MAX_LINES = 60;

interface ProfileFormProps {
  draft: ProfileDraft;
  onDraftChange: (draft: ProfileDraft) => void;
  /** The household's resources go beside the profile, never in it (lib/schemas/profile.ts). */
  onSubmit: (profile: Profile, householdResources: string | undefined) => void;
  pending: boolean;
  /** Errors from the server, keyed by dotted path like the client's own. */
  serverErrors?: Record<string, string>;
}

export function ProfileForm({ draft, onDraftChange, onSubmit, pending, serverErrors }: ProfileFormProps) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // Before hydration a click would submit the form natively and lose what was typed.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const errors = { ...serverErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = profileSchema.safeParse(profileFromDraft(draft), FRENCH_ERRORS);
    const resources = householdResourcesFromDraft(draft);
    const parsedResources = resources === undefined ? null : householdResourcesSchema.safeParse(resources, FRENCH_ERRORS);
    if (!parsed.success || (parsedResources && !parsedResources.success)) {
      const found = {
        ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
        ...(parsedResources && !parsedResources.success ? { householdResources: parsedResources.error.issues[0]!.message } : {}),
      };
      setClientErrors(found);
      const firstKey = Object.keys(found)[0];
      if (firstKey) document.getElementById(fieldId(firstKey))?.focus();
      return;
    }
    setClientErrors({});
    onSubmit(parsed.data, parsedResources?.data);
  }

  const updateBeneficiary = (index: number, patch: Partial<BeneficiaryDraft>) =>
    onDraftChange({
      ...draft,
      beneficiaries: draft.beneficiaries.map((beneficiary, i) => (i === index ? { ...beneficiary, ...patch } : beneficiary)),
    });
  const updateLine = (beneficiaryIndex: number, lineIndex: number, patch: Partial<LineDraft>) =>
    updateBeneficiary(beneficiaryIndex, {
      care: draft.beneficiaries[beneficiaryIndex]!.care.map((line, i) => (i === lineIndex ? { ...line, ...patch } : line)),
    });

  const errorCount = Object.keys(errors).length;
  return (
    <form className="profile-form" onSubmit={submit} noValidate aria-describedby={errorCount ? "form-errors" : undefined}>
      {errorCount > 0 && (
        <div id="form-errors" className="form-errors" role="alert">
          {errors._form ?? `${errorCount === 1 ? "Un champ est à corriger" : `${errorCount} champs sont à corriger`} : voir les messages en rouge.`}
        </div>
      )}
      <fieldset className="card">
        <legend>Votre contrat</legend>
        <div className="field-row">
          <Field id={fieldId("startDate")} label="Date d’effet souhaitée" error={errors.startDate}>
            <input
              type="date"
              value={draft.startDate}
              onChange={(event) => onDraftChange({ ...draft, startDate: event.target.value })}
            />
          </Field>
          <Field id={fieldId("department")} label="Département" hint="Code à 2 chiffres, ex. 75 ou 2A" error={errors.department}>
            <input
              inputMode="text"
              autoComplete="off"
              maxLength={3}
              value={draft.department}
              onChange={(event) => onDraftChange({ ...draft, department: event.target.value })}
            />
          </Field>
        </div>
      </fieldset>

      {draft.beneficiaries.map((beneficiary, b) => (
        <fieldset className="card beneficiary" key={beneficiary.key}>
          <legend>
            {beneficiary.label || `Bénéficiaire ${b + 1}`}
          </legend>
          <div className="field-row">
            <Field id={fieldId(`beneficiaries.${b}.label`)} label="Prénom ou rôle" error={errors[`beneficiaries.${b}.label`]}>
              <input value={beneficiary.label} maxLength={60} onChange={(event) => updateBeneficiary(b, { label: event.target.value })} />
            </Field>
            <Field id={fieldId(`beneficiaries.${b}.age`)} label="Âge" error={errors[`beneficiaries.${b}.age`]}>
              <input inputMode="numeric" value={beneficiary.age} onChange={(event) => updateBeneficiary(b, { age: event.target.value })} />
            </Field>
            <Field id={fieldId(`beneficiaries.${b}.regime`)} label="Régime" error={errors[`beneficiaries.${b}.regime`]}>
              <select
                value={beneficiary.regime}
                onChange={(event) => updateBeneficiary(b, { regime: event.target.value as BeneficiaryDraft["regime"] })}
              >
                <option value="general">Régime général</option>
                <option value="alsace-moselle">Alsace-Moselle</option>
              </select>
            </Field>
          </div>
          <div className="checkbox-row">
            <label>
              <input
                type="checkbox"
                checked={beneficiary.hasMedecinTraitant}
                onChange={(event) => updateBeneficiary(b, { hasMedecinTraitant: event.target.checked })}
              />{" "}
              Médecin traitant déclaré
            </label>
            <label>
              <input
                type="checkbox"
                checked={beneficiary.exemptFromParticipation}
                onChange={(event) => updateBeneficiary(b, { exemptFromParticipation: event.target.checked })}
              />{" "}
              Complémentaire santé solidaire (CSS) ou exonéré de participation forfaitaire
            </label>
          </div>

          <table className="care-lines">
            <caption>Soins prévus dans l’année pour {beneficiary.label || `le bénéficiaire ${b + 1}`}</caption>
            <thead>
              <tr>
                <th scope="col">Soin</th>
                <th scope="col">Secteur du praticien</th>
                <th scope="col">Prix facturé (€)</th>
                <th scope="col">Nombre par an</th>
                <th scope="col">Réseau de soins</th>
                <th scope="col">
                  <span className="visually-hidden">Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {beneficiary.care.map((line, l) => {
                const path = `beneficiaries.${b}.care.${l}`;
                const hasSector = SECTOR_CATEGORIES.includes(line.category);
                const networkEligible = NETWORK_GUARANTEE_CATEGORIES.includes(GUARANTEE_OF_CARE_CATEGORY[line.category]);
                return (
                  <tr key={line.key}>
                    <td data-label="Soin">
                      <CellField id={fieldId(`${path}.category`)} label="Soin" error={errors[`${path}.category`]}>
                        <select
                          value={line.category}
                          onChange={(event) => {
                            const category = event.target.value as CareCategory;
                            updateLine(b, l, {
                              category,
                              sector: SECTOR_CATEGORIES.includes(category) ? line.sector || "1" : "",
                              hidden: {},
                              price: "",
                              framePrice: "",
                              lensPair: "",
                            });
                          }}
                        >
                          {CARE_CATEGORIES.map((category) => (
                            <option key={category} value={category}>
                              {CARE_CATEGORY_LABELS[category]}
                            </option>
                          ))}
                        </select>
                      </CellField>
                      <span className="hint small" id={`${fieldId(`${path}.category`)}-what`}>
                        {CARE_CATEGORY_HINTS[line.category]}
                      </span>
                      {line.category === FRAME_AND_LENSES_CATEGORY && (
                        <div className="glasses-fields">
                          <CellField id={fieldId(`${path}.lensPair`)} label="Verres" error={errors[`${path}.lensPair`]} visibleLabel>
                            <select value={line.lensPair || "simple-simple"} onChange={(event) => updateLine(b, l, { lensPair: event.target.value as LineDraft["lensPair"] })}>
                              {LENS_PAIRS.map((pair) => (
                                <option key={pair} value={pair}>
                                  {LENS_PAIR_LABELS[pair]}
                                </option>
                              ))}
                            </select>
                          </CellField>
                          <CellField id={fieldId(`${path}.framePrice`)} label="Dont monture (€)" error={errors[`${path}.framePrice`]} visibleLabel>
                            <input
                              inputMode="decimal"
                              placeholder="prix de la monture"
                              value={line.framePrice}
                              onChange={(event) => updateLine(b, l, { framePrice: event.target.value })}
                            />
                          </CellField>
                        </div>
                      )}
                    </td>
                    <td data-label="Secteur">
                      {hasSector ? (
                        <CellField id={fieldId(`${path}.sector`)} label="Secteur du praticien" error={errors[`${path}.sector`]}>
                          <select value={line.sector} onChange={(event) => updateLine(b, l, { sector: event.target.value as LineDraft["sector"] })}>
                            {SECTORS.map((sector) => (
                              <option key={sector} value={sector}>
                                {SECTOR_LABELS[sector]}
                              </option>
                            ))}
                          </select>
                        </CellField>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label="Prix facturé">
                      <CellField id={fieldId(`${path}.price`)} label="Prix facturé en euros" error={errors[`${path}.price`]}>
                        <input
                          inputMode="decimal"
                          placeholder={usualPriceText(line, beneficiary.age, draft.startDate) ?? "prix habituel"}
                          value={line.price}
                          onChange={(event) => updateLine(b, l, { price: event.target.value })}
                        />
                      </CellField>
                    </td>
                    <td data-label="Nombre par an">
                      <CellField id={fieldId(`${path}.perYear`)} label="Nombre par an" error={errors[`${path}.perYear`]}>
                        <input inputMode="decimal" value={line.perYear} onChange={(event) => updateLine(b, l, { perYear: event.target.value })} />
                      </CellField>
                    </td>
                    <td data-label="Réseau">
                      {networkEligible ? (
                        <label className="inline-check">
                          <input type="checkbox" checked={line.inNetwork} onChange={(event) => updateLine(b, l, { inNetwork: event.target.checked })} />
                          <span className="visually-hidden">Acheté chez un partenaire du réseau de soins</span>
                          <span aria-hidden="true">partenaire</span>
                        </label>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => updateBeneficiary(b, { care: beneficiary.care.filter((_, i) => i !== l) })}
                      >
                        Retirer<span className="visually-hidden"> : {CARE_CATEGORY_LABELS[line.category]}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {errors[`beneficiaries.${b}.care`] && <p className="field-error">{errors[`beneficiaries.${b}.care`]}</p>}
          <div className="actions-row">
            <button
              type="button"
              className="secondary"
              disabled={beneficiary.care.length >= MAX_LINES}
              onClick={() => updateBeneficiary(b, { care: [...beneficiary.care, emptyLine("specialist-referred")] })}
            >
              Ajouter un soin
            </button>
            {draft.beneficiaries.length > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => onDraftChange({ ...draft, beneficiaries: draft.beneficiaries.filter((_, i) => i !== b) })}
              >
                Retirer {beneficiary.label || `le bénéficiaire ${b + 1}`}
              </button>
            )}
          </div>
        </fieldset>
      ))}

      <fieldset className="card">
        <legend>Complémentaire santé solidaire (facultatif)</legend>
        <Field
          id={fieldId("householdResources")}
          label="Ressources annuelles du foyer, en euros"
          hint="Toutes les ressources des 12 derniers mois des personnes ci-dessus (salaires, allocations, pensions…). Seulement pour savoir si vous avez droit à la Complémentaire santé solidaire : ni enregistrées, ni mises dans le lien à partager."
          error={errors.householdResources}
        >
          <input
            inputMode="decimal"
            autoComplete="off"
            value={draft.householdResources}
            onChange={(event) => onDraftChange({ ...draft, householdResources: event.target.value })}
          />
        </Field>
      </fieldset>

      <details className="sector-help">
        <summary>Secteur 1, 2 OPTAM, 2 non OPTAM, 3 : qu’est-ce que c’est ?</summary>
        <ul>
          <li>
            <strong>Secteur 1</strong> : le médecin applique le tarif de la Sécurité sociale, sans dépassement d’honoraires.
          </li>
          <li>
            <strong>Secteur 2 OPTAM</strong> : dépassements libres mais modérés ; la Sécu rembourse sur le même tarif qu’en
            secteur 1 et votre mutuelle peut mieux les couvrir.
          </li>
          <li>
            <strong>Secteur 2 non OPTAM</strong> : dépassements libres ; la base de remboursement est plus basse et un contrat
            responsable ne peut pas couvrir plus de 100 % de la base en dépassement.
          </li>
          <li>
            <strong>Secteur 3</strong> : médecin non conventionné ; la Sécu ne rembourse presque rien (tarif d’autorité).
          </li>
        </ul>
        <p>
          Le secteur de votre médecin figure sur l’annuaire santé de l’Assurance maladie :{" "}
          <a href="https://annuairesante.ameli.fr" rel="noreferrer">
            annuairesante.ameli.fr
          </a>
          .
        </p>
      </details>

      <div className="actions-row">
        <button
          type="button"
          className="secondary"
          disabled={draft.beneficiaries.length >= MAX_BENEFICIARIES}
          onClick={() => onDraftChange({ ...draft, beneficiaries: [...draft.beneficiaries, emptyBeneficiary(draft.beneficiaries.length)] })}
        >
          Ajouter un bénéficiaire
        </button>
        <button type="submit" className="primary" disabled={pending || !hydrated} aria-busy={pending}>
          {pending ? "Calcul en cours…" : "Comparer les offres"}
        </button>
      </div>
    </form>
  );
}

/** DOM id of the input behind a dotted schema path. */
export function fieldId(path: string): string {
  return `f-${path.replaceAll(".", "-")}`;
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactElement<Record<string, unknown>> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <Control id={id} error={error} describedBy={hint ? `${id}-hint` : undefined}>
        {children}
      </Control>
    </div>
  );
}

function CellField({
  id,
  label,
  error,
  visibleLabel = false,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  /** Shown above the control (extra fields of a line); the table's column headers label the others. */
  visibleLabel?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className={visibleLabel ? "small" : "visually-hidden"}>
        {label}
      </label>
      <Control id={id} error={error}>
        {children}
      </Control>
    </div>
  );
}

/** Gives the single input child its id and its error wiring for screen readers. */
function Control({ id, error, describedBy, children }: { id: string; error?: string; describedBy?: string; children: ReactElement<Record<string, unknown>> }) {
  const described = [describedBy, error ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
}
