import { describe, expect, it } from "vitest";
import { signInLinkIdentifier } from "@/lib/auth/email-address";

describe("signInLinkIdentifier", () => {
  it("gives one spelling per mailbox", () => {
    expect(signInLinkIdentifier("  Claire.Martin@Exemple.FR ")).toBe("claire.martin@exemple.fr");
  });

  it.each([
    ['"victime@exemple.fr"@pirate.example'],
    ["victime@exemple.fr,pirate@pirate.example"],
    ["victime@exemple.fr pirate@pirate.example"],
    ["victime@exemple.fr\npirate@pirate.example"],
    ["victime@exemple.fr\r\nBcc: pirate@pirate.example"],
    ["victime@pirate@pirate.example"],
    ["Victime <victime@exemple.fr>"],
    ["victime@localhost"],
    ["@exemple.fr"],
    [""],
    [`${"a".repeat(250)}@exemple.fr`],
  ])("refuses %j, which a mailer could deliver elsewhere or not at all", (identifier) => {
    expect(() => signInLinkIdentifier(identifier)).toThrow();
  });
});
