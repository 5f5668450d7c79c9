import type { Offer } from "../schemas/offer";

/**
 * The offers with their identical parts made one object: a catalogue of regional and age
 * variants repeats most guarantees, insurers, networks and ceilings thousands of times, and
 * the server holds the catalogue once per engine thread besides its own copy. On the
 * 10 000-offer synthetic catalogue this takes the offers from ~40 MB of heap to a fraction
 * of it, and a thread receiving them (a structured clone keeps shared objects shared)
 * copies that much less. The offers are read-only (PublishedCatalogue): sharing is safe.
 * Parts are compared by their JSON, so only identical values (same keys in the same order,
 * as the database's jsonb gives them) are shared.
 */
const keyOfShared = new WeakMap<object, string>();

export function shareIdenticalParts(offers: readonly Offer[]): Offer[] {
  const known = new Map<string, object>();
  const shared = <T>(value: T): T => {
    if (value === null || typeof value !== "object") return value;
    // A part shared by an earlier call (the offers a reload keeps) is not written out again.
    const key = keyOfShared.get(value) ?? JSON.stringify(value);
    const existing = known.get(key);
    if (existing !== undefined) return existing as T;
    known.set(key, value);
    keyOfShared.set(value, key);
    return value;
  };
  return offers.map((offer) => {
    const guarantees = Object.fromEntries(Object.entries(offer.guarantees).map(([category, guarantee]) => [category, shared(guarantee)])) as Offer["guarantees"];
    return {
      ...offer,
      insurer: shared(offer.insurer),
      network: shared(offer.network),
      ceilings: shared(offer.ceilings),
      // Bands differ by their amounts from offer to offer: only their department lists repeat.
      premiums: { ...offer.premiums, bands: offer.premiums.bands.map((band) => (band.departments ? { ...band, departments: shared(band.departments) } : band)) },
      guarantees,
    };
  });
}
