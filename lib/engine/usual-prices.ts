import type { Profile } from "../schemas/profile";
import { compileProfile } from "./compile-profile";
import { centsToMoney } from "./money";
import type { MoneyString } from "./types";

/**
 * The price each care line is billed at in the engine's computation, per beneficiary and
 * line: the entered price, or else the usual price of the reference table for that act,
 * sector and age, at the start of the simulated period. Forms show it where the price is
 * left empty, so a person sees the figure the comparison uses.
 */
export function usualPrices(profile: Profile, year?: number): MoneyString[][] {
  const prices = profile.beneficiaries.map((beneficiary) => beneficiary.care.map(() => "0.00"));
  for (const line of compileProfile(profile, year).lines) {
    prices[line.beneficiaryIndex]![line.lineIndex] = centsToMoney(line.segments[0]!.price);
  }
  return prices;
}
