/**
 * npm run schemas — writes the JSON Schemas of the input formats to docs/schemas/.
 * Generated from the zod schemas (the single source): input side, since these files
 * describe what may be written in a catalogue or profile file (numbers accepted for
 * money, defaults optional). Cross-field rules (R871-2, unique ids…) live in zod only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { catalogueSchema, offerSchema } from "../lib/schemas/offer";
import { profileSchema } from "../lib/schemas/profile";

const OUT_DIR = path.resolve(import.meta.dirname, "../docs/schemas");
const SCHEMAS = { offer: offerSchema, catalogue: catalogueSchema, profile: profileSchema } as const;

mkdirSync(OUT_DIR, { recursive: true });
for (const [name, schema] of Object.entries(SCHEMAS)) {
  const jsonSchema = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  const file = path.join(OUT_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ $id: `https://reste-a-charge.fr/schemas/${name}.json`, ...jsonSchema }, null, 2)}\n`);
  console.log(path.relative(process.cwd(), file));
}
