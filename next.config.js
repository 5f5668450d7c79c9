/**
 * Sent on every response, static files included. The Content-Security-Policy (with its
 * per-request nonce) and HSTS come from proxy.ts.
 */
export const FIXED_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The CSP's frame-ancestors 'none' says the same to browsers that read it.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // The build also writes .next/standalone, the self-contained server that the production
  // image runs (scripts/lib/runtime-image.ts). Only the build says so: `next start`, which
  // npm start and the tests use on the same build, warns on a standalone configuration.
  output: phase === "phase-production-build" ? "standalone" : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client and pg run on the server only and are loaded from node_modules.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg"],
  // `npm test` type-checks the whole repository in its own tier (tsc --noEmit);
  // doing it again inside every build only costs time on these 2-core machines.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: FIXED_SECURITY_HEADERS }];
  },
});

export default nextConfig;
