import { classify, tierOf } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { expectError, okJson, testTargets, useApp } from "../../lib/testing.ts";

describe.each(testTargets())("agreements on $name", (target) => {
  const ctx = useApp(target);
  const list = async (query: Parameters<typeof ctx.client.v1.agreements.$get>[0]["query"]) => {
    return (await okJson(await ctx.client.v1.agreements.$get({ query }))).data;
  };

  it("lists every reference agreement with its tier, classification and current status", async () => {
    const data = await list({});
    expect(data.length).toBeGreaterThan(15);
    for (const agreement of data) {
      expect(agreement.tier).toBe(tierOf(agreement.instrumentType));
      expect(agreement.classification).toEqual(classify(agreement.attributes));
      expect(agreement.sources.length).toBeGreaterThan(0);
    }
  });

  it("filters by tier, instrument type, party and framework", async () => {
    const hard = await list({ tier: "hard" });
    expect(hard.length).toBeGreaterThan(0);
    expect(hard.every((a) => a.tier === "hard")).toBe(true);

    const alliance = await list({ instrumentType: "alliance_obligation" });
    expect(alliance.length).toBeGreaterThan(0);
    expect(alliance.every((a) => a.instrumentType === "alliance_obligation")).toBe(true);

    const british = await list({ party: "GB" });
    expect(british.length).toBeGreaterThan(0);
    expect(british.every((a) => [...a.guarantors, ...a.beneficiaries].includes("GB"))).toBe(true);

    expect((await list({ framework: "g7-joint-declaration-2023" })).length).toBeGreaterThanOrEqual(5);
  });

  it("gives the UK agreement with the annex's provisions", async () => {
    const uk = (await list({ party: "GB", tier: "intermediate" })).find((a) => a.signed === "2024-01-12");
    if (!uk) throw new Error("no UK agreement of 12 January 2024");
    const { data } = await okJson(
      await ctx.client.v1.agreements[":id"].$get({ param: { id: uk.id }, query: {} }),
    );
    expect(data.provisions.map((p) => p.provision)).toContainEqual(
      expect.objectContaining({ kind: "consultation", deadlineHours: 24 }),
    );
    expect(data.provisions.map((p) => p.provision)).toContainEqual(
      expect.objectContaining({ kind: "mutual_defence", present: false }),
    );
    expect(data.durationYears).toBe(10);
  });

  it("answers 404 for an unknown agreement and 400 naming the field for a bad filter", async () => {
    const missing = await expectError(await ctx.app.request("/v1/agreements/no-such-agreement"), 404);
    expect(missing.message).toMatch(/no-such-agreement/);

    const badTier = await expectError(await ctx.app.request("/v1/agreements?tier=medium"), 400);
    expect(badTier.details).toContainEqual(expect.objectContaining({ location: "query", path: "tier" }));

    const typo = await expectError(await ctx.app.request("/v1/agreements?tire=hard"), 400);
    expect(typo.details?.[0]?.message).toMatch(/tire/);

    const badId = await expectError(await ctx.app.request("/v1/agreements/Not%20A%20Slug"), 400);
    expect(badId.details).toContainEqual(expect.objectContaining({ location: "param", path: "id" }));
  });
});
