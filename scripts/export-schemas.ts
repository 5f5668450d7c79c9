/**
 * npm run schemas — writes the JSON Schemas of the input formats to docs/schemas/.
 * Generated from the zod schemas (the single source): input side, since these files
 * describe what may be written in a catalogue or profile file (numbers accepted for
 * money, defaults optional). Cross-field rules (R871-2, unique ids…) live in zod only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { catalogueSchema, offerSchema } from "../lib/schemas/offer";
import { profileSchema } from "../lib/schemas/profile";

const SCHEMAS = { offer: offerSchema, catalogue: catalogueSchema, profile: profileSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;

/** The content of docs/schemas/<name>.json: the input-side JSON Schema, with its $id. */
export function jsonSchemaFile(name: SchemaName) {
  const jsonSchema = z.toJSONSchema(SCHEMAS[name], { io: "input", target: "draft-2020-12" });
  return { $id: `https://reste-a-charge.fr/schemas/${name}.json`, ...jsonSchema };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = path.resolve(import.meta.dirname, "../docs/schemas");
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
    const file = path.join(outDir, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(jsonSchemaFile(name), null, 2)}\n`);
    console.log(path.relative(process.cwd(), file));
  }
}
