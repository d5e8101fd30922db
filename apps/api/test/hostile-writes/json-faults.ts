import fc from "fast-check";
import {
  bodyLimit,
  type Facts,
  type Json,
  type Schema,
  type Schemas,
  type Site,
  sitesOf,
} from "./json-schema.ts";

/* fast-check generators of malformed JSON bodies, one fault at one place of a valid body (hostile-writes.test.ts). */

// --- Generating faults --------------------------------------------------------------------------------------------

/** Text put into the JSON as it is: numbers JSON.parse turns into ±Infinity, nesting too deep to stringify. */
export class Raw {
  constructor(readonly text: string) {}
}
export type Value = unknown;

export const pollutionKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
];
export const pollutionValue = fc.constantFrom<Json>(
  { polluted: true },
  { isAdmin: true, roles: ["administrator"] },
  { prototype: { polluted: true } },
  "polluted",
  1,
  null,
);
// Text that is not what any constrained field takes: junk in every script, control characters, lone surrogates,
// numbers written as text, spreadsheet formulas, injection attempts.
export const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "0x1F",
    "1_000",
    "١٢٣",
    "１２３",
    "5",
    "-1",
    "1.5",
    "=1+2",
    "+1",
    "-2+3",
    "@SUM(A1)",
    '=HYPERLINK("http://x")',
    "null",
    "undefined",
    "true",
    "__proto__",
    "constructor",
    "\u202Egnp.exe",
    "\u200B",
    "\uFEFF",
    "\ud800",
    "\udfff",
    "\u0000",
    "a\u0000b",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Ї\u0301",
    "'; drop table parties; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
  ),
);
/** Text without white space (which a trimmed field would drop), of min to max UTF-16 units and so as many characters. */
export const nonBlank = (min: number, max: number) =>
  fc
    .string({ unit: fc.constantFrom(..."xЇé=9@-_.'\"<>&%"), minLength: min, maxLength: max })
    .filter((s) => s.length >= min && s.length <= max);

/** A string longer than `max`: a little, a lot, or past the body limit. */
export function tooLong(max: number) {
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.integer({ min: max + 1, max: max + 64 }) },
      { weight: 2, arbitrary: fc.integer({ min: max + 65, max: Math.max(max * 10, 100_000) }) },
      { weight: 1, arbitrary: fc.integer({ min: bodyLimit - 1000, max: bodyLimit + 200_000 }) },
    )
    .chain((length) =>
      fc
        .constantFrom("x", "Ї", "𝔘", "é", "=", "9")
        // `length` characters, however counted: JSON Schema counts code points, JavaScript UTF-16 units.
        .map((unit) => unit.repeat(length)),
    );
}

export const deepArray = fc
  .integer({ min: 2, max: 100_000 })
  .map((depth) => new Raw(`${"[".repeat(depth)}${"]".repeat(depth)}`));
export const deepObject = fc
  .integer({ min: 2, max: 50_000 })
  .map((depth) => new Raw(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));
export const hugeArray = (item: Value) =>
  fc.integer({ min: 1000, max: 120_000 }).map((length) => Array.from({ length }, () => item));

