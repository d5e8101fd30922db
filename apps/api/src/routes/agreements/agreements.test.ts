import { classify, tierOf } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { expectError, historyOf, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

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

  it("carries each agreement's Ukrainian title and short title, in the list and in the detail", async () => {
    const data = await list({});
    for (const agreement of data) {
      expect(agreement.titleUk).toMatch(/\p{Script=Cyrillic}/u);
      expect(agreement.shortTitleUk).toBeTruthy();
    }
    const { data: uk } = await okJson(
      await ctx.client.v1.agreements[":id"].$get({
        param: { id: "uk-ukraine-security-cooperation-2024" },
        query: {},
      }),
    );
    expect(uk.titleUk).toBe(
      "Угода про співробітництво у сфері безпеки між Україною та Сполученим Королівством Великої Британії і Північної Ірландії",
    );
    expect(uk.shortTitleUk).toBe("Велика Британія — Україна 2024");
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

describe.each(testTargets())("writing agreements on $name", (target) => {
  const ctx = useApp(target);
  const sources = [{ title: "Test fixture", kind: "research" }];
  const accord = {
    title: "Accord de coopération en matière de sécurité (test)",
    shortTitle: "Accord de coopération",
    guarantors: ["FR"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: { form: "political_agreement", cooperationAreas: ["training"], mutualDefenceClause: false },
    statusHistory: [{ status: "signed", date: "2024-02-16", sources }],
    sources,
  };
  const provisions = [
    {
      kind: "consultation",
      deadlineHours: 24,
      trigger: "an armed attack",
      text: "Consult within 24 hours.",
      sources,
    },
    { kind: "mutual_defence", present: false, text: "No mutual defence clause.", sources },
  ];

  it("creates an agreement and its provisions in one change set, making the ids", async () => {
    const before = await ctx.changeSets();
    const response = await send(ctx.app, "POST", "/v1/agreements", { ...accord, provisions });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; provisions: { id: string }[] } };
    expect(data.id).toMatch(/^accord-de-cooperation-[a-z0-9]{8}$/);
    expect(data.provisions.map((p) => p.id)).toEqual([`${data.id}-p1`, `${data.id}-p2`]);
    expect(data).toMatchObject({ tier: "intermediate", currentStatus: "signed" });
    expect(await ctx.changeSets()).toBe(before + 1);
    const { data: read } = await okJson(
      await ctx.client.v1.agreements[":id"].$get({ param: { id: data.id }, query: {} }),
    );
    expect(read.provisions.map((p) => p.provision)).toEqual(provisions);
    expect(read).not.toHaveProperty("titleUk");
  });

  it("keeps a Ukrainian title given with a new agreement, and adds one by a correction", async () => {
    const read = async (id: string) =>
      (await okJson(await ctx.client.v1.agreements[":id"].$get({ param: { id }, query: {} }))).data;
    const titled = { ...accord, titleUk: "Угода про співпрацю (тест)", shortTitleUk: "Угода (тест)" };
    const created = await send(ctx.app, "POST", "/v1/agreements", titled);
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    expect(await read(data.id)).toMatchObject({
      titleUk: "Угода про співпрацю (тест)",
      shortTitleUk: "Угода (тест)",
    });

    expect(
      (await send(ctx.app, "POST", "/v1/agreements", { ...accord, id: "test-untitled-uk" })).status,
    ).toBe(201);
    const corrected = await send(
      ctx.app,
      "PATCH",
      "/v1/agreements/test-untitled-uk",
      { set: { shortTitleUk: "Угода про співпрацю" }, reason: "the Ukrainian short title" },
      { "if-match": '"1"' },
    );
    expect(corrected.status).toBe(200);
    const after = await read("test-untitled-uk");
    expect(after).toMatchObject({ shortTitleUk: "Угода про співпрацю", version: 2 });
    expect(after).not.toHaveProperty("titleUk");

    const before = await ctx.changeSets();
    const tooLong = await expectError(
      await send(ctx.app, "POST", "/v1/agreements", { ...accord, shortTitleUk: "я".repeat(121) }),
      400,
    );
    expect(tooLong.details?.[0]).toMatchObject({ location: "json", path: "shortTitleUk" });
    expect(await ctx.changeSets()).toBe(before);
  });

  it("names the field at fault and writes nothing, whether the schema or the ledger refuses", async () => {
    const before = await ctx.changeSets();
    const post = (body: unknown) => send(ctx.app, "POST", "/v1/agreements", body);
    const guarantor = await expectError(await post({ ...accord, guarantors: ["FR", "ZZ"] }), 422);
    expect(guarantor.details?.[0]).toMatchObject({ location: "json", path: "guarantors.1" });
    const order = await expectError(
      await post({
        ...accord,
        statusHistory: [...accord.statusHistory, { status: "proposed", date: "2023", sources }],
      }),
      400,
    );
    expect(order.details?.[0]).toMatchObject({ location: "json", path: "statusHistory.1.date" });
    const provision = await expectError(
      await post({ ...accord, provisions: [{ ...provisions[0], deadlineHours: -1 }] }),
      400,
    );
    expect(provision.details?.[0]).toMatchObject({ location: "json", path: "provisions.0.deadlineHours" });
    const extra = await expectError(await post({ ...accord, version: 7, retracted: false }), 400);
    expect(extra.details?.map((d) => d.path)).toEqual(["version", "retracted"]);
    const long = await expectError(await post({ ...accord, id: "a".repeat(118), provisions }), 400);
    expect(long.details?.[0]).toMatchObject({ location: "json", path: "id" });
    const text = await ctx.app.request("/v1/agreements", {
      method: "POST",
      headers: { ...ctx.authorised, "content-type": "text/plain" },
      body: JSON.stringify(accord),
    });
    await expectError(text, 415);
    const broken = await ctx.app.request("/v1/agreements", {
      method: "POST",
      headers: { ...ctx.authorised, "content-type": "application/json" },
      body: "{ not json",
    });
    await expectError(broken, 400);
    expect(await ctx.changeSets()).toBe(before);
  });

  it("corrects the agreement's fields; its provisions are corrected as records of their own", async () => {
    const created = await send(ctx.app, "POST", "/v1/agreements", { ...accord, id: "test-corrected-accord" });
    expect(created.status).toBe(201);
    const path = "/v1/agreements/test-corrected-accord";
    const provisionsToo = await expectError(
      await send(
        ctx.app,
        "PATCH",
        path,
        { set: { provisions }, reason: "add provisions" },
        { "if-match": '"1"' },
      ),
      400,
    );
    expect(provisionsToo.details?.[0]).toMatchObject({ location: "json", path: "set.provisions" });
    const self = await expectError(
      await send(
        ctx.app,
        "PATCH",
        path,
        { set: { framework: "test-corrected-accord" }, reason: "loop" },
        {
          "if-match": '"1"',
        },
      ),
      400,
    );
    expect(self.details?.[0]).toMatchObject({ location: "json", path: "set.framework" });
    const corrected = await send(
      ctx.app,
      "PATCH",
      path,
      { set: { signed: "2024-02-16", durationYears: 10 }, reason: "from the published text" },
      { "if-match": '"1"' },
    );
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("etag")).toBe('"2"');
    const history = await historyOf(ctx.app, path);
    expect(history.fields.durationYears).toEqual([expect.objectContaining({ value: 10, version: 2 })]);
    expect(history.fields.title?.map((f) => f.version)).toEqual([1]);
  });
});
