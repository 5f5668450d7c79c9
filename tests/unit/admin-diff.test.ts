import { describe, expect, it } from "vitest";
import { diffJson } from "@/lib/catalogue/admin/diff";

describe("diffJson (journal d'audit des offres)", () => {
  it.each([
    ["valeur identique", { a: 1 }, { a: 1 }, []],
    ["taux modifié", { g: { gp: { percentBr: 100 } } }, { g: { gp: { percentBr: 150 } } }, [{ path: "g.gp.percentBr", old: 100, new: 150 }]],
    ["champ facultatif ajouté", { g: {} }, { g: { frameMax: "100.00" } }, [{ path: "g.frameMax", old: null, new: "100.00" }]],
    ["objet ajouté, feuille par feuille", { g: {} }, { g: { forfait: { amount: "30.00", per: "act" } } }, [
      { path: "g.forfait.amount", old: null, new: "30.00" },
      { path: "g.forfait.per", old: null, new: "act" },
    ]],
    ["objet retiré", { n: { name: "kalixia" } }, { n: null }, [{ path: "n.name", old: "kalixia", new: null }]],
    ["tranche de cotisation ajoutée", { bands: [{ m: "10.00" }] }, { bands: [{ m: "10.00" }, { m: "12.00" }] }, [{ path: "bands.1.m", old: null, new: "12.00" }]],
    ["tableau de valeurs remplacé", { c: ["a", "b"] }, { c: ["a"] }, [{ path: "c.1", old: "b", new: null }]],
  ])("%s", (_label, before, after, expected) => {
    expect(diffJson(before, after)).toEqual(expected);
  });
});
