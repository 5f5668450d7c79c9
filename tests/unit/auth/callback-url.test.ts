import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { unusableCallbackUrl } from "@/lib/auth/callback-url";

const request = (url: string, cookie?: string) => new NextRequest(url, { headers: cookie ? { cookie } : {} });

describe("unusableCallbackUrl (ce que next-auth refuserait par une erreur 500)", () => {
  it.each([
    ["sans callbackUrl", "https://rac.example/api/auth/session"],
    ["un chemin", "https://rac.example/api/auth/signin?callbackUrl=%2Fcompte"],
    ["une URL complète", "https://rac.example/api/auth/signin?callbackUrl=https%3A%2F%2Frac.example%2Fcompte"],
  ])("accepte %s", (_label, url) => {
    expect(unusableCallbackUrl(request(url), true)).toBeNull();
    expect(unusableCallbackUrl(request(url, "__Secure-next-auth.callback-url=https%3A%2F%2Frac.example%2F"), true)).toBeNull();
  });

  it.each([
    ["un mot", "compte"],
    ["un identifiant", "681f7e0e-82e2-4955-9642-f273557e20d0"],
    ["un autre schéma", "javascript:alert(1)"],
  ])("refuse en paramètre %s", (_label, value) => {
    expect(unusableCallbackUrl(request(`https://rac.example/api/auth/session?callbackUrl=${encodeURIComponent(value)}`), true)).toBe("query");
    expect(unusableCallbackUrl(request(`https://rac.example/api/auth/session?callbackUrl=%2F&callbackUrl=${encodeURIComponent(value)}`), true)).toBe("query");
  });

  it("refuse un cookie de redirection forgé, sous le nom que next-auth lit", () => {
    expect(unusableCallbackUrl(request("https://rac.example/api/auth/csrf", "__Secure-next-auth.callback-url=compte"), true)).toBe("cookie");
    expect(unusableCallbackUrl(request("http://localhost/api/auth/csrf", "next-auth.callback-url=compte"), false)).toBe("cookie");
    expect(unusableCallbackUrl(request("http://localhost/api/auth/csrf", "__Secure-next-auth.callback-url=compte"), false)).toBeNull();
  });
});
