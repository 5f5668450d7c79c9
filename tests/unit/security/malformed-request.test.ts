import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/actions/limits";
import { rejectMalformedRequest } from "@/lib/security/malformed-request";

const ACTION = { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8", host: "rac.example" };

function post(path: string, headers: Record<string, string>, body: string): NextRequest {
  return new NextRequest(`https://rac.example${path}`, { method: "POST", headers, body });
}

async function statusOf(request: NextRequest): Promise<number | null> {
  return (await rejectMalformedRequest(request))?.status ?? null;
}

describe("rejectMalformedRequest (ce que Next ferait échouer en 500)", () => {
  it.each([
    ["une page", "/comparer"],
    ["un segment dynamique encodé", "/comparer/offre/caf%C3%A9"],
  ])("laisse passer un GET sur %s", async (_label, path) => {
    expect(await statusOf(new NextRequest(`https://rac.example${path}`))).toBeNull();
  });

  it.each(["/api/auth/%", "/comparer/offre/%E0%A4%A", "/compte/%ZZ"])("refuse le chemin mal encodé %s (400)", async (path) => {
    expect(await statusOf(new NextRequest(`https://rac.example${path}`))).toBe(400);
  });

  it("laisse passer un appel d'action bien formé, de la même origine ou sans origine", async () => {
    expect(await statusOf(post("/comparer", ACTION, '[{"profile":{}}]'))).toBeNull();
    expect(await statusOf(post("/comparer", { ...ACTION, origin: "https://rac.example" }, "[{}]"))).toBeNull();
  });

  it.each([
    ["un corps qui n'est pas du JSON", ACTION, "{pas du json", 400],
    ["un appel multipart", { ...ACTION, "content-type": "multipart/form-data; boundary=x" }, '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--x--', 400],
    ["une autre origine", { ...ACTION, origin: "https://attaquant.example" }, "[{}]", 403],
    ["une origine « null »", { ...ACTION, origin: "null" }, "[{}]", 403],
    ["une origine illisible", { ...ACTION, origin: "n'importe quoi" }, "[{}]", 403],
    ["un corps de plus de 1 Mo", ACTION, JSON.stringify(["x".repeat(ACTION_BODY_LIMIT_BYTES)]), 413],
  ])("refuse %s", async (_label, headers, body, status) => {
    expect(await statusOf(post("/comparer", headers, body))).toBe(status);
  });

  it("laisse Next répondre lui-même (404) à un appel d'action URL-encodé", async () => {
    expect(await statusOf(post("/comparer", { ...ACTION, "content-type": "application/x-www-form-urlencoded" }, "a=1"))).toBeNull();
  });

  it.each([
    ["un multipart illisible", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"],
    ["un formulaire qui nomme une action", '--x\r\nContent-Disposition: form-data; name="$ACTION_ID_abc"\r\n\r\n\r\n--x--'],
  ])("refuse, sans en-tête d'action, %s (400)", async (_label, body) => {
    expect(await statusOf(post("/comparer", { "content-type": "multipart/form-data; boundary=x", host: "rac.example" }, body))).toBe(400);
  });

  it("laisse passer un formulaire multipart ordinaire, et les POST qui ne sont pas des actions", async () => {
    expect(await statusOf(post("/comparer", { "content-type": "multipart/form-data; boundary=x", host: "rac.example" }, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'))).toBeNull();
    expect(await statusOf(post("/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", origin: "https://attaquant.example" }, "a=1"))).toBeNull();
  });
});
