import { describe, expect, it } from "vitest";
import { etagOf, expectError, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

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

describe.each(testTargets())("writing parties on $name", (target) => {
  const ctx = useApp(target);
  const party = { id: "TEST_COALITION", kind: "organisation", name: "A test coalition" };

  it("refuses writes without a token (401) and with an unknown one (401), writing nothing", async () => {
    const before = await ctx.changeSets();
    const bare = await ctx.app.request("/v1/parties", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(party),
    });
    const unauthorised = await expectError(bare, 401);
    expect(unauthorised.details?.[0]).toMatchObject({ location: "header", path: "authorization" });
    expect(bare.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(
      await send(ctx.app, "POST", "/v1/parties", party, { authorization: "Basic dXNlcjpwYXNz" }),
      401,
    );
    await expectError(
      await send(ctx.app, "POST", "/v1/parties", party, { authorization: "Bearer wrong-token" }),
      401,
    );
    await expectError(
      await send(
        ctx.app,
        "PATCH",
        "/v1/parties/UA",
        { set: { name: "Renamed" }, reason: "not allowed" },
        {
          authorization: "Bearer wrong-token",
          "if-match": '"1"',
        },
      ),
      401,
    );
    await expectError(
      await send(
        ctx.app,
        "POST",
        "/v1/parties/UA/retract",
        { reason: "not allowed" },
        {
          authorization: "",
          "if-match": '"1"',
        },
      ),
      401,
    );
    expect(await ctx.changeSets()).toBe(before);
    await expectError(await ctx.app.request("/v1/parties/TEST_COALITION"), 404);
    // Reads stay public.
    expect((await ctx.app.request("/v1/parties/UA/history")).status).toBe(200);
  });

  it("creates a party with the id given, validated by the core schema", async () => {
    const before = await ctx.changeSets();
    const country = await expectError(
      await send(ctx.app, "POST", "/v1/parties", { ...party, id: "FR" }),
      400,
    );
    expect(country.details?.[0]).toMatchObject({ location: "json", path: "id" });
    const noId = await expectError(
      await send(ctx.app, "POST", "/v1/parties", { kind: "organisation", name: "x" }),
      400,
    );
    expect(noId.details?.[0]).toMatchObject({ location: "json", path: "id" });
    const member = await expectError(
      await send(ctx.app, "POST", "/v1/parties", { ...party, members: ["GB", "NOWHERE"] }),
      422,
    );
    expect(member.details?.[0]).toMatchObject({ location: "json", path: "members.1" });
    expect(await ctx.changeSets()).toBe(before);

    const created = await send(ctx.app, "POST", "/v1/parties", party);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v1/parties/TEST_COALITION");
    const again = await expectError(await send(ctx.app, "POST", "/v1/parties", party), 409);
    expect(again.details?.[0]).toMatchObject({ location: "json", path: "id" });
    expect(await ctx.changeSets()).toBe(before + 1);
  });

  it("refuses text PostgreSQL cannot store, naming the field, rather than failing or mangling it", async () => {
    const before = await ctx.changeSets();
    const nul = await expectError(
      await send(ctx.app, "POST", "/v1/parties", { ...party, name: "a\u0000b" }),
      400,
    );
    expect(nul.details?.[0]).toMatchObject({ location: "json", path: "name" });
    const surrogate = await expectError(
      await send(
        ctx.app,
        "PATCH",
        "/v1/parties/UA",
        { set: { members: ["GB"], nameUk: "\ud800" }, reason: "x\u0000y" },
        {
          "if-match": '"1"',
        },
      ),
      400,
    );
    expect(surrogate.details?.[0]).toMatchObject({ location: "json", path: "set.nameUk" });
    const cursor = await expectError(await ctx.app.request("/v1/parties?cursor=%00"), 400);
    expect(cursor.details?.[0]).toMatchObject({ location: "query", path: "cursor" });
    expect(await ctx.changeSets()).toBe(before);
  });

  it("removes an optional field with null, and checks the merged record", async () => {
    const path = "/v1/parties/TEST_COALITION";
    const added = await send(
      ctx.app,
      "PATCH",
      path,
      { set: { nameUk: "Тестова коаліція" }, reason: "add the name" },
      {
        "if-match": '"1"',
      },
    );
    expect(added.status).toBe(200);
    const removed = await send(
      ctx.app,
      "PATCH",
      path,
      { set: { nameUk: null }, reason: "name unsourced" },
      {
        "if-match": '"2"',
      },
    );
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { data: object }).data).not.toHaveProperty("nameUk");
    const required = await expectError(
      await send(
        ctx.app,
        "PATCH",
        path,
        { set: { name: null }, reason: "drop the name" },
        { "if-match": '"3"' },
      ),
      400,
    );
    expect(required.details?.[0]).toMatchObject({ location: "json", path: "set.name" });
    // Valid field by field, invalid as a whole: a state must have an ISO code for its id.
    const kind = await expectError(
      await send(
        ctx.app,
        "PATCH",
        path,
        { set: { kind: "state" }, reason: "reclassify" },
        { "if-match": '"3"' },
      ),
      400,
    );
    expect(kind.details?.[0]).toMatchObject({ location: "json", path: "set.id" });
    expect(await etagOf(ctx.app, path)).toBe('"3"');
  });
});
