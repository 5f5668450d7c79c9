import type { Ref } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { TextField } from "./text-field";

/** The French message for a new password that breaks the length policy, or undefined. */
export function newPasswordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`;
  return undefined;
}

interface NewPasswordFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** "Nouveau mot de passe", with the policy as its hint (reset and change pages). */
export function NewPasswordField({ id, value, onChange, error, ref }: NewPasswordFieldProps) {
  return (
    <TextField
      ref={ref}
      id={id}
      label="Nouveau mot de passe"
      hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
      type="password"
      name="new-password"
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      required
    />
  );
}
