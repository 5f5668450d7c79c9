import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import type { ProfileInput } from "@/lib/schemas/profile";

/** The starting points offered on the home page; they fill the form and stay editable. */
export const PRESETS = REFERENCE_PROFILES.map(({ id, label, description }) => ({ id, label, description }));

const DEFAULT_PROFILE: ProfileInput = {
  startDate: `${new Date().getFullYear() + 1}-01-01`,
  department: "75",
  beneficiaries: [{ label: "Adulte", age: 35, care: [{ category: "gp", perYear: 3 }] }],
};

export function presetProfile(id: string | undefined): ProfileInput {
  return REFERENCE_PROFILES.find((preset) => preset.id === id)?.profile ?? DEFAULT_PROFILE;
}
