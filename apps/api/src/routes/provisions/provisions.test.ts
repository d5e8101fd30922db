import { describe, expect, it } from "vitest";
import { expectError, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

describe.each(testTargets())("provisions on $name", (target) => {
  const ctx = useApp(target);
  const list = async (query: Parameters<typeof ctx.client.v1.provisions.$get>[0]["query"]) =>
    (await okJson(await ctx.client.v1.provisions.$get({ query }))).data;

  it("lists provisions by agreement and kind, and gives one with its ETag", async () => {
    const uk = await list({ agreement: "uk-ukraine-security-cooperation-2024" });
    expect(uk.length).toBeGreaterThan(3);
    expect(uk.every((p) => p.agreement === "uk-ukraine-security-cooperation-2024")).toBe(true);
    const consultations = await list({ kind: "consultation", limit: "200" });
    expect(consultations.length).toBeGreaterThan(0);
    expect(consultations.every((p) => p.provision.kind === "consultation")).toBe(true);

    const [first] = uk;
    if (!first) throw new Error("no provisions");
    const one = await ctx.client.v1.provisions[":id"].$get({ param: { id: first.id }, query: {} });
    expect(one.headers.get("etag")).toBe(`"${first.version}"`);
    expect((await okJson(one)).data).toEqual(first);
    await expectError(await ctx.app.request("/v1/provisions/no-such-provision"), 404);
    const bad = await expectError(await ctx.app.request("/v1/provisions?kind=secret_clause"), 400);
    expect(bad.details?.[0]).toMatchObject({ location: "query", path: "kind" });
  });

  it("adds a provision to an agreement and corrects its terms, checked against the provision's kind", async () => {
    const agreement = "uk-ukraine-security-cooperation-2024";
    const sources = [{ title: "Test fixture", kind: "research" }];
    const created = await send(ctx.app, "POST", "/v1/provisions", {
      agreement,
      position: 20,
      provision: {
        kind: "intelligence_cyber",
        intelligence: true,
        cyber: true,
        text: "Share intelligence.",
        sources,
      },
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    expect(data.id).toMatch(/^uk-ukraine-security-cooperation-2024-intelligence-cyber-[a-z0-9]{8}$/);
    expect((await list({ agreement })).map((p) => p.id)).toContain(data.id);

    const before = await ctx.changeSets();
    const wrongTerms = await expectError(
      await send(
        ctx.app,
        "PATCH",
        `/v1/provisions/${data.id}`,
        { set: { provision: { kind: "intelligence_cyber", intelligence: "yes" } }, reason: "typo" },
        { "if-match": '"1"' },
      ),
      400,
    );
    expect(wrongTerms.details?.map((d) => d.path)).toContain("set.provision.intelligence");
    const orphan = await expectError(
      await send(
        ctx.app,
        "PATCH",
        `/v1/provisions/${data.id}`,
        { set: { agreement: "no-such-agreement" }, reason: "move" },
        { "if-match": '"1"' },
      ),
      422,
    );
    expect(orphan.details?.[0]).toMatchObject({ location: "json", path: "set.agreement" });
    expect(await ctx.changeSets()).toBe(before);
  });
});
