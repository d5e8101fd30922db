import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "./lib/errors.ts";
import { testTargets, useApp } from "./lib/testing.ts";

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "query" | "path" }[];
  hasBody: boolean;
}

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.constantFrom(
    "",
    " ",
    "%",
    "%00",
    "../../etc/passwd",
    "null",
    "-1",
    "1e309",
    "NaN",
    "'; drop table parties; --",
  ),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);

// Every route of the OpenAPI document is tried, so a new route is covered the day it is added.
describe.each(testTargets())("malformed input on $name", (target) => {
  const ctx = useApp(target);

  it("never gives a 5xx, and every refusal speaks the error contract", async () => {
    const doc = (await (await ctx.app.request("/openapi.json")).json()) as { paths: Record<string, object> };
    const operations: Operation[] = Object.entries(
      doc.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const operation = op as { parameters?: Operation["parameters"]; requestBody?: unknown };
        return {
          method,
          path,
          parameters: operation.parameters ?? [],
          hasBody: Boolean(operation.requestBody),
        };
      }),
    );
    expect(operations.length).toBeGreaterThan(8);

    for (const operation of operations) {
      const queryNames = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.oneof(fc.constantFrom(...queryNames, "x"), fc.string()), junk, { maxKeys: 4 }),
          junk,
          fc.oneof(fc.json(), fc.string(), fc.constant("{")),
          fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
          async (query, pathValue, body, contentType) => {
            const path = operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(pathValue) || "%20");
            const search = new URLSearchParams(query).toString();
            const res = await ctx.app.request(`${path}${search ? `?${search}` : ""}`, {
              method: operation.method.toUpperCase(),
              ...(operation.hasBody ? { body, headers: { "content-type": contentType } } : {}),
            });
            expect(res.status, `${operation.method} ${path}?${search}`).toBeLessThan(500);
            if (res.status >= 400) ErrorBody.parse(await res.json());
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
