import { describe, expect, it } from "vitest";
import { expectError, testTargets, useApp } from "../../lib/testing.ts";

describe.each(testTargets())("commitments on $name", (target) => {
  const ctx = useApp(target);

  it("lists the reference commitments with their sources, filterable by donor and category", async () => {
    const all = (await (await ctx.app.request("/v1/commitments")).json()).data;
    expect(all.length).toBeGreaterThan(0);
    for (const commitment of all) expect(commitment.sources.length).toBeGreaterThan(0);

    const eu = (await (await ctx.app.request("/v1/commitments?donor=EU")).json()).data;
    expect(eu.every((c: { donor: string }) => c.donor === "EU")).toBe(true);
    const funding = (await (await ctx.app.request("/v1/commitments?category=funding")).json()).data;
    expect(funding.every((c: { category: string }) => c.category.startsWith("funding"))).toBe(true);
    const none = (await (await ctx.app.request("/v1/commitments?donor=EU&category=drones")).json()).data;
    expect(none).toEqual([]);
  });

  it("gives one commitment with its events; 404 and 400 in the error contract", async () => {
    const [first] = (await (await ctx.app.request("/v1/commitments")).json()).data;
    const { data } = await (await ctx.app.request(`/v1/commitments/${first.id}`)).json();
    expect(data.commitment).toEqual(first);
    expect(Array.isArray(data.events)).toBe(true);
    await expectError(await ctx.app.request("/v1/commitments/no-such-line"), 404);
    const bad = await expectError(await ctx.app.request("/v1/commitments?category=tanks"), 400);
    expect(bad.details?.[0]).toMatchObject({ location: "query", path: "category" });
  });
});
