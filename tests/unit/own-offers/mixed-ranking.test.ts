import { describe, expect, test } from "vitest";
import { quoteOffers, type QuoteResult } from "@/lib/engine";
import { blankOwnOffer } from "@/lib/own-offers/blank-own-offer";
import { validateOwnOffer } from "@/lib/own-offers/validate-own-offer";
import { CATALOGUE_FORMAT_VERSION, type Offer } from "@/lib/schemas/offer";
import { profileSchema } from "@/lib/schemas/profile";
import { buildDemoCatalogue } from "@/seed/demo-catalogue";
import { REFERENCE_PROFILES } from "@/seed/factories/profiles";
import { runQuoteCli } from "@/scripts/quote";

/** Own offers as saved (validateOwnOffer's output, read back as JSON, as lib/own-offers returns them). */
function ownOffer(id: string, formula: string, monthly: string, implantForfait: string): Offer {
  const blank = blankOwnOffer();
  const validation = validateOwnOffer({
    ...blank,
    id,
    insurer: { name: "Mutuelle du devis" },
    formula,
    premiums: { bands: [{ minAge: 0, maxAge: 120, monthly }] },
    guarantees: {
      ...blank.guarantees,
      "doctor-gp": { percentBr: 100, basis: "tm-plus" },
      "dental-implants": { forfait: { amount: implantForfait, per: "equipment" } },
    },
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return JSON.parse(JSON.stringify(validation.offer)) as Offer;
}

describe("own offers are offers in the catalogue format", () => {
  test("a mixed list (catalogue + own offers) ranks exactly as the quote command line ranks the same file", () => {
    const catalogueOffers = buildDemoCatalogue().offers.slice(0, 8);
    const own = [ownOffer("perso-000000000000000000000001", "Devis A", "38.50", "300.00"), ownOffer("perso-000000000000000000000002", "Contrat actuel", "61.20", "0.00")];
    const mixed = [...catalogueOffers, ...own];
    const profile = REFERENCE_PROFILES[1]!.profile;
    const files: Record<string, string> = {
      "catalogue.json": JSON.stringify({ formatVersion: CATALOGUE_FORMAT_VERSION, offers: mixed }),
      "profile.json": JSON.stringify(profile),
    };
    const cli = runQuoteCli(["--catalogue", "catalogue.json", "--profile", "profile.json"], (file) => files[file]!);
    expect(cli.stderr).toBe("");
    const fromCli = JSON.parse(cli.stdout) as QuoteResult;
    const inApp = quoteOffers(mixed, profileSchema.parse(profile), { sort: "total" });

    expect(inApp.offers.map((quote) => [quote.offerId, quote.rank, quote.annualPremium, quote.expectedRac, quote.badYearRac, quote.totalCost])).toEqual(
      fromCli.offers.map((quote) => [quote.offerId, quote.rank, quote.annualPremium, quote.expectedRac, quote.badYearRac, quote.totalCost]),
    );
    // Both own offers are ranked among the catalogue's, not set apart.
    const ranked = fromCli.offers.map((quote) => quote.offerId);
    expect(ranked).toEqual(expect.arrayContaining(own.map((offer) => offer.id)));
    expect(ranked).toHaveLength(mixed.length - fromCli.ineligible.length);
  });
});
