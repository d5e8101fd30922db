import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testTargets, unlimited, useApp } from "../test/testing.ts";
import { ErrorBody } from "./lib/errors.ts";
import { operationsOf } from "./lib/openapi-operations.ts";

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
  const ctx = useApp(target, { limits: unlimited });

  it("never gives a 5xx, and every refusal speaks the error contract", async () => {
    const operations = await operationsOf(ctx.app);
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

// The same with the write token, so the writes' own validators are fuzzed rather than stopped at the door: on
// real records and made-up ones alike, junk is refused naming where it is, and nothing is written.
describe.each(testTargets())("malformed writes with the write token on $name", (target) => {
  const ctx = useApp(target, { limits: unlimited });
  const realIds = fc.constantFrom(
    "UA",
    "EU",
    "uk-ukraine-security-cooperation-2024",
    "uk-ukraine-security-cooperation-2024-p1",
    "eu-ukraine-facility-2024-2027",
  );
  const junkBodies = fc.oneof(
    fc.json(),
    fc.string(),
    fc.constant("{"),
    fc.object().map((o) => JSON.stringify(o)),
    fc.record({ set: fc.object(), reason: fc.string() }).map((o) => JSON.stringify(o)),
    fc
      .dictionary(fc.constantFrom("id", "name", "measure", "title", "date", "version"), fc.jsonValue())
      .map((set) => JSON.stringify({ set, reason: "fuzzing" })),
  );
  // Well-formed updates and retractions reach the handlers, but every record here is at version 1: with If-Match
  // missing or naming a later version they must be refused too (428, 412, 404 or 409), whatever they would change.
  const staleBodies = fc.oneof(
    fc.constant(JSON.stringify({ reason: "fuzzing" })),
    fc
      .dictionary(fc.constantFrom("name", "title", "note", "summary", "due"), fc.string())
      .map((set) => JSON.stringify({ set, reason: "fuzzing" })),
  );
  const requests = fc.oneof(
    fc.tuple(junkBodies, fc.constantFrom(undefined, '"1"', '"2"', "*", 'W/"1"', "1")),
    fc.tuple(staleBodies, fc.constantFrom(undefined, '"2"', '"7"')),
  );

  it("refuses junk bodies with a 4xx in the error contract, never a 5xx, and writes nothing", async () => {
    // Signing out takes no body and succeeds even for nobody: there is nothing malformed to send it.
    const writes = (await operationsOf(ctx.app)).filter(
      (op) =>
        op.method !== "get" &&
        op.path.startsWith("/v1/") &&
        !(op.method === "delete" && op.path === "/v1/session"),
    );
    expect(writes.length).toBeGreaterThanOrEqual(18);
    const before = await ctx.changeSets();
    for (const operation of writes) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ arbitrary: junk, weight: 1 }, { arbitrary: realIds, weight: 2 }),
          requests,
          fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain"),
          fc.option(fc.string({ minLength: 1, maxLength: 250 }).filter((k) => /^[\x20-\x7e]*$/.test(k))),
          async (pathValue, [body, ifMatch], contentType, key) => {
            const path = operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(pathValue) || "%20");
            const headers: Record<string, string> = { ...ctx.authorised, "content-type": contentType };
            if (ifMatch !== undefined) headers["if-match"] = ifMatch;
            if (key !== null) headers["idempotency-key"] = key;
            const res = await ctx.app.request(path, {
              method: operation.method.toUpperCase(),
              body,
              headers,
            });
            const at = `${operation.method} ${path} ${body.slice(0, 200)}`;
            // 403: the account routes an API token may not use (sessions, tokens).
            expect([400, 403, 404, 409, 412, 415, 422, 428], at).toContain(res.status);
            const error = ErrorBody.parse(await res.json()).error;
            if (error.code === "VALIDATION_FAILED") expect(error.details?.length, at).toBeGreaterThan(0);
          },
        ),
        { numRuns: 60 },
      );
    }
    expect(await ctx.changeSets()).toBe(before);
  });
});
