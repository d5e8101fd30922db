import { describe, expect, it } from "vitest";
import { expectError, okJson, testTargets, useApp } from "../../lib/testing.ts";

describe.each(testTargets())("commitments on $name", (target) => {
  const ctx = useApp(target);
  const list = async (query: Parameters<typeof ctx.client.v1.commitments.$get>[0]["query"]) =>
    (await okJson(await ctx.client.v1.commitments.$get({ query }))).data;

  it("lists the reference commitments with their sources, filterable by donor and category", async () => {
    const all = await list({});
    expect(all.length).toBeGreaterThan(0);
    for (const commitment of all) expect(commitment.sources.length).toBeGreaterThan(0);

    const eu = await list({ donor: "EU" });
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.every((c) => c.donor === "EU")).toBe(true);
    const funding = await list({ category: "funding" });
    expect(funding.every((c) => c.category.startsWith("funding"))).toBe(true);
    expect(await list({ donor: "EU", category: "drones" })).toEqual([]);
  });

  it("gives one commitment with its events; 404 and 400 in the error contract", async () => {
    const [first] = await list({});
    if (!first) throw new Error("no commitments");
    const { data } = await okJson(
      await ctx.client.v1.commitments[":id"].$get({ param: { id: first.id }, query: {} }),
    );
    expect(data.commitment).toEqual(first);
    expect(Array.isArray(data.events)).toBe(true);
    await expectError(await ctx.app.request("/v1/commitments/no-such-line"), 404);
    const bad = await expectError(await ctx.app.request("/v1/commitments?category=tanks"), 400);
    expect(bad.details?.[0]).toMatchObject({ location: "query", path: "category" });
  });
});
