import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { INVALID_CREDENTIALS_MESSAGE, rateLimitedCode, rateLimitedMessage, signInErrorMessage } from "@/lib/auth/messages";

describe("clientIp", () => {
  it.each([
    ["le premier saut de X-Forwarded-For", { "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, "203.0.113.7"],
    ["une seule adresse", new Headers({ "x-forwarded-for": " 2001:DB8::1 " }), "2001:db8::1"],
    ["sans en-tête", {}, "local"],
    ["un en-tête vide", { "x-forwarded-for": "" }, "local"],
    ["un en-tête démesuré", { "x-forwarded-for": "x".repeat(100) }, "local"],
  ])("%s", (_label, headers, expected) => {
    expect(clientIp(headers)).toBe(expected);
  });
});

describe("sign-in messages", () => {
  it("dit la même chose pour une adresse inconnue et un mauvais mot de passe (un seul code)", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS_MESSAGE);
  });

  it.each([
    [15, "Trop de tentatives. Réessayez dans 15 minutes."],
    [1, "Trop de tentatives. Réessayez dans 1 minute."],
  ])("blocage de %i min", (minutes, message) => {
    expect(rateLimitedMessage(minutes)).toBe(message);
    expect(signInErrorMessage(rateLimitedCode(minutes))).toBe(message);
  });

  it("ne répète pas un code inconnu venu de l'URL", () => {
    expect(signInErrorMessage("<script>")).toBe("La connexion a échoué. Réessayez.");
    expect(signInErrorMessage(null)).toBeNull();
  });
});
