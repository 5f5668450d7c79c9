import { usualPrices } from "@/lib/engine/usual-prices";
import { formatEuros } from "@/lib/format";
import { profileSchema } from "@/lib/schemas/profile";
import type { LineDraft } from "./profile-draft";

const cache = new Map<string, string | null>();

/**
 * "30,00 €": what the engine bills a care line at when its price is left empty, for this
 * act, sector and age at the contract's start; null while those are not valid yet.
 */
export function usualPriceText(line: LineDraft, age: string, startDate: string): string | null {
  const { framePrice: _framePrice, ...hidden } = line.hidden;
  const care = { ...hidden, category: line.category, ...(line.sector ? { sector: line.sector } : {}), perYear: 1 };
  const key = JSON.stringify([care, age, startDate]);
  if (!cache.has(key)) {
    const parsed = profileSchema.safeParse({ startDate, department: "75", beneficiaries: [{ label: "-", age: Number(age), care: [care] }] });
    cache.set(key, parsed.success ? formatEuros(usualPrices(parsed.data)[0]![0]!) : null);
  }
  return cache.get(key)!;
}
