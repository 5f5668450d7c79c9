import type { PremiumBand } from "./offer";

type BandAges = Pick<PremiumBand, "minAge" | "maxAge" | "departments" | "childRankFrom">;

export interface BandOverlap {
  /** Index of the later band, where the problem is reported. */
  index: number;
  /** Index of the earlier band it overlaps. */
  other: number;
  message: string;
}

/** Two bands could price the same person: same child rank, both national or sharing a département. */
function sameAudience(a: BandAges, b: BandAges): boolean {
  if ((a.childRankFrom ?? null) !== (b.childRankFrom ?? null)) return false;
  if (!a.departments || !b.departments) return !a.departments && !b.departments;
  return a.departments.some((department) => b.departments!.includes(department));
}

const ages = (band: BandAges) => (band.minAge === band.maxAge ? `${band.minAge} ans` : `${band.minAge} à ${band.maxAge} ans`);

/**
 * Bands that give one person two premiums: the engine would pick one of them silently
 * (the more specific band wins, premium.ts, but two equally specific bands tie).
 */
export function overlappingBands(bands: readonly BandAges[]): BandOverlap[] {
  const overlaps: BandOverlap[] = [];
  bands.forEach((band, index) => {
    for (let other = 0; other < index; other += 1) {
      const earlier = bands[other]!;
      if (!sameAudience(band, earlier) || band.minAge > earlier.maxAge || earlier.minAge > band.maxAge) continue;
      overlaps.push({
        index,
        other,
        message: `La tranche ${index + 1} (${ages(band)}) chevauche la tranche ${other + 1} (${ages(earlier)}) : un même âge aurait deux cotisations.`,
      });
      break;
    }
  });
  return overlaps;
}

export const MAX_AGE = 120;

/**
 * Ages the national table (bands without département nor child rank) leaves without a
 * premium, as ranges: such a person is silently not offered the offer. Empty when the
 * table has no national band at all (an offer sold only in some départements).
 */
export function agesWithoutPremium(bands: readonly BandAges[]): { from: number; to: number }[] {
  const national = bands.filter((band) => !band.departments && band.childRankFrom === undefined && Number.isInteger(band.minAge) && Number.isInteger(band.maxAge));
  if (national.length === 0) return [];
  const covered = new Array<boolean>(MAX_AGE + 1).fill(false);
  for (const band of national) for (let age = Math.max(0, band.minAge); age <= Math.min(MAX_AGE, band.maxAge); age += 1) covered[age] = true;
  const gaps: { from: number; to: number }[] = [];
  covered.forEach((isCovered, age) => {
    if (isCovered) return;
    const last = gaps.at(-1);
    if (last && last.to === age - 1) last.to = age;
    else gaps.push({ from: age, to: age });
  });
  return gaps;
}

/** "36 à 39 ans et 66 ans" */
export function describeAgeGaps(gaps: readonly { from: number; to: number }[]): string {
  const parts = gaps.map((gap) => (gap.from === gap.to ? `${gap.from} ans` : `${gap.from} à ${gap.to} ans`));
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} et ${parts.at(-1)}`;
}
