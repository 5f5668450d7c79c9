import "server-only";
import type { z } from "zod";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { type ActionResult, fieldErrorsOf, GENERIC_ERROR_MESSAGE } from "./result";

/**
 * Wraps a public server action: the input is parsed with `schema` (never trusted) and
 * refused with French field errors; an unexpected error is logged and replaced by a
 * generic French message — no stack trace or SQL reaches the client.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(raw, FRENCH_ERRORS);
    if (!parsed.success) {
      return { ok: false, message: "Certaines informations sont invalides : corrigez les champs signalés.", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      console.error("[action] unexpected error", error);
      return { ok: false, message: GENERIC_ERROR_MESSAGE };
    }
  };
}
