import { defineConfig } from "prisma/config";

// The URLs are read lazily: `prisma generate` needs none, migrate commands get them
// from scripts/prisma.ts, which starts the embedded PostgreSQL when DATABASE_URL is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
