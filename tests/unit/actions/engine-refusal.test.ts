import { describe, expect, test } from "vitest";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import { GENERIC_ERROR_MESSAGE } from "@/lib/actions/result";
import { EngineRefusal } from "@/lib/compare/engine-refusal";

describe("a refused comparison reaches the person in French (issue 12 §1)", () => {
  const schema = z.object({ reason: z.enum(["timeout", "busy", "rate-limited", "crash"]) });
  const action = publicAction(schema, async ({ reason }) => {
    if (reason === "crash") throw new Error("SELECT * FROM secret");
    throw new EngineRefusal(reason);
  });

  test.each([
    ["timeout", /dépassé le temps permis/],
    ["busy", /très sollicité/],
    ["rate-limited", /patientez une minute/],
  ] as const)("%s: its own message, not the generic one", async (reason, message) => {
    const result = await action({ reason });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  test("any other error still gets the generic message", async () => {
    const logged = console.error;
    console.error = () => {};
    try {
      expect(await action({ reason: "crash" })).toEqual({ ok: false, message: GENERIC_ERROR_MESSAGE });
    } finally {
      console.error = logged;
    }
  });
});
