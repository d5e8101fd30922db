import { describe, expect, it } from "vitest";
import { expectError, okJson, testTargets, useApp } from "../../lib/testing.ts";

describe.each(testTargets())("parties on $name", (target) => {
  const ctx = useApp(target);

  it("lists states and organisations, filterable by kind", async () => {
    const first = await okJson(await ctx.client.v1.parties.$get({ query: { limit: "200" } }));
    expect(first.data).toHaveLength(200);
    if (!first.page.next) throw new Error("expected a second page");
    const second = await okJson(
      await ctx.client.v1.parties.$get({ query: { limit: "200", cursor: first.page.next } }),
    );
    expect(second.page.next).toBeNull();
    const ids = [...first.data, ...second.data].map((p) => p.id);
    expect(ids.length).toBeGreaterThan(249);
    expect(new Set(ids).size).toBe(ids.length);
    const organisations = await okJson(await ctx.client.v1.parties.$get({ query: { kind: "organisation" } }));
    expect(organisations.data.map((p) => p.id)).toEqual(
      expect.arrayContaining(["EU", "NATO", "G7", "OSCE", "UN"]),
    );
  });

  it("gives one party, 404 for an unknown one, 400 for a malformed id", async () => {
    const { data } = await okJson(
      await ctx.client.v1.parties[":id"].$get({ param: { id: "UA" }, query: {} }),
    );
    expect(data).toMatchObject({
      id: "UA",
      kind: "state",
      name: "Ukraine",
      alpha3: "UKR",
    });
    await expectError(await ctx.app.request("/v1/parties/ZZ"), 404);
    const bad = await expectError(await ctx.app.request("/v1/parties/ua"), 400);
    expect(bad.details?.[0]).toMatchObject({ location: "param", path: "id" });
  });
});
