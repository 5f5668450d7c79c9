import "server-only";
import type { z } from "zod";
import { EngineRefusal } from "@/lib/compare/engine-refusal";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { type ActionResult, fieldErrorsOf, GENERIC_ERROR_MESSAGE } from "./result";

/** Who may call: the context handed to the handler, or the French refusal. */
export type ActionGuard<C> = () => Promise<{ ok: true; context: C } | { ok: false; message: string }>;

/**
 * The one action wrapper (STYLE.md §3-4) that publicAction, userAction and adminAction
 * specialise: authorize first (an anonymous caller learns nothing, not even which
 * fields are wrong), then parse the input with `schema` (never trusted) into French field
 * errors, then run the handler; an engine refusal returns its French message; an
 * unexpected error is logged and replaced by a generic French message, so no stack trace
 * or SQL reaches the client.
 */
export function defineAction<C, S extends z.ZodType, T>(
  guard: ActionGuard<C>,
  schema: S,
  handler: (input: z.output<S>, context: C) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const access = await guard();
      if (!access.ok) return { ok: false, message: access.message };
      const parsed = schema.safeParse(raw, FRENCH_ERRORS);
      if (!parsed.success) {
        return { ok: false, message: "Certaines informations sont invalides : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await handler(parsed.data, access.context) };
    } catch (error) {
      // redirect() and notFound() work by throwing: they must reach Next, not become an error message.
      if (isNextControlFlow(error)) throw error;
      // A comparison refused (too large, past its deadline, rate-limited): the person reads why.
      if (error instanceof EngineRefusal) return { ok: false, message: error.message };
      console.error("[action] unexpected error", error);
      return { ok: false, message: GENERIC_ERROR_MESSAGE };
    }
  };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
