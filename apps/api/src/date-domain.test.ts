import { beforeAll, describe, expect, it } from "vitest";
import { expectError, send, testTargets, useApp } from "../test/testing.ts";
import { operationsOf } from "./lib/openapi-operations.ts";

/*
 * Finding 2 of the probe of the running tracker: year 0000 and the edge offsets gave 500s — `asOf` of
 * 0000-01-01T00:00:00Z, 0001-01-01T00:00:00+14:00 or 9999-12-31T23:59:59-14:00 on the read routes, `from`/`to` of
 * 0000-01-01 on events and rates, event dates and schedule dues in year 0000, an event dated 0001-01-01 (the
 * rates table). Every date the tracker takes lies in the years 1900 to 2199, and a date outside is a 400 naming
 * the field, never a 500.
 */

const dateMessage = "expected a date from 1900 to 2199";
const momentMessage = "expected a moment from 1900 to 2199";
const sources = [{ title: "Date-domain test fixture, not a real figure", kind: "research" }];
const money = { kind: "money", amount: "100", currency: "EUR" };

describe.each(testTargets())("the domain of dates on $name", (target) => {
  const ctx = useApp(target);
  /** Every read taking `asOf`: the operations of /openapi.json, and the embed page, which is outside it. */
  let reads: string[] = [];
  beforeAll(async () => {
    reads = (await operationsOf(ctx.app))
      .filter((op) => op.method === "get" && op.parameters.some((p) => p.in === "query" && p.name === "asOf"))
      // Ids that exist or not: a party's, or any record's (a 404 once the query passed).
      .map((op) =>
        op.path.replace(
          /\{[^}]+\}/g,
          /^\/v1\/(parties|guarantors)\//.test(op.path) ? "GB" : "no-such-record",
        ),
      );
    reads.push("/embed/series");
    expect(
      (
        await send(ctx.app, "POST", "/v1/commitments", {
          id: "domain-line",
          donor: "DE",
          title: "Date-domain test line",
          category: "air_defence",
          measure: money,
          sources,
        })
      ).status,
    ).toBe(201);
  });

  it("refuses an asOf outside the years 1900 to 2199 on every read, at any offset, naming it", async () => {
    expect(reads.length).toBeGreaterThanOrEqual(12);
    for (const asOf of ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]) {
      for (const path of reads) {
        const response = await ctx.app.request(`${path}?asOf=${encodeURIComponent(asOf)}`);
        expect(response.status, `${path} ${asOf}`).toBe(400);
        const error = await expectError(response, 400);
        expect(error.details, `${path} ${asOf}`).toEqual([
          { location: "query", path: "asOf", message: momentMessage },
        ]);
      }
    }
  });

  it("answers an asOf at the domain's edges, at the far offsets, without a 5xx", async () => {
    for (const asOf of ["1900-01-01T00:00:00-14:00", "2199-12-31T23:59:59+14:00"]) {
      for (const path of reads) {
        const response = await ctx.app.request(`${path}?asOf=${encodeURIComponent(asOf)}`);
        // Unknown ids are 404s; the lists, series, exports and charts answer.
        expect([200, 404], `${path} ${asOf}: ${await response.clone().text()}`).toContain(response.status);
      }
    }
    const series = await ctx.app.request(
      `/v1/series?asOf=${encodeURIComponent("1900-01-01T00:00:00-14:00")}`,
    );
    // The moment is normalised: the answer says which one it describes.
    expect(((await series.json()) as { meta: { asOf: string } }).meta.asOf).toBe("1900-01-01T14:00:00.000Z");
  });

  it.each([
    ["/v1/events", "from"],
    ["/v1/events", "to"],
    ["/v1/rates", "from"],
    ["/v1/rates", "to"],
  ])("refuses %s?%s=0000-01-01, naming it", async (path, field) => {
    const error = await expectError(await ctx.app.request(`${path}?${field}=0000-01-01`), 400);
    expect(error.details).toEqual([{ location: "query", path: field, message: dateMessage }]);
  });

  it("refuses series bounds outside the domain, naming them", async () => {
    for (const [field, value] of [
      ["from", "0000-01"],
      ["to", "2200"],
      ["rateDate", "0001-01-01"],
    ]) {
      const query = field === "rateDate" ? `convention=fixed_date&${field}=${value}` : `${field}=${value}`;
      const error = await expectError(await ctx.app.request(`/v1/series?${query}`), 400);
      expect(error.details).toEqual([{ location: "query", path: field, message: dateMessage }]);
    }
  });

  it("refuses event dates and schedule dues in year 0000, and an event of 0001-01-01, writing nothing", async () => {
    const before = await ctx.changeSets();
    const event = (date: string) => ({
      commitment: "domain-line",
      stage: "committed",
      date,
      measure: money,
      confidence: "reported_by_donor",
      sources,
    });
    for (const date of ["0000", "0000-05", "0000-05-01", "0001-01-01", "9999-12-31"]) {
      const error = await expectError(await send(ctx.app, "POST", "/v1/events", event(date)), 400);
      expect(error.details).toEqual([{ location: "json", path: "date", message: dateMessage }]);
    }
    const tranche = { commitment: "domain-line", position: 1, due: "0000-12", measure: money };
    const due = await expectError(await send(ctx.app, "POST", "/v1/tranches", tranche), 400);
    expect(due.details).toEqual([{ location: "json", path: "due", message: dateMessage }]);
    const schedule = await expectError(
      await send(ctx.app, "POST", "/v1/commitments", {
        donor: "DE",
        title: "A schedule in year 0000",
        category: "air_defence",
        measure: money,
        schedule: [{ due: "0000", measure: money }],
        sources,
      }),
      400,
    );
    expect(schedule.details).toEqual([{ location: "json", path: "schedule.0.due", message: dateMessage }]);
    expect(await ctx.changeSets()).toBe(before);
  });

  it("refuses rates dated outside the domain, as JSON and as CSV, naming the rate and the line", async () => {
    const before = await ctx.changeSets();
    const json = await expectError(
      await send(ctx.app, "POST", "/v1/rates", [{ date: "0000-01-01", currency: "USD", perEur: "1.1" }]),
      400,
    );
    expect(json.details).toEqual([{ location: "json", path: "0.date", message: dateMessage }]);
    const csv = await expectError(
      await ctx.app.request("/v1/rates/csv", {
        method: "POST",
        headers: { ...ctx.authorised, "content-type": "text/csv" },
        body: "Date,USD\n2024-03-01,1.08\n0000-01-01,1.1\n",
      }),
      400,
    );
    expect(csv.details).toEqual([
      { location: "body", path: "line 3", message: `line 3: "0000-01-01": ${dateMessage}` },
    ]);
    expect(await ctx.changeSets()).toBe(before);
  });
});
