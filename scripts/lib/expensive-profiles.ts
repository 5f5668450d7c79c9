import fc from "fast-check";
import { CARE_CATEGORIES, type CareCategory } from "../../lib/schemas/care-category";
import { CARE_LIMITS, HOUSEHOLD_LIMITS } from "../../lib/schemas/care-limits";
import { profileSchema, type ProfileInput } from "../../lib/schemas/profile";

const PRICED: ReadonlySet<CareCategory> = new Set(["alternative-medicine", "private-room", "contact-lenses"]);

/**
 * Valid profiles at the schema's limits (issue 12 §1): ten people, each with up to 12
 * lines a guarantee, near the yearly caps, start mid-year. Shared by the abuse system
 * test and `scripts/engine-cost.ts`, which calibrates the engine's work budget on them.
 */
export const expensiveProfile = fc
  .record({
    categories: fc.array(fc.constantFrom(...CARE_CATEGORIES), { minLength: 1, maxLength: 6 }),
    linesEach: fc.integer({ min: 4, max: HOUSEHOLD_LIMITS.linesPerGuarantee }),
    share: fc.double({ min: 0.5, max: 1, noNaN: true }),
    month: fc.integer({ min: 1, max: 12 }),
    cents: fc.integer({ min: 51, max: 9000 }),
  })
  .map(({ categories, linesEach, share, month, cents }): ProfileInput => {
    const care: { category: CareCategory; perYear: number; price?: string }[] = [];
    let acts = 0;
    for (const category of categories) {
      for (let l = 0; l < linesEach && care.length < HOUSEHOLD_LIMITS.linesPerBeneficiary; l += 1) {
        const perYear = Math.max(1, Math.floor(CARE_LIMITS[category].perYear * share));
        if (acts + perYear > HOUSEHOLD_LIMITS.actsPerBeneficiary) break;
        acts += perYear;
        care.push({ category, perYear, ...(PRICED.has(category) ? { price: ((cents + 7 * l) / 100).toFixed(2) } : {}) });
      }
    }
    return {
      startDate: `2026-${String(month).padStart(2, "0")}-01`,
      department: "75",
      beneficiaries: Array.from({ length: HOUSEHOLD_LIMITS.beneficiaries }, (_, b) => ({ label: `Personne ${b + 1}`, age: 30 + b, care })),
    };
  })
  // Sharing a guarantee (glasses of both kinds…) can pass 12 lines: keep what the schema accepts.
  .filter((profile) => profileSchema.safeParse(profile).success);
