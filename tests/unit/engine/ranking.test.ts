import { describe, expect, test } from "vitest";
import { compileCatalogue, quoteOffers, rankOffers, selectOffers } from "@/lib/engine";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";
import { compareIds, findDominated, rankFigures, rankOrder } from "@/lib/engine/ranking";
import { offerSchema } from "@/lib/schemas/offer";
import { profileSchema } from "@/lib/schemas/profile";
import { referenceProfile } from "@/seed/factories/profiles";
import { oneLineProfile, testOffer } from "./helpers";

const profile = oneLineProfile({ category: "crown-free-price", perYear: 1, price: "557.00" });
const ids = (result: ReturnType<typeof quoteOffers>) => result.offers.map((o) => o.offerId);

describe("Classement", () => {
  // Crown at 557 €: RAC 437 at 100 %, 317 at 200 %, 197 at 300 %.
  const cheapWeak = testOffer({ id: "a-faible", percent: 100, monthly: "10.00" }); // 120 + 437 = 557
  const middle = testOffer({ id: "b-moyen", percent: 200, monthly: "25.00" }); // 300 + 317 = 617
  const strong = testOffer({ id: "c-fort", percent: 300, monthly: "40.00" }); // 480 + 197 = 677
  const strongTwin = testOffer({ id: "0-fort-jumeau", percent: 300, monthly: "40.00" });
  const dearWeak = testOffer({ id: "d-cher-faible", percent: 100, monthly: "30.00" });

  test("par coût total (cotisation + reste à charge espéré)", () => {
    expect(ids(quoteOffers([strong, middle, cheapWeak], profile, { mode: "scenario" }))).toEqual(["a-faible", "b-moyen", "c-fort"]);
  });

  test("par reste à charge espéré", () => {
    expect(ids(quoteOffers([cheapWeak, middle, strong], profile, { sort: "rac", mode: "scenario" }))).toEqual(["c-fort", "b-moyen", "a-faible"]);
  });

  test("égalité parfaite : départagée par l'identifiant de l'offre", () => {
    const result = quoteOffers([strong, strongTwin], profile, { sort: "rac", mode: "scenario" });
    expect(ids(result)).toEqual(["0-fort-jumeau", "c-fort"]);
    expect(result.offers.map((o) => o.rank)).toEqual([1, 2]);
  });

  test("égalité sur le reste à charge : départagée par le coût total", () => {
    expect(ids(quoteOffers([dearWeak, cheapWeak], profile, { sort: "rac", mode: "scenario" }))).toEqual(["a-faible", "d-cher-faible"]);
  });

  test("offre dominée : une autre est moins chère et laisse moins à payer", () => {
    const result = quoteOffers([cheapWeak, middle, strong, dearWeak, strongTwin], profile, { mode: "scenario" });
    const dominated = Object.fromEntries(result.offers.map((o) => [o.offerId, o.dominatedBy]));
    expect(dominated).toEqual({
      "a-faible": null,
      "b-moyen": null,
      "0-fort-jumeau": null,
      "c-fort": null,
      "d-cher-faible": "b-moyen",
    });
  });

  test("le coût total est la cotisation plus le reste à charge espéré", () => {
    const offer = quoteOffers([middle], profile).offers[0]!;
    expect(offer.annualPremium).toBe("300.00");
    expect(Number(offer.totalCost)).toBeCloseTo(300 + Number(offer.expectedRac), 2);
  });
});

