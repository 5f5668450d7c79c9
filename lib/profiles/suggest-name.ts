import { DEPARTMENT_NAMES } from "@/lib/geo/departments";
import type { ProfileInput } from "@/lib/schemas/profile";

/** Adult for the premium unless said otherwise, as the profile schema reads it: from 18. */
const isAdult = (beneficiary: ProfileInput["beneficiaries"][number]) => (beneficiary.role ?? (beneficiary.age >= 18 ? "adult" : "child")) === "adult";

/**
 * A name for a saved profile from what it holds, so that several saved profiles can be
 * told apart at a glance: "Famille de 4, Paris", "Couple, Gironde", "Une personne de
 * 68 ans, Rhône". The person can change it before saving.
 */
export function suggestProfileName(profile: ProfileInput): string {
  const people = profile.beneficiaries;
  const adults = people.filter(isAdult).length;
  const place = DEPARTMENT_NAMES[profile.department.toUpperCase()] ?? `département ${profile.department}`;
  let who: string;
  if (people.length === 1) who = `Une personne de ${people[0]!.age} ans`;
  else if (adults === people.length && people.length === 2) who = "Couple";
  else if (adults === people.length) who = `${people.length} adultes`;
  else who = `Famille de ${people.length}`;
  return `${who}, ${place}`;
}
