import "server-only";
import type { z } from "zod";
import { FRENCH_ERRORS } from "@/lib/schemas/french-errors";
import { type ActionResult, fieldErrorsOf, GENERIC_ERROR_MESSAGE } from "./result";

/** An error whose French message is meant for the visitor. */
export class UserFacingError extends Error {}

/**
 * Wraps a public server action: the input is parsed with `schema` (never trusted),
 * expected errors become typed results, anything else is logged and replaced by a
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
      if (error instanceof UserFacingError) return { ok: false, message: error.message };
      console.error("[action] unexpected error", error);
      return { ok: false, message: GENERIC_ERROR_MESSAGE };
    }
  };
}