describe("Cotisations", () => {
  const offer = offerSchema.parse({
    ...testOffer({ id: "tarifs" }),
    premiums: {
      bands: [
        { minAge: 0, maxAge: 17, monthly: "20.00" },
        { minAge: 18, maxAge: 59, monthly: "60.00" },
        { minAge: 18, maxAge: 59, monthly: "70.00", departments: ["75", "92"] },
        { minAge: 0, maxAge: 17, monthly: "0.00", childRankFrom: 3 },
      ],
    },
  });
  const family = (department: string, childAges: number[]) =>
    profileSchema.parse({
      startDate: "2026-01-01",
      department,
      beneficiaries: [
        { label: "Parent", age: 40, care: [] },
        ...childAges.map((age, i) => ({ label: `Enfant ${i + 1}`, age, care: [] })),
      ],
    });

  test.each([
    ["un adulte en province", "69", [], "720.00"],
    ["un adulte à Paris : tarif de zone", "75", [], "840.00"],
    ["trois enfants : le plus jeune, 3e enfant, est gratuit", "69", [10, 4, 14], "1200.00"],
    ["deux enfants : pas de gratuité", "69", [10, 4], "1200.00"],
  ] as const)("%s", (_name, department, children, premium) => {
    expect(quoteOffers([offer], family(department, [...children]), { mode: "scenario" }).offers[0]!.annualPremium).toBe(premium);
  });

  test("dans un même classement, chaque offre a ses tranches : mêmes âges, autres montants ; autre zone ; autre rang d'enfant", () => {
    const bands = offer.premiums.bands;
    const dearer = { ...offer, id: "tarifs-plus-chers", premiums: { bands: bands.map((band) => ({ ...band, monthly: (Number(band.monthly) + 5).toFixed(2) })) } };
    const nationalOnly = { ...offer, id: "tarifs-nationaux", premiums: { bands: bands.map((band) => ({ ...band, departments: undefined })) } };
    const noFreeChild = { ...offer, id: "tarifs-sans-gratuite", premiums: { bands: bands.map((band) => ({ ...band, childRankFrom: undefined })) } };
    const premiums = (department: string) =>
      Object.fromEntries(quoteOffers([offer, dearer, nationalOnly, noFreeChild], family(department, [10, 4, 14]), { mode: "scenario" }).offers.map((quote) => [quote.offerId, quote.annualPremium]));
    // Paris: 70 € a month for the parent in zone (60 € national), 20 € per child, the third
    // free; without its child rank the 0 € band ties with the 20 € one and the first listed wins.
    expect(premiums("75")).toEqual({ tarifs: "1320.00", "tarifs-plus-chers": "1560.00", "tarifs-nationaux": "1200.00", "tarifs-sans-gratuite": "1560.00" });
  });

  test("rankOffers lit les tarifs en colonnes : mêmes cotisations que quoteOffers, offre par offre, d'un foyer à l'autre sur le même catalogue compilé", () => {
    const bands = offer.premiums.bands;
    // Band lists of different lengths, so that each offer's premiums start elsewhere in the column.
    const catalogue = compileCatalogue([
      { ...offer, id: "a-une-tranche", premiums: { bands: [{ minAge: 0, maxAge: 59, monthly: "45.50" }] } },
      offer,
      { ...offer, id: "c-plus-de-tranches", premiums: { bands: [...bands, { minAge: 60, maxAge: 120, monthly: "95.10" }] } },
      { ...offer, id: "d-sans-gratuite", premiums: { bands: bands.map((band) => ({ ...band, childRankFrom: undefined, monthly: (Number(band.monthly) + 1.25).toFixed(2) })) } },
    ]);
    const households = [family("75", [10, 4, 14]), family("69", [3]), profileSchema.parse({ startDate: "2026-01-01", department: "69", beneficiaries: [{ label: "Senior", age: 70, care: [] }] })];
    for (const household of households) {
      const quoted = quoteOffers(catalogue, household, { mode: "scenario" });
      const ranked = rankOffers(catalogue, household, { mode: "scenario" });
      const byOffer = Object.fromEntries(Array.from(ranked.order, (position, rank) => [catalogue.offers[position]!.offer.id, (ranked.annualPremium[rank]! / 100).toFixed(2)]));
      expect(byOffer).toEqual(Object.fromEntries(quoted.offers.map((quote) => [quote.offerId, quote.annualPremium])));
      expect(ranked.ineligible).toEqual(quoted.ineligible);
    }
  });

  test("sans tarif pour l'âge, l'offre est écartée avec la raison", () => {
    const result = quoteOffers([offer], profileSchema.parse({ startDate: "2026-01-01", department: "69", beneficiaries: [{ label: "Senior", age: 70, care: [] }] }));
    expect(result.offers).toEqual([]);
    expect(result.ineligible).toEqual([{ offerId: "tarifs", insurer: "Mutuelle d'essai", formula: "100 %", reason: "Aucun tarif pour Senior (70 ans) dans le département 69" }]);
  });
});

describe("Détail du scénario", () => {
  test("chaque niveau est la somme exacte du niveau en dessous", () => {
    const quote = quoteOffers([testOffer({ percent: 150 })], referenceProfile("couple-avec-enfants")).offers[0]!;
    const cents = (s: string) => Math.round(Number(s) * 100);
    const sum = <T>(items: T[], pick: (item: T) => string) => items.reduce((total, item) => total + cents(pick(item)), 0);
    for (const field of ["price", "secu", "mutuelle", "rac"] as const) {
      expect(sum(quote.breakdown!, (b) => b[field])).toBe(cents(quote.scenario[field]));
      for (const beneficiary of quote.breakdown!) {
        expect(sum(beneficiary.categories, (c) => c[field])).toBe(cents(beneficiary[field]));
        for (const category of beneficiary.categories) {
          expect(sum(category.lines, (l) => l[field])).toBe(cents(category[field]));
          for (const line of category.lines) expect(sum(line.acts, (a) => a[field])).toBe(cents(line[field]));
        }
      }
    }
    expect(quote.breakdown!.map((b) => b.label)).toEqual(["Adulte 1", "Adulte 2", "Enfant 1", "Enfant 2"]);
  });
});

