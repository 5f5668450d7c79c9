import { z } from "zod";

const LOCAL_AUTH_SECRET = "local-development-secret-not-for-production-use";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL doit être une URL postgresql://" }),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit contenir au moins 32 caractères").optional(),
    // Unset, it follows the port actually served, so that mail links, sign-out and the
    // redirect after account deletion reach this server (`PORT=3300 npm start`).
    APP_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: z.string().optional(),
    MAIL_OUTBOX_DIR: z.string().default(".data/outbox"),
    // How many reverse proxies in front of the app append to X-Forwarded-For (lib/auth/client-ip.ts).
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(1).max(10).default(1),
  })
  .transform(({ APP_URL, ...rest }, ctx) => {
    const env = { ...rest, APP_URL: APP_URL ?? `http://localhost:${rest.PORT}` };
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET est obligatoire en production" });
      return z.NEVER;
    }
    // Session cookies are Secure exactly when APP_URL is https: a production server on a
    // real host without it would hand them out over clear HTTP.
    if (env.NODE_ENV === "production" && !env.APP_URL.startsWith("https://") && !isLoopback(env.APP_URL)) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL doit être en https:// en production (hors localhost)" });
      return z.NEVER;
    }
    return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? LOCAL_AUTH_SECRET };
  });

function isLoopback(url: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
}

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Configuration invalide: ${details}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The validated environment, parsed on first use (so `next build` needs no database). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
