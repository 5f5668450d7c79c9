import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { QuoteResult } from "@/lib/engine";
import { runQuoteCli } from "@/scripts/quote";

const ROOT = path.resolve(__dirname, "../../..");
const CATALOGUE = path.join(ROOT, "docs/examples/catalogue.json");
const PROFILE = path.join(ROOT, "docs/examples/profile.json");
const read = (file: string) => readFileSync(file, "utf8");

describe("npm run quote", () => {
  test("classe les offres d'exemple par coût total, sortie JSON sur stdout", () => {
    const result = runQuoteCli(["--catalogue", CATALOGUE, "--profile", PROFILE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const quote = JSON.parse(result.stdout) as QuoteResult;
    expect(quote.sort).toBe("total");
    expect(quote.offers.map((o) => o.rank)).toEqual([1, 2, 3]);
    const totals = quote.offers.map((o) => Number(o.totalCost));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(quote.offers[0]!.breakdown).toHaveLength(4);
  });

  test("--sort rac --year 2027 : classement par reste à charge espéré sur l'année 2027", () => {
    const quote = JSON.parse(runQuoteCli(["--catalogue", CATALOGUE, "--profile", PROFILE, "--sort", "rac", "--year", "2027"]).stdout) as QuoteResult;
    expect(quote.period).toEqual({ start: "2027-01-01", end: "2027-12-31" });
    const racs = quote.offers.map((o) => Number(o.expectedRac));
    expect(racs).toEqual([...racs].sort((a, b) => a - b));
  });

  test("un catalogue invalide : code 2, le chemin du champ sur stderr, rien sur stdout", () => {
    const bad = JSON.parse(read(CATALOGUE));
    bad.offers[1].guarantees.glasses.frameMax = "cent euros";
    const result = runQuoteCli(["--catalogue", "mauvais.json", "--profile", PROFILE], (file) => (file === "mauvais.json" ? JSON.stringify(bad) : read(file)));
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("mauvais.json: offers.1.guarantees.glasses.frameMax:");
  });

  test("un profil qui n'est pas du JSON : code 2", () => {
    const result = runQuoteCli(["--catalogue", CATALOGUE, "--profile", "profil.json"], (file) => (file === "profil.json" ? "{ pas du json" : read(file)));
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^profil\.json: JSON invalide/);
  });

  test.each([
    [["--catalogue", CATALOGUE], "--catalogue et --profile sont obligatoires."],
    [["--catalogue", CATALOGUE, "--profile", PROFILE, "--sort", "prix"], "--sort attend « rac » ou « total », pas « prix »."],
    [["--catalogue", CATALOGUE, "--profile", PROFILE, "--year", "2020"], "Année de soins 2020 antérieure à la date d'effet 2026-01-01"],
    [["--catalogue", "absent.json", "--profile", PROFILE], "absent.json: fichier illisible."],
  ])("%j : code 2", (argv, message) => {
    const result = runQuoteCli(argv);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain(message);
  });
});
