import { describe, expect, it } from "vitest";
import { shareIdenticalParts } from "@/lib/catalogue/shared-parts";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

describe("shareIdenticalParts: one object for the parts offers repeat", () => {
  // As the database gives them: every offer a separate tree of objects.
  const offers = JSON.parse(JSON.stringify(generateSyntheticOffers({ count: 300, seed: 3 }))) as ReturnType<typeof generateSyntheticOffers>;

  it("gives the same offers, value for value, and leaves its input as it was", () => {
    const before = JSON.stringify(offers);
    expect(shareIdenticalParts(offers)).toEqual(offers);
    expect(JSON.stringify(offers)).toBe(before);
  });

  it("identical guarantees, insurers and department lists become one object; different ones stay apart", () => {
    const shared = shareIdenticalParts(offers);
    for (const category of ["pharmacy", "glasses", "doctor-gp"] as const) {
      for (let a = 0; a < 40; a += 1) {
        for (let b = a + 1; b < 40; b += 1) {
          const same = JSON.stringify(offers[a]!.guarantees[category]) === JSON.stringify(offers[b]!.guarantees[category]);
          expect(shared[a]!.guarantees[category] === shared[b]!.guarantees[category]).toBe(same);
        }
      }
    }
    expect(new Set(shared.map((offer) => offer.guarantees.pharmacy)).size).toBe(1);
    expect(new Set(shared.map((offer) => offer.insurer)).size).toBe(new Set(offers.map((offer) => offer.insurer.name)).size);
    const departmentLists = new Set(shared.flatMap((offer) => offer.premiums.bands.flatMap((band) => (band.departments ? [band.departments] : []))));
    expect(departmentLists.size).toBe(1);
  });

  it("a second call on offers already shared (a reload keeping most offers) shares the new ones with them", () => {
    const first = shareIdenticalParts(offers.slice(0, 150));
    const fresh = JSON.parse(JSON.stringify(offers.slice(150))) as typeof offers;
    // Fresh offers first: a reload lists offers by id, changed ones among the kept.
    const second = shareIdenticalParts([...fresh, ...first]);
    expect(second[0]!.guarantees.pharmacy).toBe(first[0]!.guarantees.pharmacy);
    expect(second).toEqual([...offers.slice(150), ...offers.slice(0, 150)]);
    // The offers kept are the same objects: a reload does not make new ones of what it did not read.
    first.forEach((offer, index) => expect(second[fresh.length + index]).toBe(offer));
  });
});
