import { describe, expect, it } from "vitest";
import { catalogueUpdatedLabel, formatDateTime } from "@/components/account/format-run";
import { deName, formatCount, formatEuros, formatIsoDate, toCents } from "@/lib/format";

describe("formatCount", () => {
  it.each([
    [0, "0 offre"],
    [1, "1 offre"],
    [2, "2 offres"],
    [1234, "1\u202f234 offres"],
  ])("%i → %s", (count, expected) => {
    expect(formatCount(count, "offre")).toBe(expected);
  });
});

describe("formatEuros", () => {
  it.each([
    ["0.00", "0,00\u00a0€"],
    ["2", "2,00\u00a0€"],
    ["1234.56", "1\u202f234,56\u00a0€"],
    ["1000000.01", "1\u202f000\u202f000,01\u00a0€"],
  ])("%s → %s", (amount, expected) => {
    expect(formatEuros(amount)).toBe(expected);
  });
});

describe("toCents", () => {
  it.each([
    ["0.29", 29],
    ["1.15", 115],
    ["19.99", 1999],
    ["1234.56", 123456],
  ])("%s → %i cents, exactly", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });
});

describe("French dates: the first of the month is « 1er »", () => {
  it.each([
    ["2026-01-01", "1er janvier 2026"],
    ["2026-03-15", "15 mars 2026"],
    ["2026-12-31", "31 décembre 2026"],
    ["2026-11-10", "10 novembre 2026"],
  ])("%s → %s", (iso, expected) => {
    expect(formatIsoDate(iso)).toBe(expected);
  });

  it("in a date and time too, in French time", () => {
    expect(formatDateTime("2026-12-01T08:05:00.000Z")).toBe("1er décembre 2026 à 09:05");
    expect(formatDateTime("2026-11-23T12:45:00.000Z")).toBe("23 novembre 2026 à 13:45");
  });
});

describe("deName: « de » elided before a vowel or a mute h", () => {
  it.each([
    ["Adulte 1", "d’Adulte 1"],
    ["Enfant", "d’Enfant"],
    ["Hélène", "d’Hélène"],
    ["Émile", "d’Émile"],
    ["Marie", "de Marie"],
    ["Bénéficiaire 2", "de Bénéficiaire 2"],
  ])("%s → %s", (name, expected) => {
    expect(deName(name)).toBe(expected);
  });
});

describe("catalogueUpdatedLabel: a date a person understands, not a revision number", () => {
  it.each([
    [{ catalogueUpdatedAt: "2026-11-23T10:00:00.000Z" }, "catalogue mis à jour le 23 novembre 2026"],
    [{ catalogueUpdatedAt: "2026-11-30T23:30:00.000Z" }, "catalogue mis à jour le 1er décembre 2026"],
    [{}, null],
  ])("%j → %s", (lastRun, label) => {
    expect(catalogueUpdatedLabel(lastRun)).toBe(label);
  });
});
