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
  // Parts already shared by an earlier call come first, so that the offers a reload keeps stay as they are.
  const register = (value: unknown) => {
    const key = value !== null && typeof value === "object" ? keyOfShared.get(value) : undefined;
    if (key !== undefined && !known.has(key)) known.set(key, value as object);
  };
  for (const offer of offers) {
    for (const guarantee of Object.values(offer.guarantees)) register(guarantee);
    for (const part of [offer.insurer, offer.network, offer.ceilings, ...offer.premiums.bands.map((band) => band.departments)]) register(part);
  }
  return offers.map((offer) => {
    const entries = Object.entries(offer.guarantees);
    const guarantees = entries.map(([, guarantee]) => shared(guarantee));
    const insurer = shared(offer.insurer);
    const network = shared(offer.network);
    const ceilings = shared(offer.ceilings);
    // Bands differ by their amounts from offer to offer: only their department lists repeat.
    const bands = offer.premiums.bands.map((band) => (band.departments ? { ...band, departments: shared(band.departments) } : band));
    const unchanged =
      insurer === offer.insurer &&
      network === offer.network &&
      ceilings === offer.ceilings &&
      guarantees.every((guarantee, index) => guarantee === entries[index]![1]) &&
      bands.every((band, index) => band.departments === offer.premiums.bands[index]!.departments);
    // An offer a reload keeps, already made of shared parts, stays the same object.
    if (unchanged) return offer;
    return {
      ...offer,
      insurer,
      network,
      ceilings,
      premiums: { ...offer.premiums, bands },
      guarantees: Object.fromEntries(entries.map(([category], index) => [category, guarantees[index]])) as Offer["guarantees"],
    };
  });
}