/** A value of a JSON type the site does not take. */
export function wrongType(facts: Facts): fc.Arbitrary<Value> | undefined {
  const types = facts.types;
  if (!types) return undefined;
  const numbers = types.has("number");
  const options: fc.Arbitrary<Value>[] = [];
  if (!types.has("string")) options.push(junkText);
  if (!numbers && !types.has("integer")) {
    options.push(
      fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(new Raw("1e309"), new Raw("-1e309"), new Raw("-0"), new Raw("1e-400")),
      ),
    );
  } else if (!numbers) {
    // Whole numbers only: fractions, and numbers too large for JSON.parse to give anything but Infinity.
    options.push(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
        fc.constantFrom(new Raw("1e309"), new Raw("-1e309"), new Raw("0.5"), new Raw("1.0000001")),
      ),
    );
  }
  if (!types.has("boolean")) options.push(fc.boolean());
  if (!types.has("null")) options.push(fc.constant(null));
  if (!types.has("array")) {
    options.push(fc.oneof(fc.array(fc.jsonValue(), { maxLength: 5 }), deepArray, hugeArray(0)));
  }
  if (!types.has("object")) {
    options.push(
      fc.oneof(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        deepObject,
        fc.constantFrom<Json>({}, { __proto__: null } as unknown as Json),
        pollutionValue.map((v) => withKey({}, "__proto__", v)),
      ),
    );
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/** The string formats the generator knows, each as the test a value of it passes (loosely: a value that fails is wrong). */
const formats: Record<string, (s: string) => boolean> = {
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  uri: (s) => s.includes(":"),
  "date-time": (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
};

/** A value of the site's own type that breaks one of its constraints. */
export function brokenConstraint(facts: Facts): fc.Arbitrary<Value> | undefined {
  const options: fc.Arbitrary<Value>[] = [];
  const isString = facts.types?.has("string");
  if (isString && facts.maxLength !== undefined) options.push(tooLong(facts.maxLength));
  if (isString && facts.minLength !== undefined && facts.minLength > 0) {
    options.push(nonBlank(0, facts.minLength - 1));
  }
  // A format is a constraint only where it is known here: for another, a filter for values that break it would
  // reject every value and never end.
  const format = facts.format === undefined ? undefined : formats[facts.format];
  if (isString && (facts.patterns.length > 0 || facts.enums.length > 0 || format !== undefined)) {
    const fits = (s: string) =>
      facts.patterns.every((re) => re.test(s)) &&
      facts.enums.every((values) => values.includes(s)) &&
      (format === undefined || format(s));
    const near = facts.enums
      .flat()
      .filter((v): v is string => typeof v === "string")
      .flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v} `, `${v}\u0000`, `${v}s`, v.slice(1)]);
    options.push(
      fc
        .oneof(junkText, fc.constantFrom("x", "a b", ...near), nonBlank(1, 12))
        .filter((s) => !fits(s) && (facts.maxLength === undefined || s.length <= facts.maxLength)),
    );
  }
  const isNumber = facts.types?.has("integer") || facts.types?.has("number");
  if (isNumber) {
    const below = facts.minimum ?? facts.exclusiveMinimum;
    const above = facts.maximum ?? facts.exclusiveMaximum;
    if (below !== undefined) {
      const edge = facts.minimum === undefined ? 0 : 1;
      options.push(fc.integer({ min: -1_000_000, max: below - edge }));
    }
    if (above !== undefined) {
      const edge = facts.maximum === undefined ? 0 : 1;
      options.push(fc.oneof(fc.integer({ min: above + edge, max: 2 ** 53 }), fc.constant(new Raw("1e21"))));
    }
  }
  const isArray = facts.types?.has("array");
  if (isArray && facts.minItems !== undefined && facts.minItems > 0) options.push(fc.constant([]));
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

export function withKey(
  object: { [key: string]: Value },
  key: string,
  value: Value,
): { [key: string]: Value } {
  // Defined, not assigned: "__proto__" becomes an own key that JSON.stringify writes, as a hostile client sends it.
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** What was done to a valid body: where (empty for the body as a whole) and what. */
export interface Fault {
  at: (string | number)[] | null;
  kind: string;
  body: string;
}

export function serialise(value: Value): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `@@RAW${raws.length - 1}@@`;
    }
    return v;
  });
  return text.replace(/"@@RAW(\d+)@@"/g, (_, i: string) => raws[Number(i)] as string);
}

/** The valid body with the value at `path` replaced (or deleted, for undefined). */
export function replaced(base: Json, path: (string | number)[], value: Value | undefined): Value {
  if (path.length === 0) return value as Value;
  // Through JSON, not structuredClone: a value the example shares in two places must become two values.
  const copy = JSON.parse(JSON.stringify(base)) as Value;
  let parent = copy as Record<string | number, Value>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Value>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete parent[last];
  else withKey(parent as { [key: string]: Value }, String(last), value);
  return copy;
}

/** One fault at one site of a valid body. */
export function faultAt(site: Site, base: Json): fc.Arbitrary<Fault> {
  const options: fc.Arbitrary<Fault>[] = [];
  const put = (kind: string, arbitrary: fc.Arbitrary<Value>) =>
    options.push(
      arbitrary.map((value) => ({ at: site.path, kind, body: serialise(replaced(base, site.path, value)) })),
    );
  const wrong = wrongType(site.facts);
  if (wrong) put("wrong type", wrong);
  const broken = brokenConstraint(site.facts);
  if (broken) put("constraint broken", broken);
  const { value, facts } = site;
  if (typeof value === "string") {
    // Text PostgreSQL cannot hold: a NUL, a lone surrogate.
    put(
      "unstorable text",
      fc
        .tuple(fc.nat({ max: value.length }), fc.constantFrom("\u0000", "\ud800", "\udfff", "a\u0000"))
        .map(([i, bad]) => value.slice(0, i) + bad + value.slice(i)),
    );
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const present = facts.required.filter((key) => key in value);
    if (present.length > 0) {
      options.push(
        fc.constantFrom(...present).map((key) => ({
          at: [...site.path, key],
          kind: "required field missing",
          body: serialise(replaced(base, [...site.path, key], undefined)),
        })),
      );
    }
    if (facts.closed) {
      const unknownKey = fc
        .oneof(
          { weight: 2, arbitrary: fc.constantFrom(...pollutionKeys) },
          { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
          { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }) },
        )
        .filter((key) => !site.known.has(key));
      options.push(
        fc.tuple(unknownKey, fc.oneof(pollutionValue, fc.jsonValue({ maxDepth: 2 }))).map(([key, extra]) => {
          const object = replaced(base, site.path, JSON.parse(JSON.stringify(value))) as Value;
          let target = object as { [key: string]: Value };
          for (const k of site.path)
            target = (target as Record<string | number, Value>)[k] as { [key: string]: Value };
          withKey(target, key, extra as Value);
          return { at: [...site.path, key], kind: "unknown field", body: serialise(object) };
        }),
      );
    }
  }
  if (Array.isArray(value) && facts.maxItems !== undefined) {
    const maxItems = facts.maxItems;
    const item = (value[0] ?? 0) as Value;
    put(
      "too many items",
      fc
        .integer({ min: maxItems + 1, max: maxItems + 3 + (maxItems < 1000 ? 100_000 : 0) })
        .map((n) => Array.from({ length: n }, () => item)),
    );
  }
  return fc.oneof(...options);
}

/** Faults of the body as a whole: not JSON, cut short, the wrong JSON type, past the body limit. */
export function wholeBodyFault(schemas: Schemas, schema: Schema, base: Json): fc.Arbitrary<Fault> {
  const text = JSON.stringify(base);
  const facts = schemas.facts(schema);
  const wrong = wrongType(facts);
  const options: fc.Arbitrary<Fault>[] = [
    fc
      .nat({ max: text.length - 1 })
      .map((cut) => ({ at: null, kind: "truncated JSON", body: text.slice(0, cut) })),
    fc
      .oneof(
        junkText,
        fc.constantFrom("{", "[", "{'a':1}", '{"a":1,}', "NaN", "Infinity", `${text}x`, `${text}}`),
      )
      .filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      })
      .map((body) => ({ at: null, kind: "not JSON", body })),
    fc.integer({ min: bodyLimit + 1, max: bodyLimit * 1.5 }).map((size) => ({
      at: null,
      kind: "past the body limit",
      body: `${text}${" ".repeat(size - text.length)}`,
    })),
  ];
  if (wrong)
    options.push(wrong.map((value) => ({ at: null, kind: "wrong JSON type", body: serialise(value) })));
  return fc.oneof(...options);
}

export function jsonFaults(schemas: Schemas, schema: Schema, base: Json): fc.Arbitrary<Fault> {
  const sites = sitesOf(schemas, schema, base);
  return fc.oneof(
    { weight: 1, arbitrary: wholeBodyFault(schemas, schema, base) },
    { weight: 9, arbitrary: fc.constantFrom(...sites).chain((site) => faultAt(site, base)) },
  );
}

/** The path as the error contract writes it. */
export const dotted = (path: (string | number)[]) => path.map(String).join(".");
/** A detail names the field at fault: that field, a field inside it, or the object or union around it. */
export function names(detailPath: string, at: string): boolean {
  return (
    detailPath !== "" &&
    (detailPath === at || at.startsWith(`${detailPath}.`) || detailPath.startsWith(`${at}.`))
  );
}
