import { describe, expect, test } from "vitest";
import { oneLineProfile, scenarioOf, testOffer } from "./helpers";

/**
 * DOMAIN.md §5, recomputed by hand (adult, parcours, 2026, "x % BR Sécu included").
 * Each act is alone in its profile so the 2 € participation forfaitaire applies to it.
 * The "200 %" column uses an offer at 220 % for OPTAM doctors: with 200 % everywhere
 * R871-2 would cap non-OPTAM coverage 20 points lower (see the rules table).
 */
const OFFERS = {
  "100 %": testOffer({ percent: 100 }),
  "200 %": testOffer({
    percent: 200,
    guarantees: {
      "doctor-gp": { percentBr: 220, percentBrNonOptam: 200 },
      "doctor-specialist": { percentBr: 220, percentBrNonOptam: 200 },
    },
  }),
  "300 %": testOffer({ percent: 300 }),
} as const;

const ACTS = [
  {
    act: "Généraliste secteur 1 (30 €, BR 30 €)",
    line: { category: "gp", perYear: 1, sector: "1", price: "30.00" },
    secu: "19.00",
    mutuelle: { "100 %": "9.00", "200 %": "9.00", "300 %": "9.00" },
    rac: { "100 %": "2.00", "200 %": "2.00", "300 %": "2.00" },
  },
  {
    act: "Généraliste OPTAM (35 €, BR 30 €)",
    line: { category: "gp", perYear: 1, sector: "2-optam", price: "35.00" },
    secu: "19.00",
    mutuelle: { "100 %": "9.00", "200 %": "14.00", "300 %": "14.00" },
    rac: { "100 %": "7.00", "200 %": "2.00", "300 %": "2.00" },
  },
  {
    act: "Spécialiste non OPTAM (65 €, BR 23 €), plafonné à 200 %",
    line: { category: "specialist-referred", perYear: 1, sector: "2-non-optam", price: "65.00" },
    secu: "14.10",
    mutuelle: { "100 %": "6.90", "200 %": "29.90", "300 %": "29.90" },
    rac: { "100 %": "44.00", "200 %": "21.00", "300 %": "21.00" },
  },
  {
    act: "Spécialiste OPTAM adressé (54 €, BR 31,50 €)",
    line: { category: "specialist-referred", perYear: 1, sector: "2-optam", price: "54.00" },
    secu: "20.05",
    mutuelle: { "100 %": "9.45", "200 %": "31.95", "300 %": "31.95" },
    rac: { "100 %": "24.50", "200 %": "2.00", "300 %": "2.00" },
  },
  {
    act: "Couronne sur molaire à tarif libre (557 €, BR 120 €)",
    line: { category: "crown-free-price", perYear: 1, price: "557.00" },
    secu: "72.00",
    mutuelle: { "100 %": "48.00", "200 %": "168.00", "300 %": "288.00" },
    rac: { "100 %": "437.00", "200 %": "317.00", "300 %": "197.00" },
  },
] as const;

describe("Exemples chiffrés de DOMAIN.md §5", () => {
  const rows = ACTS.flatMap((act) =>
    (Object.keys(OFFERS) as (keyof typeof OFFERS)[]).map((contract) => ({ ...act, contract })),
  );
  test.each(rows)("$act, contrat $contract", ({ line, contract, secu, mutuelle, rac }) => {
    const quote = scenarioOf(OFFERS[contract], oneLineProfile(line));
    expect(quote.scenario).toMatchObject({ price: line.price, secu, mutuelle: mutuelle[contract], rac: rac[contract] });
  });
});
