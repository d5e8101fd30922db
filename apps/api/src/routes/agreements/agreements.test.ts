import { classify, tierOf } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { expectError, testTargets, useApp } from "../../lib/testing.ts";

describe.each(testTargets())("agreements on $name", (target) => {
  const ctx = useApp(target);

  it("lists every reference agreement with its tier, classification and current status", async () => {
    const res = await ctx.app.request("/v1/agreements");
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.length).toBeGreaterThan(15);
    for (const agreement of data) {
      expect(agreement.tier).toBe(tierOf(agreement.instrumentType));
      expect(agreement.classification).toEqual(classify(agreement.attributes));
      expect(agreement.sources.length).toBeGreaterThan(0);
    }
  });

  it("filters by tier, instrument type, party and framework", async () => {
    const hard = (await (await ctx.app.request("/v1/agreements?tier=hard")).json()).data;
    expect(hard.length).toBeGreaterThan(0);
    expect(hard.every((a: { tier: string }) => a.tier === "hard")).toBe(true);

    const alliance = (
      await (await ctx.app.request("/v1/agreements?instrumentType=alliance_obligation")).json()
    ).data;
    expect(alliance.length).toBeGreaterThan(0);
    expect(
      alliance.every((a: { instrumentType: string }) => a.instrumentType === "alliance_obligation"),
    ).toBe(true);

    const british = (await (await ctx.app.request("/v1/agreements?party=GB")).json()).data;
    expect(
      british.every((a: { guarantors: string[]; beneficiaries: string[] }) =>
        [...a.guarantors, ...a.beneficiaries].includes("GB"),
      ),
    ).toBe(true);
    expect(british.length).toBeGreaterThan(0);

    const underG7 = (
      await (await ctx.app.request("/v1/agreements?framework=g7-joint-declaration-2023")).json()
    ).data;
    expect(underG7.length).toBeGreaterThanOrEqual(5);
  });

  it("gives the UK agreement with the annex's provisions", async () => {
    const list = (await (await ctx.app.request("/v1/agreements?party=GB&tier=intermediate")).json()).data;
    const uk = list.find((a: { signed?: string }) => a.signed === "2024-01-12");
    expect(uk).toBeDefined();
    const res = await ctx.app.request(`/v1/agreements/${uk.id}`);
    const { data } = await res.json();
    expect(data.provisions).toContainEqual(
      expect.objectContaining({ kind: "consultation", deadlineHours: 24 }),
    );
    expect(data.provisions).toContainEqual(
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
