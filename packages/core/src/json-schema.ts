import { z } from "zod";
// Not re-exported by the index (which it reads): scripts import it as @commitments/core/json-schema.
import * as core from "./index.ts";

export type JsonSchemaDocument = Record<string, unknown>;

/**
 * JSON Schema (draft 2020-12) for every exported Zod schema that carries a `.meta({ id })`, keyed by id, for
 * users outside TypeScript. Found by walking the package's exports, so a new schema with an id is picked up by
 * itself. References between them are relative: `{ "$ref": "Money.schema.json" }`. The shapes are the *input*
 * ones (fields with a default are optional). Refinements (`.refine`, `.superRefine`) have no JSON Schema form
 * and are left out: a document valid against these schemas may still be refused by core.
 */
export function jsonSchemas(): Record<string, JsonSchemaDocument> {
  const registry = z.registry<{ id: string }>();
  const byId = new Map<string, unknown>();
  for (const [name, value] of Object.entries(core)) {
    if (!(value instanceof z.ZodType)) continue;
    const meta = z.globalRegistry.get(value);
    if (typeof meta?.id !== "string") continue;
    const other = byId.get(meta.id);
    if (other !== undefined && other !== value)
      throw new Error(`two exported schemas have the id ${meta.id} (${name})`);
    byId.set(meta.id, value);
    registry.add(value, { ...meta, id: meta.id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `${id}.schema.json`,
  });
  return Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((id) => [id, canonical(schemas[id]) as JsonSchemaDocument]),
  );
}

/** The files of packages/core/json-schema, as text: `<Id>.schema.json` per schema, and `index.json`. */
export function jsonSchemaFiles(): Record<string, string> {
  const schemas = jsonSchemas();
  const files: Record<string, string> = {};
  const index = [];
  for (const [id, schema] of Object.entries(schemas)) {
    const file = `${id}.schema.json`;
    files[file] = toText(schema);
    index.push({ id, file, description: schema.description });
  }
  files["index.json"] = toText({
    $comment: "Generated from @commitments/core by scripts/write-json-schema.ts; do not edit by hand.",
    dialect: "https://json-schema.org/draft/2020-12/schema",
    schemas: index,
  });
  return files;
}

function toText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Keywords in sorted order, so the files do not change when Zod changes the order it writes them in; the
 * members of `properties` keep the order they are declared in, which reads like the TypeScript type.
 */
function canonical(value: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const keys = isPropertyMap ? Object.keys(record) : Object.keys(record).sort();
  return Object.fromEntries(
    keys.map((key) => [key, canonical(record[key], !isPropertyMap && key === "properties")]),
  );
}
