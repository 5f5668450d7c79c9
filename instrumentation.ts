/**
 * Runs once when a server starts: an invalid environment (no AUTH_SECRET in production,
 * an http:// APP_URL on a real host…) stops `next start` with the French reason, instead
 * of a server that stays up and answers every request with an error.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
