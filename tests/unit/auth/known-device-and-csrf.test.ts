import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isCsrfTokenValid } from "@/lib/auth/csrf";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceCookieValue, knownDeviceFromCookieHeader } from "@/lib/auth/known-device";

const SECRET = "un secret de test d'au moins trente-deux caractères";

describe("known-device cookie (issue 12 §4: the owner's browser skips the per-account limits)", () => {
  const now = Date.UTC(2026, 10, 30);
  const value = knownDeviceCookieValue(SECRET, "titulaire@exemple.fr", now);

  it("vaut pour l'adresse qui s'est connectée, sans la contenir", () => {
    expect(isKnownDevice(SECRET, "titulaire@exemple.fr", value, now)).toBe(true);
    expect(value).not.toContain("titulaire");
  });

  it.each([
    ["une autre adresse", "autre@exemple.fr", value, now],
    ["un autre secret", "titulaire@exemple.fr", knownDeviceCookieValue("un autre secret tout aussi long que le premier", "titulaire@exemple.fr", now), now],
    ["après expiration", "titulaire@exemple.fr", value, now + (KNOWN_DEVICE_MAX_AGE_SECONDS + 1) * 1000],
    ["une date repoussée à la main", "titulaire@exemple.fr", value.replace(/^\d+/, (seconds) => String(Number(seconds) + 1000)), now],
    ["une signature tronquée", "titulaire@exemple.fr", value.slice(0, -2), now],
    ["un cookie absent", "titulaire@exemple.fr", undefined, now],
    ["un cookie sans point", "titulaire@exemple.fr", "n'importe quoi", now],
  ])("ne vaut pas pour %s", (_label, email, cookie, at) => {
    expect(isKnownDevice(SECRET, email, cookie, at)).toBe(false);
  });

  it("se lit dans un en-tête Cookie brut", () => {
    expect(knownDeviceFromCookieHeader(`a=1; ${KNOWN_DEVICE_COOKIE}=${value}; b=2`)).toBe(value);
    expect(knownDeviceFromCookieHeader("a=1")).toBeUndefined();
    expect(knownDeviceFromCookieHeader(undefined)).toBeUndefined();
  });
});

describe("isCsrfTokenValid (issue 12 §4 and §5: link requests and link use need next-auth's CSRF token)", () => {
  const token = "a".repeat(64);
  const cookie = `${token}|${createHash("sha256").update(`${token}${SECRET}`).digest("hex")}`;

  it("accepte le jeton posté qui correspond au cookie signé", () => {
    expect(isCsrfTokenValid(cookie, token, SECRET)).toBe(true);
  });

  it.each([
    ["sans cookie (formulaire d'un autre site)", undefined, token],
    ["sans jeton posté", cookie, undefined],
    ["un autre jeton posté", cookie, "b".repeat(64)],
    ["un cookie fabriqué sans le secret", `${token}|${createHash("sha256").update(token).digest("hex")}`, token],
    ["un cookie sans empreinte", token, token],
  ])("refuse %s", (_label, cookieValue, posted) => {
    expect(isCsrfTokenValid(cookieValue, posted, SECRET)).toBe(false);
  });
});
