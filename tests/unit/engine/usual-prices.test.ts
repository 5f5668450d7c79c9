import { describe, expect, it } from "vitest";
import { quoteOffers, usualPrices } from "@/lib/engine";
import { REGULATED_PRICE_CATEGORIES, profileSchema, type ProfileInput } from "@/lib/schemas/profile";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

const oneLine = (care: ProfileInput["beneficiaries"][number]["care"][number], age = 40) =>
  profileSchema.parse({ startDate: "2026-03-01", department: "75", beneficiaries: [{ label: "A", age, care: [care] }] });

describe("usualPrices", () => {
  it.each([
    ["consultation de généraliste, secteur 1 (tarif)", { category: "gp", perYear: 1, sector: "1" }, "30.00"],
    ["généraliste OPTAM (DOMAIN §5)", { category: "gp", perYear: 1, sector: "2-optam" }, "35.00"],
    ["spécialiste non OPTAM (DOMAIN §5)", { category: "specialist", perYear: 1, sector: "2-non-optam" }, "65.00"],
    ["couronne à tarif libre (DOMAIN §5)", { category: "crown-free-price", perYear: 1 }, "557.00"],
    ["séance de kinésithérapie en 2026 (AMS 8,1 × 2,21 €)", { category: "physiotherapy", perYear: 1 }, "17.90"],
    ["consultation chez le dentiste (BR 23 €)", { category: "dental-consultation", perYear: 1 }, "23.00"],
    ["prix saisi", { category: "gp", perYear: 1, sector: "2-optam", price: "42.50" }, "42.50"],
  ] as const)("%s", (_label, care, expected) => {
    expect(usualPrices(oneLine(care))).toEqual([[expected]]);
  });

  it.each(REFERENCE_PROFILES.map((preset) => [preset.id, preset.profile] as const))(
    "entering the usual price changes nothing in the %s quote",
    (_id, input) => {
      const profile = profileSchema.parse(input);
      const prices = usualPrices(profile);
      const explicit = profileSchema.parse({
        ...input,
        beneficiaries: input.beneficiaries.map((beneficiary, b) => ({
          ...beneficiary,
          care: beneficiary.care.map((line, l) =>
            (REGULATED_PRICE_CATEGORIES as readonly string[]).includes(line.category) ? line : { ...line, price: prices[b]![l]! },
          ),
        })),
      });
      const offers = generateSyntheticOffers({ count: 20 });
      const strip = (profileToQuote: typeof profile) =>
        quoteOffers(offers, profileToQuote, { breakdown: false, mode: "scenario" }).offers.map((quote) => [quote.offerId, quote.scenario]);
      expect(strip(explicit)).toEqual(strip(profile));
    },
  );
});
