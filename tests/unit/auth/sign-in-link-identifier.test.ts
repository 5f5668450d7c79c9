import { describe, expect, it } from "vitest";
import { signInLinkIdentifier } from "@/lib/auth/email-address";

describe("signInLinkIdentifier (destinataire d'un lien de connexion)", () => {
  it("normalise une adresse valide", () => {
    expect(signInLinkIdentifier("  Marie.Dupont@Exemple.FR ")).toBe("marie.dupont@exemple.fr");
  });

  it.each([
    ["une liste d'adresses", "victime@exemple.fr, attaquant@exemple.org"],
    ["une liste sans espace", "victime@exemple.fr,attaquant@exemple.org"],
    ["un en-tête injecté", "victime@exemple.fr\r\nBcc: attaquant@exemple.org"],
    ["un nom affiché", "Victime <victime@exemple.fr>"],
    ["deux arobases", "victime@attaquant@exemple.org"],
    ["une chaîne vide", ""],
  ])("refuse %s", (_label, identifier) => {
    expect(() => signInLinkIdentifier(identifier)).toThrow();
  });
});
