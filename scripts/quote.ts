/**
 * npm run -s quote -- --catalogue FILE.json --profile FILE.json [--sort rac|total] [--year 2026]
 *
 * Prints the ranked quote as JSON on stdout. Bad input exits with code 2, a message
 * naming the file and the field (zod path) on stderr, and nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { ProfileError, quoteOffers, type SortKey } from "../lib/engine";
import { FRENCH_ERRORS } from "../lib/schemas/french-errors";
import { catalogueSchema } from "../lib/schemas/offer";
import { profileSchema } from "../lib/schemas/profile";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = "Usage : npm run -s quote -- --catalogue FICHIER.json --profile FICHIER.json [--sort rac|total] [--year AAAA]";

class InputError extends Error {}

function parseArgs(argv: string[]): { catalogue: string; profile: string; sort: SortKey; year?: number } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!["--catalogue", "--profile", "--sort", "--year"].includes(flag)) throw new InputError(`Option inconnue « ${flag} ».`);
    if (value === undefined || value.startsWith("--")) throw new InputError(`Valeur manquante pour ${flag}.`);
    values.set(flag, value);
  }
  const catalogue = values.get("--catalogue");
  const profile = values.get("--profile");
  if (!catalogue || !profile) throw new InputError("--catalogue et --profile sont obligatoires.");
  const sort = values.get("--sort") ?? "total";
  if (sort !== "rac" && sort !== "total") throw new InputError(`--sort attend « rac » ou « total », pas « ${sort} ».`);
  const yearText = values.get("--year");
  let year: number | undefined;
  if (yearText !== undefined) {
    year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) throw new InputError(`--year attend une année sur quatre chiffres, pas « ${yearText} ».`);
  }
  return { catalogue, profile, sort, year };
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: ${issue.path.length > 0 ? issue.path.join(".") : "(racine)"}: ${issue.message}`)
    .join("\n");
}

function load<T extends z.ZodType>(file: string, schema: T, readFile: (path: string) => string): z.output<T> {
  let text: string;
  try {
    text = readFile(file);
  } catch {
    throw new InputError(`${file}: fichier illisible.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: JSON invalide (${(error as Error).message}).`);
  }
  // Messages for people: zod's own messages in French, as in the forms and the catalogue import.
  const parsed = schema.safeParse(json, FRENCH_ERRORS);
  if (!parsed.success) throw new InputError(formatIssues(file, parsed.error));
  return parsed.data;
}

export function runQuoteCli(argv: string[], readFile: (path: string) => string = (path) => readFileSync(path, "utf8")): CliResult {
  try {
    const args = parseArgs(argv);
    const catalogue = load(args.catalogue, catalogueSchema, readFile);
    const profile = load(args.profile, profileSchema, readFile);
    const result = quoteOffers(catalogue.offers, profile, { sort: args.sort, year: args.year });
    return { code: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "" };
  } catch (error) {
    if (error instanceof InputError || error instanceof ProfileError) {
      return { code: 2, stdout: "", stderr: `${error.message}\n${error instanceof InputError && error.message.startsWith("--") ? USAGE + "\n" : ""}` };
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = runQuoteCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
