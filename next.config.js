/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client and pg run on the server only and are loaded from node_modules.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg"],
  // `npm test` type-checks the whole repository in its own tier (tsc --noEmit);
  // doing it again inside every build only costs time on these 2-core machines.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
