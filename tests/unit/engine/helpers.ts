import type { z } from "zod";
import { quoteOffers, type OfferQuote, type QuoteOptions } from "@/lib/engine";
import { GUARANTEE_CATEGORIES, type GuaranteeCategory } from "@/lib/schemas/care-category";
import { offerSchema, type Offer, type OfferInput, type guaranteeSchema } from "@/lib/schemas/offer";
import { profileSchema, type Profile, type ProfileInput } from "@/lib/schemas/profile";

export type GuaranteeInput = z.input<typeof guaranteeSchema>;
type CareLineInput = ProfileInput["beneficiaries"][number]["care"][number];
type BeneficiaryInput = Omit<ProfileInput["beneficiaries"][number], "care">;

const NO_SECU_CATEGORIES: readonly GuaranteeCategory[] = ["private-room", "contact-lenses", "alternative-medicine", "dental-implants"];

/**
 * A test offer: by default responsable, "x % BR Sécu included" on every category with a
 * BR, frais réels on the hospital forfaits, nothing on what the Sécu does not reimburse.
 */
export function testOffer(
  options: {
    id?: string;
    percent?: number;
    responsable?: boolean;
    guarantees?: Partial<Record<GuaranteeCategory, GuaranteeInput>>;
    ceilings?: OfferInput["ceilings"];
    network?: OfferInput["network"];
    monthly?: string;
  } = {},
): Offer {
  const percent = options.percent ?? 100;
  const guarantees = Object.fromEntries(
    GUARANTEE_CATEGORIES.map((category): [GuaranteeCategory, GuaranteeInput] => [
      category,
      options.guarantees?.[category] ??
        (category === "hospital-daily-charge" || category === "heavy-act-charge"
          ? { fraisReels: true }
          : NO_SECU_CATEGORIES.includes(category)
            ? {}
            : { percentBr: percent }),
    ]),
  );
  return offerSchema.parse({
    id: options.id ?? `test-${percent}`,
    insurer: { name: "Mutuelle d'essai" },
    formula: `${percent} %`,
    level: 3,
    responsable: options.responsable ?? true,
    network: options.network ?? null,
    premiums: { bands: [{ minAge: 0, maxAge: 120, monthly: options.monthly ?? "50.00" }] },
    guarantees,
    ceilings: options.ceilings ?? [],
  });
}

export function oneLineProfile(
  line: CareLineInput,
  beneficiary: Partial<BeneficiaryInput> = {},
  startDate = "2026-01-01",
): Profile {
  return profileSchema.parse({
    startDate,
    department: "75",
    beneficiaries: [{ label: "Assuré", age: 40, ...beneficiary, care: [line] }],
  });
}

export function scenarioOf(offer: Offer, profile: Profile, options: QuoteOptions = {}): OfferQuote {
  const result = quoteOffers([offer], profile, { mode: "scenario", ...options });
  const quote = result.offers[0];
  if (!quote) throw new Error(`offer not quoted: ${JSON.stringify(result.ineligible)}`);
  return quote;
}

/** Reasons of a quote's scenario as { reason: "12.34" }. */
export function reasonsOf(quote: OfferQuote): Record<string, string> {
  return Object.fromEntries(quote.scenario.reasons.map((r) => [r.reason, r.amount]));
}

/**
 * Three lines of 104 sessions claiming 1,37 € each from a 420 € ceiling (about what they
 * claim together on average): with a ceiling work budget of 20 000 units, too small for
 * the exact convolution, the offer's expected figure is the bounded one.
 */
export function ceilingPastItsBudget(): { offer: Offer; profile: Profile; ceilingWork: number } {
  const offer = testOffer({
    responsable: false,
    guarantees: { "alternative-medicine": { forfait: { amount: "1.37", per: "act" } } },
    ceilings: [{ id: "douce", categories: ["alternative-medicine"], amount: "420.00", period: "calendar" }],
  });
  const profile = profileSchema.parse({
    startDate: "2026-01-01",
    department: "75",
    beneficiaries: [{ label: "Adulte", age: 40, care: ["55.00", "61.00", "67.00"].map((price) => ({ category: "alternative-medicine", perYear: 104, price })) }],
  });
  return { offer, profile, ceilingWork: 20_000 };
}
