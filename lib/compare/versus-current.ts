import type { OfferResult } from "./types";
import { toCents } from "@/lib/format";

/** An offer against the person's current contract, per year, in cents: offer − current (negative: the offer costs less). */
export interface VersusCurrent {
  premium: number;
  expectedRac: number;
  totalCost: number;
  /** Null where either bad year is not computed. */
  badYearRac: number | null;
}

type Figures = Pick<OfferResult, "annualPremium" | "expectedRac" | "totalCost"> & { badYearRac?: string | null };

export function versusCurrent(offer: Figures, current: Figures): VersusCurrent {
  const difference = (a: string, b: string) => toCents(a) - toCents(b);
  return {
    premium: difference(offer.annualPremium, current.annualPremium),
    expectedRac: difference(offer.expectedRac, current.expectedRac),
    totalCost: difference(offer.totalCost, current.totalCost),
    badYearRac: offer.badYearRac && current.badYearRac ? difference(offer.badYearRac, current.badYearRac) : null,
  };
}

const signedEuros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, signDisplay: "exceptZero" });

/** "+12,00 €", "−1 234,50 €", "0,00 €": a difference in cents, signed (exact: cents / 100 is exact below 2^53). */
export function formatSignedCents(cents: number): string {
  return signedEuros.format(cents / 100).replace("-", "−");
}
