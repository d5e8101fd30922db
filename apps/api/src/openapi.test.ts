import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: {
    securitySchemes?: Record<string, unknown>;
    schemas?: Record<string, { properties?: Record<string, { description?: string }>; required?: string[] }>;
  };
}

const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

describe("the OpenAPI document", () => {
  let doc: Document;
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    // Generating the document touches no route handler, so no database is needed.
    const response = await createApp({ db: undefined as never }).request("/openapi.json");
    expect(response.status).toBe(200);
    doc = (await response.json()) as Document;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.has(method))
        .map(([method, op]) => ({ method, path, op })),
    );
  });

  it("is valid OpenAPI 3.1 by a third-party validator, with every reference resolvable", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    // A copy: resolveRefs replaces references in place, and the other tests read the document as published.
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    // The validator's errors name the JSON pointer at fault; show them all rather than "expected false".
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("documents every operation with a summary and tags, and its 400 in the error contract", () => {
    expect(operations.length).toBeGreaterThan(0);
    const problems = operations.flatMap(({ method, path, op }) => {
      const at = `${method.toUpperCase()} ${path}`;
      const found: string[] = [];
      if (!op.summary?.trim()) found.push(`${at}: no summary`);
      if (!op.tags?.length) found.push(`${at}: no tags`);
      // /health takes no input at all (no parameters, no body), so nothing about a request to it can be malformed.
      if (path !== "/health") {
        const schema = op.responses["400"]?.content?.["application/json"]?.schema;
        if (schema?.$ref !== "#/components/schemas/Error")
          found.push(`${at}: no 400 response with the Error body`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it("declares every path parameter its path template names", () => {
    const problems = operations.flatMap(({ method, path, op }) => {
      const declared = new Set((op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name));
      const named = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      return named.filter((name) => !declared.has(name)).map((name) => `${method} ${path}: {${name}}`);
    });
    expect(problems).toEqual([]);
  });

  it("names only declared security schemes", () => {
    const declared = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
    const problems = operations.flatMap(({ method, path, op }) =>
      (op.security ?? [])
        .flatMap((requirement) => Object.keys(requirement))
        .filter((name) => !declared.has(name))
        .map((name) => `${method} ${path}: ${name}`),
    );
    expect(problems).toEqual([]);
  });

  it("publishes only the versioned API and the health check; /reference and static files stay out", () => {
    const outside = Object.keys(doc.paths).filter((path) => path !== "/health" && !path.startsWith("/v1/"));
    expect(outside).toEqual([]);
  });

  it("documents the error details' stable messages, which clients say in their own words", () => {
    const message = doc.components?.schemas?.ErrorDetail?.properties?.message?.description;
    for (const stable of [
      "not a step from",
      "its commitment is not published",
      "refers to it",
      '"retracted"',
    ])
      expect(message).toContain(stable);
  });

  it("documents an agreement's Ukrainian titles as optional, shown on Ukrainian pages", () => {
    const view = doc.components?.schemas?.AgreementView;
    for (const field of ["titleUk", "shortTitleUk"]) {
      expect(view?.properties?.[field]?.description).toMatch(/Ukrainian pages/);
      expect(view?.required).not.toContain(field);
    }
  });
});
