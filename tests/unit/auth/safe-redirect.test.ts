import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/safe-redirect";

describe("safeReturnPath (?retour= after sign-in)", () => {
  it.each([
    ["un chemin du site", "/compte", "/compte"],
    ["un chemin avec requête et ancre", "/comparer?p=1.abc#resultats", "/comparer?p=1.abc#resultats"],
    ["un chemin qui remonte, normalisé", "/compte/../comparer", "/comparer"],
  ])("garde %s", (_label, value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ["une URL absolue", "https://evil.example/vol"],
    ["une URL relative au protocole", "//evil.example/vol"],
    ["une barre oblique inverse", "/\\evil.example"],
    ["une barre inverse plus loin", "/ok\\..\\evil"],
    ["un schéma javascript", "javascript:alert(1)"],
    ["un chemin sans barre initiale", "compte"],
    ["un retour à la ligne", "/compte\n//evil.example"],
    ["une tabulation", "/\t/evil.example"],
    ["une chaîne vide", ""],
    ["une valeur qui n'est pas une chaîne", ["/compte"]],
    ["une valeur trop longue", `/${"a".repeat(2100)}`],
  ])("refuse %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/compte");
    expect(safeReturnPath(value, "/")).toBe("/");
  });
});
