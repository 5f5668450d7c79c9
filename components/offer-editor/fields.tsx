"use client";

import { useState, type ReactNode } from "react";

export type Path = (string | number)[];
export const pathKey = (path: Path) => path.join(".");
/** A DOM id for a field path ("guarantees.doctor-gp.percentBr" → "f-guarantees-doctor-gp-percentBr"). */
export const fieldId = (path: Path) => `f-${path.join("-")}`;

interface FieldProps {
  label: string;
  path: Path;
  errors: Record<string, string>;
  hint?: string;
}

/** A field's error under it, named for aria-describedby and for the list of issues that points to it (data-path). */
function FieldError({ id, path, error }: { id: string; path: Path; error: string | undefined }) {
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="field-error" data-path={pathKey(path)}>
      {error}
    </span>
  );
}

function Field({ label, path, errors, hint, children }: FieldProps & { children: (props: { id: string; invalid: boolean; describedBy?: string }) => ReactNode }) {
  const id = fieldId(path);
  const error = errors[pathKey(path)];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, invalid: Boolean(error), describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={id} path={path} error={error} />
    </div>
  );
}

export function TextField({ value, onChange, readOnly, type = "text", ...props }: FieldProps & { value: string; onChange: (value: string) => void; readOnly?: boolean; type?: string }) {
  return (
    <Field {...props}>
      {({ id, invalid, describedBy }) => (
        <input id={id} type={type} value={value} readOnly={readOnly} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/**
 * A number typed as text: the text is kept as typed ("1," while typing "1,5"), the value
 * sent up is the number, undefined when empty, or the raw text when it is not a number
 * (the shared zod schema then reports it next to the field).
 */
export function NumberField({ value, onChange, ...props }: FieldProps & { value: unknown; onChange: (value: number | string | undefined) => void }) {
  const shown = value === undefined || value === null ? "" : String(value).replace(".", ",");
  const [text, setText] = useState(shown);
  const [lastValue, setLastValue] = useState(value);
  if (lastValue !== value) {
    // Reset from outside (reload, new row): show the new value.
    setLastValue(value);
    if (parseNumber(text) !== value) setText(shown);
  }
  return (
    <Field {...props}>
      {({ id, invalid, describedBy }) => (
        <input
          id={id}
          inputMode="decimal"
          value={text}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseNumber(event.target.value);
            setLastValue(parsed);
            onChange(parsed);
          }}
        />
      )}
    </Field>
  );
}

function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/\s/g, "").replace(",", ".");
  if (trimmed === "") return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : text;
}

/** Money stays a decimal string ("30.00"), as the catalogue format writes it; a comma is read as the decimal point. */
export function MoneyField({ value, onChange, ...props }: FieldProps & { value: unknown; onChange: (value: string | undefined) => void }) {
  return (
    <Field {...props}>
      {({ id, invalid, describedBy }) => (
        <input
          id={id}
          inputMode="decimal"
          value={value === undefined || value === null ? "" : String(value).replace(".", ",")}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            // "1 000,50" as a French person types it → "1000.50".
            const text = event.target.value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
            onChange(text === "" ? undefined : text);
          }}
        />
      )}
    </Field>
  );
}

export function SelectField({
  value,
  onChange,
  options,
  ...props
}: FieldProps & { value: string; onChange: (value: string) => void; options: readonly (readonly [string, string])[] }) {
  return (
    <Field {...props}>
      {({ id, invalid, describedBy }) => (
        <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
          {options.map(([optionValue, label]) => (
            <option key={optionValue} value={optionValue}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, path, errors, checked, onChange }: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(path);
  const error = errors[pathKey(path)];
  return (
    <div className="field">
      <span className="inline-check">
        <input id={id} type="checkbox" checked={checked} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </span>
      <FieldError id={id} path={path} error={error} />
    </div>
  );
}

/**
 * A section edited as JSON (ceilings, in-network terms): the text is kept as typed; a
 * text that does not parse is reported to the editor, which refuses to save it.
 */
export function JsonField({
  value,
  onChange,
  onSyntaxError,
  rows = 6,
  ...props
}: FieldProps & { value: unknown; onChange: (value: unknown) => void; onSyntaxError: (message: string | null) => void; rows?: number }) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const errors = syntax ? { ...props.errors, [pathKey(props.path)]: syntax } : props.errors;
  return (
    <Field {...props} errors={errors}>
      {({ id, invalid, describedBy }) => (
        <textarea
          id={id}
          className="json"
          rows={rows}
          spellCheck={false}
          value={text}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.trim() === "") {
              setSyntax(null);
              onSyntaxError(null);
              onChange(undefined);
              return;
            }
            try {
              const parsed = JSON.parse(event.target.value) as unknown;
              setSyntax(null);
              onSyntaxError(null);
              onChange(parsed);
            } catch {
              const message = "JSON invalide : vérifiez les guillemets, virgules et accolades.";
              setSyntax(message);
              onSyntaxError(message);
            }
          }}
        />
      )}
    </Field>
  );
}

/** Immutable set at a path; `undefined` removes the key (an absent optional field). */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const object = { ...((root ?? {}) as Record<string, unknown>) };
  const next = setAt(object[head as string], rest, value);
  if (next === undefined) delete object[head as string];
  else object[head as string] = next;
  return object as T;
}
