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
  // The frame price needs the total price: the usual total is asked without it.
  const care = {
    ...line.hidden,
    category: line.category,
    ...(line.sector ? { sector: line.sector } : {}),
    ...(line.lensPair ? { lensPair: line.lensPair } : {}),
    perYear: 1,
  };
  const key = JSON.stringify([care, age, startDate]);
  // A start date outside the reference table has no usual price: the date's own error says why.
  if (!cache.has(key)) {
    const parsed = profileSchema.safeParse({ startDate, department: "75", beneficiaries: [{ label: "-", age: Number(age), care: [care] }] });
    cache.set(key, parsed.success ? formatEuros(usualPrices(parsed.data)[0]![0]!) : null);
  }
  return cache.get(key)!;
}
