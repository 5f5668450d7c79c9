import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const ALLOWED_PACKAGES = new Set(["decimal.js", "zod"]);
const ALLOWED_DIRS = ["lib/engine", "lib/schemas"].map((dir) => path.join(ROOT, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier: static imports and re-exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const patterns = [/\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\b(?:import|require)\s*\(\s*["']([^"']+)["']/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function isAllowed(file: string, specifier: string): boolean {
  if (ALLOWED_PACKAGES.has(specifier)) return true;
  const target = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : null;
  return target !== null && ALLOWED_DIRS.some((dir) => target === dir || target.startsWith(dir + path.sep));
}

describe("Le moteur est pur", () => {
  const files = ALLOWED_DIRS.flatMap(sourceFiles);

  test("il y a bien des fichiers et des imports à contrôler", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => specifiers(readFileSync(file, "utf8"))).length).toBeGreaterThan(20);
  });

  test.each(files.map((file) => [path.relative(ROOT, file), file]))(
    "%s n'importe rien hors de lib/engine, lib/schemas, decimal.js et zod",
    (_name, file) => {
      const forbidden = specifiers(readFileSync(file, "utf8")).filter((specifier) => !isAllowed(file, specifier));
      expect(forbidden).toEqual([]);
    },
  );

  test("le contrôle refuse bien next, react, prisma, node:fs et lib/db", () => {
    const file = path.join(ROOT, "lib/engine/quote.ts");
    for (const bad of ["next/server", "react", "@prisma/client", "node:fs", "@/lib/db", "../db", "../../app/page"]) {
      expect(isAllowed(file, bad)).toBe(false);
    }
  });
});
