import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { INVALID_CREDENTIALS_MESSAGE, rateLimitedCode, rateLimitedMessage, signInErrorMessage } from "@/lib/auth/messages";

describe("clientIp", () => {
  it.each([
    ["une seule adresse, écrite par le proxy", new Headers({ "x-forwarded-for": " 2001:DB8::1 " }), 1, "2001:db8::1"],
    ["deux proxys de confiance : l'avant-dernière entrée", { "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, 2, "203.0.113.7"],
    ["moins d'entrées que de proxys : la plus à gauche", { "x-forwarded-for": "203.0.113.7" }, 2, "203.0.113.7"],
    ["en-tête répété", { "x-forwarded-for": ["198.51.100.1", "203.0.113.7"] }, 1, "203.0.113.7"],
    ["sans en-tête", {}, 1, "local"],
    ["un en-tête vide", { "x-forwarded-for": "" }, 1, "local"],
    ["un en-tête démesuré", { "x-forwarded-for": "x".repeat(100) }, 1, "local"],
  ])("%s", (_label, headers, trustedProxies, expected) => {
    expect(clientIp(headers, trustedProxies)).toBe(expected);
  });

  // Issue 12 §4: the first hop used to be trusted, so a client choosing it dodged the per-IP limits.
  it.each([
    ["un proxy", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["un proxy, plusieurs entrées forgées", "1.1.1.1, 2.2.2.2, 203.0.113.7", 1, "203.0.113.7"],
    ["deux proxys", "6.6.6.6, 203.0.113.7, 10.0.0.1", 2, "203.0.113.7"],
  ])("X-Forwarded-For forgé par le client : ignoré derrière %s", (_label, header, trustedProxies, expected) => {
    expect(clientIp({ "x-forwarded-for": header }, trustedProxies)).toBe(expected);
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
