import { describe, expect, it } from "vitest";
import { emailSchema } from "@/lib/auth/email-address";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";

describe("newPasswordSchema", () => {
  it.each([
    ["12 caractères exactement", "a".repeat(12)],
    ["une phrase de passe avec espaces et accents", "ma mutuelle coûte cher"],
    ["256 caractères", "é".repeat(256)],
  ])("accepte %s", (_label, password) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(true);
  });

  it.each([
    ["11 caractères", "a".repeat(11), "au moins 12 caractères"],
    ["257 caractères", "a".repeat(257), "au plus 256 caractères"],
    ["une valeur qui n'est pas un texte", 123456789012, "Saisissez un mot de passe."],
  ])("refuse %s avec un message en français", (_label, password, message) => {
    const result = newPasswordSchema.safeParse(password, FRENCH_ERRORS);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe("emailSchema", () => {
  it("met l'adresse en minuscules sans espaces autour", () => {
    expect(emailSchema.parse("  Alice.Martin@Exemple.FR ")).toBe("alice.martin@exemple.fr");
  });

  it.each([["vide", ""], ["sans arobase", "alice.exemple.fr"], ["trop longue", `${"a".repeat(250)}@exemple.fr`]])("refuse une adresse %s", (_label, email) => {
    expect(emailSchema.safeParse(email, FRENCH_ERRORS).success).toBe(false);
  });
});
