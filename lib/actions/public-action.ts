import "server-only";
import type { z } from "zod";
import { defineAction } from "./define-action";
import type { ActionResult } from "./result";

const anyone = async () => ({ ok: true as const, context: undefined });

/** Wraps a public server action (no account needed): parse, run, map errors (see defineAction). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>): (raw: unknown) => Promise<ActionResult<T>> {
  return defineAction(anyone, schema, (input) => handler(input));
}
