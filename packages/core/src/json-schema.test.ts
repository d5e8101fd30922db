import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonSchemaFiles, jsonSchemas } from "./json-schema.ts";

const outDir = fileURLToPath(new URL("../json-schema/", import.meta.url));
const regenerate = "run `pnpm --filter @commitments/core build:json-schema` and commit the result";

describe("JSON Schema files", () => {
  const files = jsonSchemaFiles();

  it("the committed folder holds exactly the generated files", () => {
    const committed = readdirSync(outDir)
      .filter((name) => name.endsWith(".json"))
      .sort();
    expect(committed, regenerate).toEqual(Object.keys(files).sort());
  });

  it.each(Object.keys(files))("%s is up to date", (name) => {
    expect(readFileSync(`${outDir}${name}`, "utf8"), regenerate).toBe(files[name]);
  });

  it("is deterministic", () => {
    expect(jsonSchemaFiles()).toEqual(files);
    expect(JSON.stringify(jsonSchemaFiles())).toBe(JSON.stringify(files));
    for (const text of Object.values(files)) expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("jsonSchemas", () => {
  const schemas = jsonSchemas();

  it("covers the core schemas that carry an id, and none without one", () => {
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "Agreement",
        "Commitment",
        "StageEvent",
        "Provision",
        "Party",
        "Source",
        "Money",
        "Measure",
        "Decimal",
        "PartialDate",
        "Period",
        "GuaranteeAttributes",
        "InstrumentType",
        "Tier",
      ]),
    );
    // Sources and NonNegativeDecimal have no id: they are inlined where used, not files of their own.
    expect(Object.keys(schemas)).not.toContain("Sources");
    expect(Object.keys(schemas)).not.toContain("NonNegativeDecimal");
    expect(Object.keys(schemas)).toEqual([...Object.keys(schemas)].sort());
  });

  it("writes draft 2020-12 documents whose $id is their file name", () => {
    for (const [id, schema] of Object.entries(schemas)) {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.$id).toBe(`${id}.schema.json`);
    }
  });

  it("refers only to files it writes", () => {
    const refs = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) {
          if (key === "$ref" && typeof child === "string") refs.add(child);
          else walk(child);
        }
      }
    };
    walk(schemas);
    expect(refs.size).toBeGreaterThan(10);
    for (const ref of refs) expect(Object.keys(schemas).map((id) => `${id}.schema.json`)).toContain(ref);
  });

  it("describes input shapes: a field with a default is optional", () => {
    const commitment = schemas.Commitment as { required: string[]; properties: Record<string, unknown> };
    expect(commitment.required).toEqual(["id", "donor", "title", "category", "measure", "sources"]);
    expect(commitment.properties.recipient).toEqual({ $ref: "PartyId.schema.json", default: "UA" });
    expect(Object.keys(commitment.properties)).toEqual([
      "id",
      "donor",
      "recipient",
      "agreement",
      "title",
      "category",
      "measure",
      "measureBasis",
      "period",
      "conditions",
      "sources",
      "synthetic",
      "sourceDataset",
      "schedule",
    ]);
  });

  it("keeps strictness, enums and patterns", () => {
    expect(schemas.Money).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: ["amount", "currency"],
      properties: { amount: { $ref: "Decimal.schema.json" }, currency: { $ref: "CurrencyCode.schema.json" } },
    });
    expect((schemas.Tier as { enum: string[] }).enum).toEqual(["soft", "intermediate", "hard"]);
    expect((schemas.InstrumentType as { enum: string[] }).enum).toHaveLength(15);
    expect((schemas.Provision as { oneOf: unknown[] }).oneOf).toHaveLength(10);

    const decimal = new RegExp((schemas.Decimal as { pattern: string }).pattern);
    expect(decimal.test("1500000000")).toBe(true);
    expect(decimal.test("0.06274")).toBe(true);
    expect(decimal.test("1e9")).toBe(false);
    expect(decimal.test("1,000")).toBe(false);
  });

  it("loses refinements, as documented: the patterns alone admit 30 February, and keep the domain of years", () => {
    const patterns = (schemas.PartialDate as { allOf: { pattern: string }[] }).allOf.map(
      (part) => new RegExp(part.pattern),
    );
    const partialDate = { test: (value: string) => patterns.every((pattern) => pattern.test(value)) };
    expect(partialDate.test("2023-13")).toBe(false);
    expect(partialDate.test("2024-02-30")).toBe(true);
    expect(partialDate.test("1900-01-01")).toBe(true);
    expect(partialDate.test("2199-12")).toBe(true);
    expect(partialDate.test("0000-01-01")).toBe(false);
    expect(partialDate.test("2200")).toBe(false);
  });
});
