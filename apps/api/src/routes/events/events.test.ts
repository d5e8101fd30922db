import { beforeAll, describe, expect, it } from "vitest";
import { etagOf, expectError, historyOf, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

const sources = [{ title: "Test fixture", kind: "research" }];
const line = {
  id: "test-air-defence-line",
  donor: "DE",
  title: "A test air-defence line",
  category: "air_defence",
  measure: { kind: "quantity", count: "4", unit: "systems", item: "IRIS-T SLM" },
  sources,
};
const event = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  commitment: line.id,
  stage: "delivered",
  date: "2024-05",
  measure: { kind: "quantity", count: "1", unit: "systems", item: "IRIS-T SLM" },
  confidence: "reported_by_donor",
  sources,
  ...overrides,
});

describe.each(testTargets())("events on $name", (target) => {
  const ctx = useApp(target);
  beforeAll(async () => {
    expect((await send(ctx.app, "POST", "/v1/commitments", line)).status).toBe(201);
    for (const [id, stage, date] of [
      ["test-pledge", "pledged", "2023-11-21"],
      ["test-delivery-1", "delivered", "2024-02"],
      ["test-delivery-2", "delivered", "2024-09-30"],
    ] as const) {
      expect((await send(ctx.app, "POST", "/v1/events", event({ id, stage, date }))).status).toBe(201);
    }
  });

  it("lists events by commitment, donor, stage and date, and gives one with its ETag", async () => {
    const list = async (query: Parameters<typeof ctx.client.v1.events.$get>[0]["query"]) =>
      (await okJson(await ctx.client.v1.events.$get({ query }))).data.map((e) => e.id);
    expect(await list({ commitment: line.id })).toEqual([
      "test-delivery-1",
      "test-delivery-2",
      "test-pledge",
    ]);
    expect(await list({ donor: "DE", category: "air_defence", stage: "delivered" })).toEqual([
      "test-delivery-1",
      "test-delivery-2",
    ]);
    // A partial date counts from its last day: "2024-02" is in a range that starts on 29 February.
    expect(await list({ commitment: line.id, from: "2024-02-29", to: "2024-09-30" })).toEqual([
      "test-delivery-1",
      "test-delivery-2",
    ]);
    expect(await list({ commitment: line.id, to: "2023-12-31" })).toEqual(["test-pledge"]);
    expect(await list({ donor: "FR" })).toEqual([]);
    const page = await okJson(
      await ctx.client.v1.events.$get({ query: { commitment: line.id, limit: "2" } }),
    );
    expect(page.page.next).toBe("test-delivery-2");

    const one = await ctx.client.v1.events[":id"].$get({ param: { id: "test-pledge" }, query: {} });
    expect(one.headers.get("etag")).toBe('"1"');
    expect((await okJson(one)).data).toMatchObject({ id: "test-pledge", stage: "pledged", version: 1 });
    await expectError(await ctx.app.request("/v1/events/no-such-event"), 404);
    const bad = await expectError(await ctx.app.request("/v1/events?from=2024-02-30"), 400);
    expect(bad.details?.[0]).toMatchObject({ location: "query", path: "from" });
    await expectError(await ctx.app.request("/v1/events?limit=201"), 400);
  });

  it("makes an id from the commitment and stage when none is given", async () => {
    const response = await send(
      ctx.app,
      "POST",
      "/v1/events",
      event({ stage: "allocated", date: "2024-01" }),
    );
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string } };
    expect(data.id).toMatch(/^test-air-defence-line-allocated-[a-z0-9]{8}$/);
  });

  it("requires If-Match on updates: 428 when missing, 412 when stale, and the record stays as it was", async () => {
    const path = "/v1/events/test-delivery-1";
    const change = { set: { note: "a late correction" }, reason: "testing preconditions" };
    const before = await ctx.changeSets();
    const missing = await expectError(await send(ctx.app, "PATCH", path, change), 428);
    expect(missing.details?.[0]).toMatchObject({ location: "header", path: "if-match" });
    await expectError(await send(ctx.app, "POST", `${path}/retract`, { reason: "testing" }), 428);

    // Through the typed client, as the web app would write.
    const updated = await ctx.client.v1.events[":id"].$patch(
      { param: { id: "test-delivery-1" }, header: { "if-match": '"1"' }, json: change },
      { headers: ctx.authorised },
    );
    expect(updated.headers.get("etag")).toBe('"2"');
    // The administrator corrects directly (200); a ministry's correction of a published record would be a proposal (202).
    if (updated.status !== 200)
      throw new Error(`expected 200, got ${updated.status}: ${await updated.text()}`);
    expect((await updated.json()).data.note).toBe("a late correction");
    const stale = await expectError(
      await send(
        ctx.app,
        "PATCH",
        path,
        { set: { note: "based on version 1" }, reason: "stale" },
        {
          "if-match": '"1"',
        },
      ),
      412,
    );
    expect(stale.message).toMatch(/version 2/);
    await expectError(
      await send(ctx.app, "POST", `${path}/retract`, { reason: "stale" }, { "if-match": '"1"' }),
      412,
    );
    const malformed = await expectError(await send(ctx.app, "PATCH", path, change, { "if-match": "*" }), 400);
    expect(malformed.details?.[0]).toMatchObject({ location: "header", path: "if-match" });

    expect(await ctx.changeSets()).toBe(before + 1);
    expect(await etagOf(ctx.app, path)).toBe('"2"');
    const { data } = await okJson(
      await ctx.client.v1.events[":id"].$get({ param: { id: "test-delivery-1" }, query: {} }),
    );
    expect(data.note).toBe("a late correction");
  });

  it("refuses an update that changes nothing, an id change and unknown fields, naming the field", async () => {
    const path = "/v1/events/test-pledge";
    const before = await ctx.changeSets();
    const patch = (body: unknown) => send(ctx.app, "PATCH", path, body, { "if-match": '"1"' });
    const same = await expectError(await patch({ set: { stage: "pledged" }, reason: "no change" }), 422);
    expect(same.details?.[0]?.path).toBe("set");
    const id = await expectError(await patch({ set: { id: "renamed" }, reason: "rename" }), 400);
    expect(id.details?.[0]).toMatchObject({ location: "json", path: "set.id" });
    const version = await expectError(await patch({ set: { version: 9 }, reason: "forge" }), 400);
    expect(version.details?.[0]?.path).toBe("set.version");
    const amount = await expectError(
      await patch({ set: { measure: { kind: "money", amount: "1.5e9", currency: "EUR" } }, reason: "typo" }),
      400,
    );
    expect(amount.details?.[0]).toMatchObject({ location: "json", path: "set.measure.amount" });
    const short = await expectError(await patch({ set: { note: "x" }, reason: "no" }), 400);
    expect(short.details?.[0]?.path).toBe("reason");
    const empty = await expectError(await patch({ set: {}, reason: "nothing at all" }), 400);
    expect(empty.details?.[0]?.path).toBe("set");
    expect(await ctx.changeSets()).toBe(before);
  });

  it("refuses a dangling commitment and a measure unlike the commitment's, writing nothing", async () => {
    const before = await ctx.changeSets();
    const dangling = await expectError(
      await send(ctx.app, "POST", "/v1/events", event({ commitment: "no-such-line" })),
      422,
    );
    expect(dangling.details?.[0]).toMatchObject({ location: "json", path: "commitment" });
    const unlike = await expectError(
      await send(
        ctx.app,
        "POST",
        "/v1/events",
        event({ measure: { kind: "money", amount: "1", currency: "EUR" } }),
      ),
      422,
    );
    expect(unlike.details?.[0]).toMatchObject({ location: "json", path: "measure" });
    const moved = await expectError(
      await send(
        ctx.app,
        "PATCH",
        "/v1/events/test-pledge",
        { set: { commitment: "no-such-line" }, reason: "move" },
        {
          "if-match": '"1"',
        },
      ),
      422,
    );
    expect(moved.details?.[0]).toMatchObject({ location: "json", path: "set.commitment" });
    expect(await ctx.changeSets()).toBe(before);
  });

  it("loses no update when 8 writers race 25 If-Match updates each on one record", async () => {
    const path = "/v1/events/test-delivery-2";
    const writers = 8;
    const attempts = 25;
    const startVersion = Number((await etagOf(ctx.app, path)).slice(1, -1));
    const outcomes = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const mine: { note: string; status: number; basedOn: number; version?: number }[] = [];
        for (let attempt = 0; attempt < attempts; attempt++) {
          const note = `writer ${writer}, attempt ${attempt}`;
          const etag = await etagOf(ctx.app, path);
          const response = await send(
            ctx.app,
            "PATCH",
            path,
            { set: { note }, reason: "racing" },
            {
              "if-match": etag,
            },
          );
          const body = (await response.json()) as { data?: { version: number } };
          mine.push({
            note,
            status: response.status,
            basedOn: Number(etag.slice(1, -1)),
            version: body.data?.version,
          });
        }
        return mine;
      }),
    );
    const all = outcomes.flat();
    const successes = all.filter((o) => o.status === 200);
    const conflicts = all.filter((o) => o.status === 412);
    expect(successes.length + conflicts.length).toBe(writers * attempts);
    expect(successes.length).toBeGreaterThan(0);
    // Each success made the version right after the one its writer read: none overwrote a change unseen.
    for (const success of successes) expect(success.version).toBe(success.basedOn + 1);
    expect(new Set(successes.map((s) => s.version)).size).toBe(successes.length);

    const history = await historyOf(ctx.app, path);
    expect(history.versions).toHaveLength(startVersion + successes.length);
    expect(history.versions.at(-1)?.version).toBe(startVersion + successes.length);
    const notes = history.versions.slice(startVersion).map((v) => v.record.note);
    expect([...notes].sort()).toEqual(successes.map((s) => s.note).sort());
    for (const success of successes) {
      expect(history.versions.find((v) => v.version === success.version)?.record.note).toBe(success.note);
    }
  });

  it("creates one record from 100 concurrent retries with one Idempotency-Key, all answered alike", async () => {
    const before = await ctx.changeSets();
    const body = event({ stage: "committed", date: "2023-12", reason: "retried creation" });
    const headers = { "idempotency-key": "test-retry-1" };
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => send(ctx.app, "POST", "/v1/events", body, headers)),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(texts).size).toBe(1);
    expect(new Set(responses.map((r) => r.headers.get("location"))).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotency-replayed") === "true")).toHaveLength(99);
    expect(await ctx.changeSets()).toBe(before + 1);
    const committed = await okJson(
      await ctx.client.v1.events.$get({ query: { commitment: line.id, stage: "committed" } }),
    );
    expect(committed.data).toHaveLength(1);

    // Later, with the keys in another order, still the same request: the same answer, byte for byte.
    const { reason, ...rest } = body;
    const later = await send(ctx.app, "POST", "/v1/events", { reason, ...rest }, headers);
    expect(later.status).toBe(201);
    expect(await later.text()).toBe(texts[0]);

    const reused = await expectError(
      await send(ctx.app, "POST", "/v1/events", { ...body, date: "2023-11" }, headers),
      422,
    );
    expect(reused.message).toBe("Idempotency-Key reused with a different body");
    expect(reused.details?.[0]).toMatchObject({ location: "header", path: "idempotency-key" });
    const tooLong = await expectError(
      await send(ctx.app, "POST", "/v1/events", body, { "idempotency-key": "k".repeat(201) }),
      400,
    );
    expect(tooLong.details?.[0]).toMatchObject({ location: "header", path: "idempotency-key" });
    expect(await ctx.changeSets()).toBe(before + 1);

    // A key belongs to one collection: the same key on another creates there.
    const party = await send(
      ctx.app,
      "POST",
      "/v1/parties",
      { id: "TEST_KEYED", kind: "organisation", name: "Keyed" },
      headers,
    );
    expect(party.status).toBe(201);
    expect(party.headers.get("idempotency-replayed")).toBeNull();

    // A key is kept for a day: older, it is forgotten, and a request with it creates anew.
    await ctx.database.db.execute(
      "update idempotency_keys set created_at = now() - interval '25 hours' where key = 'test-retry-1'",
    );
    const expired = await send(ctx.app, "POST", "/v1/events", { ...body, date: "2023-11" }, headers);
    expect(expired.status).toBe(201);
    expect(expired.headers.get("idempotency-replayed")).toBeNull();
    expect(await ctx.changeSets()).toBe(before + 3);
    const replayed = await send(ctx.app, "POST", "/v1/events", { ...body, date: "2023-11" }, headers);
    expect(replayed.headers.get("idempotency-replayed")).toBe("true");
    expect(await replayed.text()).toBe(await expired.clone().text());
  });

  it("reads a list as of a moment before a correction", async () => {
    const path = "/v1/events/test-pledge";
    const { data: before } = await okJson(
      await ctx.client.v1.events[":id"].$get({ param: { id: "test-pledge" }, query: {} }),
    );
    const corrected = await send(
      ctx.app,
      "PATCH",
      path,
      {
        set: { measure: { kind: "quantity", count: "2", unit: "systems", item: "IRIS-T SLM" } },
        reason: "the donor's second report",
      },
      { "if-match": `"${before.version}"` },
    );
    expect(corrected.status).toBe(200);
    const asOf = before.recordedAt;
    const then = await okJson(
      await ctx.client.v1.events.$get({ query: { commitment: line.id, stage: "pledged", asOf } }),
    );
    expect(then.data.map((e) => e.measure)).toEqual([before.measure]);
    const now = await okJson(
      await ctx.client.v1.events.$get({ query: { commitment: line.id, stage: "pledged" } }),
    );
    expect(now.data.map((e) => e.measure)).toEqual([
      { kind: "quantity", count: "2", unit: "systems", item: "IRIS-T SLM" },
    ]);
  });
});
