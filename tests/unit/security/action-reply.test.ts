import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { actionReplyProblem } from "@/lib/security/action-reply";

// React's own encoder, as the app's client uses it: whatever it produces for plain data must pass.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

describe("actionReplyProblem (corps d'un appel d'action)", () => {
  it.each([
    ["un objet simple", [{ profile: { department: "75" }, sort: "total" }]],
    ["aucun argument", []],
    ["les valeurs que React encode d'un bloc", [{ a: undefined, b: Number.NaN, c: -0, d: Infinity, e: -Infinity, f: new Date(0), g: 12n, h: -7n }]],
    ["des chaînes commençant par $", [{ name: "$1", other: "$@x", alone: "$" }]],
    ["un profil imbriqué", [{ beneficiaries: [{ care: [{ category: "gp", perYear: 4 }] }] }]],
  ])("accepte ce qu'envoie le client React : %s", async (_label, args) => {
    const body = await encodeReply(args);
    expect(typeof body).toBe("string");
    expect(actionReplyProblem(body as string)).toBeNull();
  });

  it("accepte une clé __proto__ (React la retire)", () => {
    expect(actionReplyProblem('[{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}, "id": "x"}]')).toBeNull();
  });

  it.each([
    ["un corps vide", ""],
    ["du JSON tronqué", '[{"profile": {"depa'],
    ["un objet à la racine", '{"a": 1}'],
    ["une chaîne à la racine", '"abc"'],
    ["null à la racine", "null"],
    ["plus de 1000 arguments", JSON.stringify(Array(1001).fill(0))],
    ["une référence à un autre champ", '["$1"]'],
    ["une promesse", '["$@1"]'],
    ["une Map", '[{"m": "$Q1"}]'],
    ["une référence serveur", '["$h1"]'],
    ["une référence temporaire", '["$T"]'],
    ["un BigInt invalide", '["$nxx"]'],
    ["un BigInt de plus de 300 chiffres", JSON.stringify([`$n${"9".repeat(301)}`])],
    ["un $ seul", '["$"]'],
    ["une imbrication de 5000 tableaux", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["une imbrication de 100 objets", `[${'{"a":'.repeat(100)}1${"}".repeat(100)}]`],
    ["des tableaux imbriqués de plus d'un million de cases", JSON.stringify([["a".repeat(600_000), "b".repeat(600_000)]])],
  ])("refuse %s", (_label, body) => {
    expect(actionReplyProblem(body)).not.toBeNull();
  });
});
