import { describe, expect, test } from "vitest";
import { GUARANTEE_CATEGORIES } from "@/lib/schemas/care-category";
import { blankOwnOffer } from "@/lib/own-offers/blank-own-offer";
import { usualActPreview } from "@/lib/own-offers/usual-act-preview";
import { validateOwnOffer } from "@/lib/own-offers/validate-own-offer";

const named = { ...blankOwnOffer(), insurer: { name: "Ma mutuelle" }, formula: "Devis du 3 mars" };

describe("a new own offer", () => {
  test("once named, it is a valid offer that keeps every contrat responsable rule (« 100 % BR / non couvert »)", () => {
    const validation = validateOwnOffer(named);
    expect(validation.ok && validation.warnings).toEqual([]);
  });

  test("the ticket modérateur where the Sécu pays, nothing where it does not", () => {
    const validation = validateOwnOffer(named);
    if (!validation.ok) throw new Error("invalid");
    expect(Object.keys(validation.offer.guarantees).sort()).toEqual([...GUARANTEE_CATEGORIES].sort());
    expect(validation.offer.guarantees["doctor-gp"]).toMatchObject({ percentBr: 100, basis: "secu-included" });
    expect(validation.offer.guarantees["dental-implants"]).toEqual({ basis: "secu-included", fraisReels: false, waitingMonths: 0 });
  });
});

describe("the preview of one usual act while typing", () => {
  const validation = validateOwnOffer(named);
  if (!validation.ok) throw new Error("invalid");
  const offer = validation.offer;

  test("a GP visit with dépassement (OPTAM, 35 €): « 100 % BR » leaves the dépassement and the 2 €, « 200 % BR » only the 2 €", () => {
    const at100 = usualActPreview(offer, "doctor-gp", "2026-06-01");
    const at200 = usualActPreview({ ...offer, guarantees: { ...offer.guarantees, "doctor-gp": { ...offer.guarantees["doctor-gp"], percentBr: 200 } } }, "doctor-gp", "2026-06-01");
    expect(at100?.label).toContain("généraliste");
    expect(at100?.split.rac).not.toBe(at200?.split.rac);
    expect(at200?.split.rac).toBe("2.00");
    for (const figures of [at100!, at200!]) {
      const cents = (amount: string) => Math.round(Number(amount) * 100);
      expect(cents(figures.split.secu) + cents(figures.split.mutuelle) + cents(figures.split.rac)).toBe(cents(figures.split.price));
    }
  });

  test("« forfait 300 € par implant » pays 300 € of an implant the Sécu does not reimburse", () => {
    const withImplants = { ...offer, guarantees: { ...offer.guarantees, "dental-implants": { ...offer.guarantees["dental-implants"], forfait: { amount: "300.00", per: "equipment" as const, includesSecu: false } } } };
    expect(usualActPreview(withImplants, "dental-implants", "2026-06-01")?.split).toMatchObject({ secu: "0.00", mutuelle: "300.00" });
    expect(usualActPreview(offer, "dental-implants", "2026-06-01")?.split.mutuelle).toBe("0.00");
  });

  test("no preview for a date the reference table does not hold", () => {
    expect(usualActPreview(offer, "doctor-gp", "2035-01-01")).toBeNull();
  });
});

test("no two lines share one object: the server action's encoding would send a reference the proxy refuses", () => {
  const lines = Object.values(blankOwnOffer().guarantees);
  expect(new Set(lines).size).toBe(lines.length);
});
