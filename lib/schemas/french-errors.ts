import { z } from "zod";

/**
 * zod's own messages in French for the issues the shared schemas do not word themselves
 * ("Trop grand : nombre doit être <=5"); passed per parse, so the process-wide zod config
 * stays untouched. Used by forms, server actions and the catalogue alike.
 */
export const FRENCH_ERRORS = { error: z.locales.fr().localeError };
