import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectError, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

// TEST values in the ECB layout, not ECB reference rates.
const csv = readFileSync(new URL("./test-reference-rates.csv", import.meta.url), "utf8");
const postCsv = (app: ReturnType<typeof useApp>["app"], body: string, headers: Record<string, string>) =>
  app.request("/v1/rates/csv", { method: "POST", headers: { "content-type": "text/csv", ...headers }, body });

const loadedBy = async (response: Response) =>
  ((await response.json()) as { data: Record<string, unknown> }).data;

describe.each(testTargets())("exchange rates on $name", (target) => {
  const ctx = useApp(target);
  const list = async (query: Record<string, string>) =>
    (await okJson(await ctx.client.v1.rates.$get({ query }))).data;

  it("refuses a load without a valid token, writing nothing", async () => {
    const before = await ctx.changeSets();
    const rates = [{ date: "2024-01-02", currency: "USD", perEur: "1.1" }];
    await expectError(await send(ctx.app, "POST", "/v1/rates", rates, { authorization: "" }), 401);
    await expectError(
      await send(ctx.app, "POST", "/v1/rates", rates, { authorization: "Bearer wrong" }),
      401,
    );
    await expectError(await postCsv(ctx.app, csv, {}), 401);
    expect(await ctx.changeSets()).toBe(before);
  });

  it("loads JSON rates in one change set; the same rates again change nothing; a new value is a new version", async () => {
    const rates = [
      { date: "2024-01-02", currency: "USD", perEur: "1.1000" },
      { date: "2024-01-02", currency: "GBP", perEur: "0.8700" },
    ];
    const first = await send(ctx.app, "POST", "/v1/rates", rates);
    expect(first.status).toBe(200);
    const loaded = await loadedBy(first);
    expect(loaded).toMatchObject({ created: 2, replaced: 0, unchanged: 0 });
    expect(loaded.changeSet).toEqual(expect.any(Number));
    expect(await loadedBy(await send(ctx.app, "POST", "/v1/rates", rates))).toEqual({
      changeSet: null,
      created: 0,
      replaced: 0,
      unchanged: 2,
    });
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const corrected = await send(ctx.app, "POST", "/v1/rates", [{ ...rates[0], perEur: "1.1050" }]);
    expect(await loadedBy(corrected)).toMatchObject({ created: 0, replaced: 1 });
    expect(await list({ currency: "USD", to: "2024-01-31" })).toEqual([
      expect.objectContaining({ date: "2024-01-02", currency: "USD", perEur: "1.105", version: 2 }),
    ]);
    expect(await list({ currency: "USD", to: "2024-01-31", asOf: before })).toEqual([
      expect.objectContaining({ perEur: "1.1", version: 1 }),
    ]);
  });

  it("loads the ECB CSV layout, leaving out obsolete currencies, and filters by currency and day", async () => {
    const response = await postCsv(ctx.app, csv, ctx.authorised);
    expect(response.status).toBe(200);
    expect(await loadedBy(response)).toMatchObject({ created: 8, replaced: 0, skippedCurrencies: ["CYP"] });
    expect(await list({ currency: "JPY" })).toEqual([
      expect.objectContaining({ date: "2024-02-29", perEur: "158.5" }),
      expect.objectContaining({ date: "2024-03-04", perEur: "160" }),
    ]);
    const march = await list({ from: "2024-03-01", to: "2024-03-01" });
    expect(march.map((r) => [r.currency, r.perEur])).toEqual([
      ["GBP", "0.84"],
      ["USD", "1.08"],
    ]);
    const page = await okJson(await ctx.client.v1.rates.$get({ query: { limit: "2" } }));
    expect(page.data).toHaveLength(2);
    expect(page.page.next).toBe("GBP-2024-02-29");
  });

  it("refuses bad rates and files in the error contract, naming the field or the line", async () => {
    const before = await ctx.changeSets();
    const eur = await expectError(
      await send(ctx.app, "POST", "/v1/rates", [{ date: "2024-01-02", currency: "EUR", perEur: "1" }]),
      400,
    );
    expect(eur.details?.[0]).toMatchObject({ location: "json", path: "0.currency" });
    const malformed = await expectError(
      await send(ctx.app, "POST", "/v1/rates", [{ date: "2024-01-02", currency: "USD", perEur: "abc" }]),
      400,
    );
    expect(malformed.details?.[0]).toMatchObject({ location: "json", path: "0.perEur" });
    const conflict = await expectError(
      await send(ctx.app, "POST", "/v1/rates", [
        { date: "2024-01-03", currency: "USD", perEur: "1.1" },
        { date: "2024-01-03", currency: "USD", perEur: "1.2" },
      ]),
      400,
    );
    expect(conflict.details?.[0]).toMatchObject({ location: "json", path: "1" });
    const line = await expectError(
      await postCsv(ctx.app, "Date,USD\n2024-01-03,1.1\n2024-01-04,-1\n", ctx.authorised),
      400,
    );
    expect(line.details?.[0]).toMatchObject({ location: "body", path: "line 3" });
    const type = await expectError(
      await ctx.app.request("/v1/rates/csv", {
        method: "POST",
        headers: { ...ctx.authorised, "content-type": "application/json" },
        body: "[]",
      }),
      415,
    );
    expect(type.details?.[0]).toMatchObject({ location: "header", path: "content-type" });
    const query = await expectError(await ctx.app.request("/v1/rates?currency=euro"), 400);
    expect(query.details?.[0]).toMatchObject({ location: "query", path: "currency" });
    expect(await ctx.changeSets()).toBe(before);
  });
});
