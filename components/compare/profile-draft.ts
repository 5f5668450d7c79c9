import { CARE_CATEGORIES, SECTOR_CATEGORIES, type CareCategory, type LensPair, type Sector } from "@/lib/schemas/care-category";
import type { ProfileInput } from "@/lib/schemas/profile";

type CareLineInput = ProfileInput["beneficiaries"][number]["care"][number];

/**
 * What the profile form edits: every typed character is kept as text, so a wrong value
 * is shown back as typed, next to its error, instead of being lost to a number parse.
 */
export interface LineDraft {
  key: string;
  category: CareCategory;
  sector: Sector | "";
  price: string;
  perYear: string;
  inNetwork: boolean;
  /** Glasses at free prices: the frame's part of the price, and the lenses (both decide the coverage). */
  framePrice: string;
  lensPair: LensPair | "";
  /** Fields the form does not show (BR, label), carried through untouched. */
  hidden: Partial<Pick<CareLineInput, "br" | "label">>;
}

/** The only care whose frame and lenses the form asks for (R871-2 ceilings and "glassesAmounts" depend on them). */
export const FRAME_AND_LENSES_CATEGORY: CareCategory = "glasses-class-b";

export interface BeneficiaryDraft {
  key: string;
  label: string;
  age: string;
  regime: "general" | "alsace-moselle";
  hasMedecinTraitant: boolean;
  exemptFromParticipation: boolean;
  care: LineDraft[];
}

export interface ProfileDraft {
  startDate: string;
  department: string;
  beneficiaries: BeneficiaryDraft[];
  /** Yearly household resources as typed, for the Complémentaire santé solidaire; not part of the profile. */
  householdResources: string;
}

let keySequence = 0;
export const newKey = (prefix: string) => `${prefix}-${++keySequence}`;

const moneyText = (value: string | number | undefined) => (value === undefined ? "" : String(value).replace(".", ","));

export function draftFromProfile(profile: ProfileInput): ProfileDraft {
  return {
    startDate: profile.startDate,
    department: profile.department,
    // Never in a profile (shared link, saved profile): typed again for each comparison.
    householdResources: "",
    beneficiaries: profile.beneficiaries.map((beneficiary) => ({
      key: newKey("b"),
      label: beneficiary.label,
      age: String(beneficiary.age),
      regime: beneficiary.regime ?? "general",
      hasMedecinTraitant: beneficiary.hasMedecinTraitant ?? true,
      exemptFromParticipation: beneficiary.exemptFromParticipation ?? false,
      care: beneficiary.care.map((line) => {
        const { category, sector, price, perYear, inNetwork, framePrice, lensPair, ...hidden } = line;
        return {
          key: newKey("l"),
          category,
          sector: sector ?? "",
          price: moneyText(price),
          perYear: String(perYear).replace(".", ","),
          inNetwork: inNetwork ?? false,
          framePrice: moneyText(framePrice),
          lensPair: lensPair ?? "",
          hidden,
        };
      }),
    })),
  };
}

/** "1 234,50" → "1234.50"; anything else is passed on as typed for zod to refuse. */
function decimalText(text: string): string {
  return text.trim().replace(/\s|\u202f|\u00a0/g, "").replace(",", ".");
}

function numberOrText(text: string): number | string {
  const normalised = decimalText(text);
  return normalised !== "" && Number.isFinite(Number(normalised)) ? Number(normalised) : text;
}

/** The draft as the profile schema's input; validation is left to the schema. */
export function profileFromDraft(draft: ProfileDraft): unknown {
  return {
    startDate: draft.startDate,
    department: draft.department.trim().toUpperCase(),
    beneficiaries: draft.beneficiaries.map((beneficiary) => ({
      label: beneficiary.label,
      age: numberOrText(beneficiary.age),
      regime: beneficiary.regime,
      hasMedecinTraitant: beneficiary.hasMedecinTraitant,
      exemptFromParticipation: beneficiary.exemptFromParticipation,
      care: beneficiary.care.map((line) => ({
        ...line.hidden,
        category: line.category,
        ...(line.sector && SECTOR_CATEGORIES.includes(line.category) ? { sector: line.sector } : {}),
        ...(line.price.trim() ? { price: decimalText(line.price) } : {}),
        ...(line.framePrice.trim() ? { framePrice: decimalText(line.framePrice) } : {}),
        ...(line.lensPair ? { lensPair: line.lensPair } : {}),
        perYear: numberOrText(line.perYear),
        inNetwork: line.inNetwork,
      })),
    })),
  };
}

/** The household's resources as the schema's input, or undefined when left empty (they are optional). */
export function householdResourcesFromDraft(draft: ProfileDraft): string | undefined {
  return draft.householdResources.trim() ? decimalText(draft.householdResources) : undefined;
}

export function emptyLine(category: CareCategory = CARE_CATEGORIES[0]): LineDraft {
  return {
    key: newKey("l"),
    category,
    sector: SECTOR_CATEGORIES.includes(category) ? "1" : "",
    price: "",
    perYear: "1",
    inNetwork: false,
    framePrice: "",
    lensPair: "",
    hidden: {},
  };
}

export function emptyBeneficiary(index: number): BeneficiaryDraft {
  return {
    key: newKey("b"),
    label: index === 0 ? "Adulte" : `Bénéficiaire ${index + 1}`,
    age: "35",
    regime: "general",
    hasMedecinTraitant: true,
    exemptFromParticipation: false,
    care: [emptyLine("gp")],
  };
}
