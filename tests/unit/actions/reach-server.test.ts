import { describe, expect, it, vi } from "vitest";
import { reachServer, SERVER_UNREACHABLE_MESSAGE } from "@/lib/actions/reach-server";
import { signInErrorMessage, UNREACHABLE_SIGN_IN } from "@/lib/auth/messages";

describe("reachServer", () => {
  it("passes the action's own result through, refusals included", async () => {
    expect(await reachServer(async () => ({ ok: true as const, data: 3 }))).toEqual({ ok: true, data: 3 });
    const refusal = { ok: false as const, message: "Nom trop long", fieldErrors: { name: "Nom trop long" } };
    expect(await reachServer(async () => refusal)).toEqual(refusal);
  });

  it("turns a call that never completed into a French refusal, the cause kept in the console", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await reachServer<number>(() => Promise.reject(new TypeError("An unexpected response was received from the server.")));
    expect(result).toEqual({ ok: false, message: SERVER_UNREACHABLE_MESSAGE });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("gives the sign-in forms the same message", () => {
    expect(signInErrorMessage(UNREACHABLE_SIGN_IN.error)).toBe(SERVER_UNREACHABLE_MESSAGE);
  });
});
