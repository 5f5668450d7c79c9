import { describe, expect, it } from "vitest";
import { confirmSignUpMail, existingAccountMail, passwordChangedMail, resetPasswordMail } from "@/lib/mail/templates";

describe("password mails", () => {
  it("disent combien de temps le lien vaut, en français", () => {
    expect(confirmSignUpMail("a@exemple.fr", "http://x/c", 60).text).toContain("valable 1 heure, une seule fois");
    expect(resetPasswordMail("a@exemple.fr", "http://x/r", 30).text).toContain("valable 30 minutes, une seule fois");
  });

  it("portent leur lien dans le texte, le HTML (échappé) et à part pour les tests", () => {
    const mail = resetPasswordMail("a@exemple.fr", "http://x/r?jeton=a&b", 30);
    expect(mail.text).toContain("http://x/r?jeton=a&b");
    expect(mail.html).toContain('href="http://x/r?jeton=a&amp;b"');
    expect(mail.link).toBe("http://x/r?jeton=a&b");
  });

  it("le titulaire d'un compte existant apprend où remplacer un mot de passe oublié ; un changement le prévient", () => {
    expect(existingAccountMail("a@exemple.fr", "http://x/connexion", "http://x/oubli").text).toContain("Mot de passe oublié : http://x/oubli");
    expect(passwordChangedMail("a@exemple.fr", "http://x/connexion").subject).toBe("Votre mot de passe a changé");
  });
});
