// Writes packages/core/json-schema/: one <Id>.schema.json per exported schema with an id, and index.json.
// Run: pnpm --filter @commitments/core build:json-schema. The generation itself is pure (src/json-schema.ts);
// json-schema.test.ts fails when the committed files are not what it generates.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemaFiles } from "../src/json-schema.ts";

const outDir = fileURLToPath(new URL("../json-schema/", import.meta.url));
const files = jsonSchemaFiles();

mkdirSync(outDir, { recursive: true });
// A schema that is no longer exported must not linger as a file.
for (const name of readdirSync(outDir)) {
  if (name.endsWith(".json") && !(name in files)) rmSync(join(outDir, name));
}
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);

console.log(`wrote ${Object.keys(files).length} files to ${outDir}`);
