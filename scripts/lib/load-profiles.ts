// Distinct, realistic household profiles for `npm run load`: variations of the family
// preset ("couple-avec-enfants": two adults and their children, a dozen care lines).
// The app caches the rankings of its last 100 (catalogue revision, sort, profile) keys
// (lib/compare/run-comparison.ts): a load test that repeated one profile would measure
// that cache, not the engine. Same seed, same list, so two runs send the same requests.
import { seededRandom } from "../../lib/engine/distribution";
import { profileSchema, type ProfileInput } from "../../lib/schemas/profile";

type CareLineInput = ProfileInput["beneficiaries"][number]["care"][number];
type BeneficiaryInput = ProfileInput["beneficiaries"][number];

const DEPARTMENTS = ["75", "92", "93", "94", "69", "13", "33", "31", "59", "44", "35", "67", "68", "57", "06", "34", "38", "2A", "29", "63"];
const ALSACE_MOSELLE = new Set(["57", "67", "68"]);
const SECTORS = ["1", "2-optam", "2-non-optam"] as const;
const LENS_PAIRS = ["simple-simple", "simple-complex", "complex-complex", "very-complex-very-complex"] as const;

/**
 * `count` pairwise distinct profiles (by their JSON), each valid for profileSchema; the
 * generator throws rather than hand the load test a profile the action would refuse.
 */
export function loadProfiles(count: number, seed = 2026): ProfileInput[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const euros = (min: number, max: number, step = 5) => (Math.round((min + random() * (max - min)) / step) * step).toFixed(2);
  const maybe = (probability: number, line: () => CareLineInput): CareLineInput[] => (random() < probability ? [line()] : []);
  const doctor = (category: CareLineInput["category"], perYear: number, base: number): CareLineInput => {
    const sector = pick(SECTORS);
    // Sector 1 bills the convention price: no price to enter.
    return sector === "1" ? { category, perYear, sector } : { category, perYear, sector, price: euros(base, base * 1.8) };
  };
  const glasses = (perYear: number): CareLineInput => {
    const price = Number(euros(220, 700));
    return { category: "glasses-class-b", perYear, price: price.toFixed(2), framePrice: euros(60, Math.min(200, price / 2)), lensPair: pick(LENS_PAIRS) };
  };

  const adult = (label: string, age: number, regime: "general" | "alsace-moselle", first: boolean): BeneficiaryInput => ({
    label,
    age,
    regime,
    care: [
      { category: "gp", perYear: int(1, 6) },
      ...maybe(0.8, () => doctor(first ? "specialist-referred" : "gynecologist", int(1, 3), 50)),
      ...maybe(0.5, () => doctor("ophthalmologist", 1, 50)),
      { category: "pharmacy-65", perYear: int(2, 12) },
      ...maybe(0.6, () => ({ category: "dental-care", perYear: int(1, 3) })),
      ...maybe(0.5, () => glasses(pick([0.5, 1]))),
      ...maybe(0.25, () => ({ category: "crown-free-price", perYear: pick([0.3, 0.5, 1]), price: euros(450, 900) })),
    ],
  });
  const child = (label: string, age: number, regime: "general" | "alsace-moselle"): BeneficiaryInput => ({
    label,
    age,
    regime,
    care: [
      age < 16 ? doctor("pediatrician", int(1, 4), 35) : { category: "gp", perYear: int(1, 4) },
      ...(age >= 9 && age < 16 && random() < 0.4 ? [{ category: "orthodontics" as const, perYear: 2, price: euros(550, 850) }] : []),
      ...maybe(age >= 6 ? 0.4 : 0.1, () => glasses(0.5)),
      ...maybe(0.3, () => ({ category: "alternative-medicine", perYear: int(1, 4), price: euros(40, 70) })),
      ...maybe(0.5, () => ({ category: "pharmacy-65", perYear: int(1, 6) })),
    ],
  });

  const profiles: ProfileInput[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; profiles.length < count; attempt += 1) {
    if (attempt > count * 10) throw new Error(`only ${profiles.length} distinct load-test profiles out of ${count}`);
    const department = pick(DEPARTMENTS);
    const regime = ALSACE_MOSELLE.has(department) && random() < 0.7 ? "alsace-moselle" : "general";
    const firstAge = int(26, 55);
    const beneficiaries = [adult("Adulte 1", firstAge, regime, true)];
    if (random() < 0.85) beneficiaries.push(adult("Adulte 2", Math.max(22, firstAge + int(-6, 6)), regime, false));
    const children = int(1, 3);
    for (let index = 0; index < children; index += 1) beneficiaries.push(child(`Enfant ${index + 1}`, int(0, Math.min(20, firstAge - 20)), regime));
    // A contract starting on the first of a month whose twelve months the reference table
    // covers: January 2026 to January 2027 (REFERENCE.coverage).
    const startMonth = int(0, 12);
    const profile: ProfileInput = {
      startDate: startMonth < 12 ? `2026-${String(startMonth + 1).padStart(2, "0")}-01` : "2027-01-01",
      department,
      beneficiaries,
    };
    const key = JSON.stringify(profile);
    if (seen.has(key)) continue;
    const parsed = profileSchema.safeParse(profile);
    if (!parsed.success) throw new Error(`generated load-test profile refused: ${JSON.stringify(parsed.error.issues[0])}`);
    seen.add(key);
    profiles.push(profile);
  }
  return profiles;
}
