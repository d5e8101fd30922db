/* The request schemas of /openapi.json, read as far as generating invalid values needs them (hostile-writes.test.ts). */
export const bodyLimit = 1024 * 1024;

/** A JSON value (the valid examples), or a body being made malformed. */
export type Json = unknown;
export type Schema = Record<string, unknown>;

// --- The request schemas of the OpenAPI document, as far as generating invalid values needs them -----------------

/** What a (sub)schema says, with $refs followed and allOf parts merged. */
export interface Facts {
  /** JSON types allowed ("integer" for whole numbers only); undefined when the schema does not say. */
  types: Set<string> | undefined;
  properties: Record<string, Schema>;
  required: string[];
  closed: boolean;
  items: Schema | undefined;
  minLength?: number;
  maxLength?: number;
  patterns: RegExp[];
  enums: unknown[][];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  /** oneOf / anyOf branches. */
  branches: Schema[];
}

export class Schemas {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; typeof s.$ref === "string" && i < 20; i++) {
      s = this.components[(s.$ref as string).replace("#/components/schemas/", "")] ?? {};
    }
    return s;
  }

  facts(schema: Schema): Facts {
    const parts = this.flatten(schema);
    const facts: Facts = {
      types: new Set(),
      properties: {},
      required: [],
      closed: false,
      items: undefined,
      patterns: [],
      enums: [],
      branches: [],
    };
    let typed = false;
    for (const part of parts) {
      const type = part.type;
      if (typeof type === "string" || Array.isArray(type)) {
        typed = true;
        for (const t of [type].flat()) facts.types?.add(t as string);
      }
      if (Array.isArray(part.enum)) {
        typed = true;
        facts.enums.push(part.enum);
        for (const v of part.enum) facts.types?.add(v === null ? "null" : typeof v);
      }
      Object.assign(facts.properties, part.properties ?? {});
      facts.required.push(...((part.required as string[] | undefined) ?? []));
      if (part.additionalProperties === false) facts.closed = true;
      if (part.items) facts.items = part.items as Schema;
      if (typeof part.pattern === "string") facts.patterns.push(new RegExp(part.pattern));
      if (typeof part.format === "string") facts.format = part.format;
      for (const key of [
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
      ] as const) {
        if (typeof part[key] === "number") facts[key] = part[key] as number;
      }
      const branches = (part.oneOf ?? part.anyOf) as Schema[] | undefined;
      if (branches) {
        facts.branches.push(...branches);
        for (const branch of branches) {
          const inner = this.facts(branch);
          if (inner.types === undefined) typed = false;
          else {
            typed = true;
            for (const t of inner.types) facts.types?.add(t);
          }
        }
      }
    }
    if (!typed) facts.types = undefined;
    return facts;
  }

  private flatten(schema: Schema): Schema[] {
    const s = this.resolve(schema);
    return [s, ...((s.allOf as Schema[] | undefined) ?? []).flatMap((part) => this.flatten(part))];
  }

  /** The branch of a oneOf a value takes, when its `kind` names exactly one. */
  branchOf(facts: Facts, value: Json): Facts | undefined {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const matching = facts.branches
      .map((branch) => this.facts(branch))
      .filter((branch) => {
        const kind = branch.properties.kind;
        return (
          kind !== undefined &&
          this.facts(kind).enums.some((values) => values.includes((value as { kind?: unknown }).kind))
        );
      });
    return matching.length === 1 ? matching[0] : undefined;
  }
}

/** A place in a valid body where one fault is put: its path and what the schema says of it. */
export interface Site {
  path: (string | number)[];
  facts: Facts;
  value: Json;
  /** For an object: every property any branch knows, so an "unknown" key is unknown to all. */
  known: Set<string>;
}

export function sitesOf(
  schemas: Schemas,
  schema: Schema,
  value: Json,
  path: (string | number)[] = [],
): Site[] {
  const facts = schemas.facts(schema);
  const branch = facts.branches.length > 0 ? schemas.branchOf(facts, value) : undefined;
  const known = new Set([
    ...Object.keys(facts.properties),
    ...facts.branches.flatMap((b) => Object.keys(schemas.facts(b).properties)),
  ]);
  // Inside a union only when the value's kind picks one branch, so a fault there cannot fit another.
  const shape = branch
    ? { ...branch, types: facts.types, branches: facts.branches }
    : facts.branches.length > 0
      ? { ...facts, closed: false, required: [], properties: {} }
      : facts;
  const site: Site = { path, facts: shape, value, known };
  const inner: Site[] = [];
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape.properties[key];
      if (childSchema) inner.push(...sitesOf(schemas, childSchema, child, [...path, key]));
    }
  } else if (Array.isArray(value) && shape.items) {
    value.slice(0, 3).forEach((child, i) => {
      inner.push(...sitesOf(schemas, shape.items as Schema, child, [...path, i]));
    });
  }
  return [site, ...inner];
}