describe("Année difficile à la demande", () => {
  const offers = [100, 200, 300].map((percent, index) => testOffer({ id: `o-${percent}`, percent, monthly: `${10 + index * 15}.00` }));
  const family = referenceProfile("couple-avec-enfants");

  test("sans année difficile : même classement et mêmes montants espérés, badYearRac vide", () => {
    const full = quoteOffers(offers, family, { breakdown: false });
    const withoutBadYear = quoteOffers(offers, family, { breakdown: false, badYear: false });
    expect(withoutBadYear.offers.map((o) => [o.offerId, o.expectedRac, o.totalCost])).toEqual(
      full.offers.map((o) => [o.offerId, o.expectedRac, o.totalCost]),
    );
    expect(withoutBadYear.offers.every((o) => o.badYearRac === null)).toBe(true);
    expect(full.offers.every((o) => o.badYearRac !== null)).toBe(true);
  });
});

describe("rankFigures : le classement sur des nombres, tri par base sur les centimes entiers", () => {
  /** rankOrder and findDominated on the same figures: what rankFigures must give. */
  function byObjects(ids: string[], premium: number[], rac: number[], sort: "total" | "rac") {
    const entries = ids.map((id, i) => ({ id, premium: premium[i]!, rac: rac[i]!, value: i }));
    const dominated = findDominated(entries);
    const order = rankOrder(entries, sort).map((entry) => entry.value);
    return { order, dominatedBy: order.map((i) => { const by = dominated.get(ids[i]!); return by === undefined ? -1 : ids.indexOf(by); }) };
  }

  test.each([
    ["beaucoup d'égalités, en centimes entiers", (k: number) => 1000 * (k % 7), (k: number) => 500 * (k % 5)],
    // Every 11-bit digit of the radix sort in play, up to just under 2³¹ cents, ties included.
    ["centimes entiers sur toute l'étendue jusqu'à 2³¹", (k: number) => ((k * 2_654_435_761) % 2 ** 31) - (k % 3 === 0 ? (k * 2_654_435_761) % 2 ** 31 : 0) + 2 ** 20 * (k % 11), (k: number) => (k * 40_503) % 2 ** 30],
    // As many passes as the largest key has 11-bit digits: one, then two.
    ["centimes entiers sous 2¹¹ (une passe)", (k: number) => (k * 7919) % 2048, (k: number) => (k * 104_729) % 2000],
    ["centimes entiers jusqu'à 2²² − 1 (deux passes)", (k: number) => (k === 7 ? 2 ** 22 - 1 : (k * 7919 * 613) % 2 ** 22), (k: number) => (k * 104_729) % 2 ** 21],
    ["montants au-delà de 2³¹ centimes (le tri par comparaison)", (k: number) => 2 ** 31 + 1000 * (k % 7), (k: number) => 500 * (k % 5)],
    ["fractions de centime (le tri par comparaison)", (k: number) => 1000 * (k % 7) + 0.5, (k: number) => 500 * (k % 5)],
  ])("même ordre et mêmes offres dominantes que rankOrder et findDominated : %s", (_, premiumOf, racOf) => {
    const count = 500;
    // Ids out of catalogue order, so that the id tie-break is not the position's.
    const ids = Array.from({ length: count }, (_, k) => `offre-${String((k * 7919) % count).padStart(4, "0")}`);
    const premium = ids.map((_, k) => premiumOf(k));
    const rac = ids.map((_, k) => racOf((k * 31) % count));
    for (const sort of ["total", "rac"] as const) {
      const figures = rankFigures(ids, Float64Array.from(premium), Float64Array.from(rac), sort);
      const expected = byObjects(ids, premium, rac, sort);
      expect(Array.from(figures.order)).toEqual(expected.order);
      expect(Array.from(figures.dominatedBy)).toEqual(expected.dominatedBy);
      const byPremium = [...ids.keys()].sort((a, b) => premium[a]! - premium[b]! || rac[a]! - rac[b]! || compareIds(ids[a]!, ids[b]!));
      expect(Array.from(figures.byPremium)).toEqual(byPremium);
    }
  });
});

describe("rankOffers avec quoteFirst : la première page chiffrée dans le même appel", () => {
  test("les devis des n premières offres sont ceux d'un appel à part sur ces offres (scénario, année difficile)", () => {
    const offers = generateSyntheticOffers({ count: 120, seed: 4 });
    const catalogue = compileCatalogue(offers);
    const family = referenceProfile("couple-avec-enfants");
    const monteCarlo = { sampleCount: 200, deductionSampleCount: 2000 };
    const ranking = rankOffers(catalogue, family, { monteCarlo, quoteFirst: 20 });
    const first = Array.from(ranking.order.subarray(0, 20), (position) => offers[position]!.id);
    expect(ranking.firstQuotes!.map((quote) => quote.offerId).sort()).toEqual([...first].sort());
    expect(ranking.firstQuotes).toEqual(quoteOffers(selectOffers(catalogue, first), family, { monteCarlo, breakdown: false, badYear: true }).offers);
    expect(ranking.firstQuotes!.every((quote) => quote.badYearRac !== null)).toBe(true);
    expect(rankOffers(catalogue, family, { monteCarlo }).firstQuotes).toBeUndefined();
  });
});
