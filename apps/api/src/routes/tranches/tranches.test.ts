import { beforeAll, describe, expect, it } from "vitest";
import { expectError, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

const sources = [{ title: "Test fixture", kind: "research" }];
const shells = (count: string) => ({ kind: "quantity", count, unit: "rounds", item: "155mm shells" });

describe.each(testTargets())("tranches on $name", (target) => {
  const ctx = useApp(target);
  beforeAll(async () => {
    const response = await send(ctx.app, "POST", "/v1/commitments", {
      id: "test-shells",
      donor: "CZ",
      title: "Test shells",
      category: "ammunition.artillery_155mm",
      measure: shells("800000"),
      schedule: [
        { due: "2024", measure: shells("500000") },
        { due: "2025-06", measure: shells("300000") },
      ],
      sources,
    });
    expect(response.status).toBe(201);
  });

  it("lists tranches by commitment and by the commitment's donor and category", async () => {
    const list = async (query: Parameters<typeof ctx.client.v1.tranches.$get>[0]["query"]) =>
      (await okJson(await ctx.client.v1.tranches.$get({ query }))).data.map((t) => t.id);
    expect(await list({ commitment: "test-shells" })).toEqual(["test-shells-t1", "test-shells-t2"]);
    expect(await list({ donor: "CZ", category: "ammunition" })).toEqual(["test-shells-t1", "test-shells-t2"]);
    expect(await list({ donor: "CZ", category: "air_defence" })).toEqual([]);
    const one = await ctx.client.v1.tranches[":id"].$get({ param: { id: "test-shells-t2" }, query: {} });
    expect(one.headers.get("etag")).toBe('"1"');
    expect((await okJson(one)).data).toMatchObject({
      due: "2025-06",
      measure: shells("300000"),
      position: 1,
    });
    await expectError(await ctx.app.request("/v1/tranches/no-such-tranche"), 404);
  });

  it("refuses a tranche of a missing commitment, or measured otherwise, writing nothing", async () => {
    const before = await ctx.changeSets();
    const tranche = { commitment: "test-shells", position: 2, due: "2026", measure: shells("100000") };
    const missing = await expectError(
      await send(ctx.app, "POST", "/v1/tranches", { ...tranche, commitment: "no-such-line" }),
      422,
    );
    expect(missing.details?.[0]).toMatchObject({ location: "json", path: "commitment" });
    const unlike = await expectError(
      await send(ctx.app, "POST", "/v1/tranches", {
        ...tranche,
        measure: { kind: "quantity", count: "1", unit: "systems", item: "155mm shells" },
      }),
      422,
    );
    expect(unlike.details?.[0]).toMatchObject({ location: "json", path: "measure" });
    expect(await ctx.changeSets()).toBe(before);

    const created = await send(ctx.app, "POST", "/v1/tranches", tranche);
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    expect(data.id).toMatch(/^test-shells-tranche-2026-[a-z0-9]{8}$/);
  });
});
