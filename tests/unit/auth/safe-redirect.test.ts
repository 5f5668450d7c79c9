import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/safe-redirect";

describe("safeReturnPath (?retour= after sign-in)", () => {
  it.each([
    ["un chemin du site", "/compte", "/compte"],
    ["un chemin avec requête et ancre", "/comparer?p=1.abc#resultats", "/comparer?p=1.abc#resultats"],
    ["un chemin qui remonte, normalisé", "/compte/../comparer", "/comparer"],
    ["un point, normalisé", "/./compte", "/compte"],
    ["une requête contenant deux barres", "/comparer?suite=//ailleurs", "/comparer?suite=//ailleurs"],
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

  // Open redirect (issue 12 §3): "/.//evil.example" normalised to "//evil.example" and left the site.
  it.each([
    ["un point puis deux barres", "/.//evil.example"],
    ["un retour en arrière puis deux barres", "/a/..//evil.example"],
    ["des points encodés puis deux barres", "/%2e%2e//evil.example"],
    ["un point encodé puis deux barres", "/%2e//evil.example"],
    ["des barres encodées", "/%2F%2Fevil.example"],
    ["des barres encodées en minuscules", "/%2f%2fevil.example"],
    ["une barre inverse encodée", "/%5Cevil.example"],
    ["une barre puis une barre inverse encodée", "/%2F%5Cevil.example"],
    ["un point puis une barre inverse", "/./\\evil.example"],
    ["trois barres", "///evil.example"],
    ["une tabulation entre les barres", "/\t/evil.example"],
    ["une tabulation encodée", "/%09/evil.example"],
    ["un retour à la ligne encodé", "/%0a/evil.example"],
    ["une URL absolue en http", "http://evil.example"],
    ["une URL absolue sans barres", "https:evil.example"],
    ["une URL absolue du même nom que la base interne", "http://same-site.invalid//evil.example"],
    ["un pourcentage invalide", "/%E0%A4%A"],
  ])("redirection ouverte après normalisation : refuse %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/compte");
    expect(safeReturnPath(value, "/")).toBe("/");
  });
});
