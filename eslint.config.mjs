import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "docs/schemas/**"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // A leading underscore marks a binding that is deliberately unused (a destructured-away key, a test label).
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: plain data in, plain data out (DEVELOPERS.md, non-negotiable 4).
    files: ["lib/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*", "next", "next/*", "@prisma/*", "@/lib/generated/*", "@/lib/db", "pg", "node:*"], message: "lib/engine must stay pure: no React, Next, Prisma, database or Node I/O." },
          ],
        },
      ],
    },
  },
];

export default config;
