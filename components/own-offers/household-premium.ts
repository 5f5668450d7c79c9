import type { BandDraft } from "@/components/offer-editor/premium-bands-editor";
import { toCents } from "@/lib/format";

export type HouseholdBands = { ok: true; bands: BandDraft[] } | { ok: false; message: string };

const MAX_PEOPLE = 12;

/**
 * A devis that gives one monthly amount for the household, as the catalogue format stores
 * premiums: per person, every age. The amount must share out to the cent (150,00 € for 3 is
 * 50,00 € each); otherwise the person is asked for each person's amount, which devis print
 * too, rather than a total that would be off by a cent.
 */
export function householdBands(total: string | undefined, people: number | string | undefined): HouseholdBands {
  if (total === undefined || !/^\d+(\.\d{1,2})?$/.test(total) || toCents(total) <= 0) {
    return { ok: false, message: "Indiquez la cotisation mensuelle du foyer en euros, ex. 150 ou 149,90." };
  }
  if (typeof people !== "number" || !Number.isInteger(people) || people < 1 || people > MAX_PEOPLE) {
    return { ok: false, message: `Indiquez le nombre de personnes couvertes, de 1 à ${MAX_PEOPLE}.` };
  }
  const cents = toCents(total);
  if (cents % people !== 0) {
    return {
      ok: false,
      message: `${total.replace(".", ",")} € ne se partage pas au centime entre ${people} personnes : choisissez « Par personne, selon l’âge » et recopiez le montant de chacune.`,
    };
  }
  return { ok: true, bands: [{ minAge: 0, maxAge: 120, monthly: (cents / people / 100).toFixed(2) }] };
}
