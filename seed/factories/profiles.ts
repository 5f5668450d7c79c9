import { profileSchema, type Profile, type ProfileInput } from "../../lib/schemas/profile";

/** Named household profiles: test fixtures, benchmark input and presets on the public site. */
export interface ReferenceProfile {
  id: string;
  label: string;
  description: string;
  profile: ProfileInput;
}

export const REFERENCE_PROFILE_IDS = ["jeune-actif", "couple-avec-enfants", "senior", "besoins-optique-dentaire"] as const;
export type ReferenceProfileId = (typeof REFERENCE_PROFILE_IDS)[number];

export const REFERENCE_PROFILES: readonly (ReferenceProfile & { id: ReferenceProfileId })[] = [
  {
    id: "jeune-actif",
    label: "Jeune actif",
    description: "28 ans : quelques consultations, un suivi chez un psychologue, de la kiné, une paire de lunettes tous les deux ans.",
    profile: {
      startDate: "2026-01-01",
      department: "69",
      beneficiaries: [
        {
          label: "Adulte",
          age: 28,
          care: [
            { category: "gp", perYear: 2 },
            { category: "specialist-referred", perYear: 1, sector: "2-optam", price: "50.00" },
            { category: "pharmacy-65", perYear: 4 },
            { category: "dental-care", perYear: 1 },
            { category: "glasses-class-b", perYear: 0.5, price: "300.00", framePrice: "100.00" },
            { category: "psychologist-msp", perYear: 6 },
            { category: "physiotherapy", perYear: 8 },
          ],
        },
      ],
    },
  },
  {
    id: "couple-avec-enfants",
    label: "Couple avec deux enfants",
    description: "Deux adultes et deux enfants : suivi pédiatrique, orthodontie, lunettes et spécialistes (12 lignes de soins).",
    profile: {
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [
        {
          label: "Adulte 1",
          age: 41,
          care: [
            { category: "gp", perYear: 3 },
            { category: "specialist-referred", perYear: 2, sector: "2-non-optam", price: "60.00" },
            { category: "glasses-class-b", perYear: 0.5, price: "480.00", framePrice: "160.00", lensPair: "complex-complex" },
            { category: "crown-free-price", perYear: 0.3, price: "600.00" },
          ],
        },
        {
          label: "Adulte 2",
          age: 39,
          care: [
            { category: "gynecologist", perYear: 1, sector: "2-optam", price: "60.00" },
            { category: "dental-care", perYear: 2 },
            { category: "pharmacy-65", perYear: 6 },
          ],
        },
        {
          label: "Enfant 1",
          age: 12,
          care: [
            { category: "pediatrician", perYear: 2, sector: "2-optam", price: "45.00" },
            { category: "orthodontics", perYear: 2, price: "700.00" },
            { category: "glasses-class-b", perYear: 0.5, price: "250.00", framePrice: "90.00" },
          ],
        },
        {
          label: "Enfant 2",
          age: 5,
          care: [
            { category: "gp", perYear: 4 },
            { category: "alternative-medicine", perYear: 3, price: "50.00" },
          ],
        },
      ],
    },
  },
  {
    id: "senior",
    label: "Senior",
    description: "68 ans : spécialistes, pharmacie, une hospitalisation probable et des aides auditives.",
    profile: {
      startDate: "2026-01-01",
      department: "33",
      beneficiaries: [
        {
          label: "Retraité",
          age: 68,
          care: [
            { category: "gp", perYear: 6 },
            { category: "specialist-referred", perYear: 3, sector: "2-optam", price: "55.00" },
            { category: "ophthalmologist", perYear: 1, sector: "2-non-optam", price: "70.00" },
            { category: "lab-test", perYear: 3, price: "30.00" },
            { category: "pharmacy-65", perYear: 20 },
            { category: "pharmacy-30", perYear: 6 },
            { category: "hospital-day", perYear: 3 },
            { category: "private-room", perYear: 2, price: "90.00" },
            { category: "surgeon-fees", perYear: 0.3, sector: "2-non-optam", br: "300.00", price: "700.00" },
            { category: "heavy-act-charge", perYear: 0.3 },
            { category: "hearing-aid-class-2", perYear: 0.5, price: "1600.00" },
          ],
        },
      ],
    },
  },
  {
    id: "besoins-optique-dentaire",
    label: "Gros besoins en optique et dentaire",
    description: "45 ans : verres progressifs, couronnes et implants à prix libres, lentilles.",
    profile: {
      startDate: "2026-01-01",
      department: "13",
      beneficiaries: [
        {
          label: "Adulte",
          age: 45,
          care: [
            { category: "gp", perYear: 2 },
            { category: "ophthalmologist", perYear: 1, sector: "2-optam", price: "55.00" },
            { category: "glasses-class-b", perYear: 1, price: "650.00", framePrice: "180.00", lensPair: "very-complex-very-complex", inNetwork: true },
            { category: "contact-lenses", perYear: 1, price: "220.00" },
            { category: "dental-care", perYear: 3 },
            { category: "crown-free-price", perYear: 2, price: "650.00", inNetwork: true },
            { category: "crown-100-sante", perYear: 1 },
            { category: "dental-implant", perYear: 0.5, price: "1200.00", inNetwork: true },
          ],
        },
      ],
    },
  },
];

export function referenceProfile(id: ReferenceProfileId): Profile {
  const found = REFERENCE_PROFILES.find((entry) => entry.id === id);
  if (!found) throw new Error(`Unknown reference profile ${id}`);
  return profileSchema.parse(found.profile);
}
