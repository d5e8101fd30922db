import { describe, expect, it } from "vitest";
import { expectError, historyOf, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

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

describe.each(testTargets())("writing commitments on $name", (target) => {
  const ctx = useApp(target);
  const sources = [{ title: "Test fixture", kind: "research" }];
  const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });
  const line = {
    donor: "NL",
    title: "Budget support 2025–2026 (test)",
    category: "funding.budget_support",
    measure: eur("3000000000"),
    period: { start: "2025", end: "2026" },
    schedule: [
      { due: "2025", measure: eur("1500000000") },
      { due: "2026", measure: eur("1500000000"), note: "subject to appropriation" },
    ],
    sources,
  };

  it("creates a commitment and its schedule in one change set, with defaults filled in", async () => {
    const before = await ctx.changeSets();
    const response = await send(ctx.app, "POST", "/v1/commitments", line);
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as {
      data: {
        commitment: Record<string, unknown> & { id: string };
        schedule: { id: string; position: number }[];
      };
    };
    const id = data.commitment.id;
    expect(id).toMatch(/^budget-support-2025-2026-test-[a-z0-9]{8}$/);
    expect(data.commitment).toMatchObject({
      recipient: "UA",
      measureBasis: "total",
      conditions: [],
      synthetic: false,
    });
    expect(data.schedule.map((t) => [t.id, t.position])).toEqual([
      [`${id}-t1`, 0],
      [`${id}-t2`, 1],
    ]);
    expect(response.headers.get("location")).toBe(`/v1/commitments/${id}`);
    expect(await ctx.changeSets()).toBe(before + 1);
  });

  it("refuses a schedule measured unlike its commitment, and a change of measure under live tranches", async () => {
    const before = await ctx.changeSets();
    const unlike = await expectError(
      await send(ctx.app, "POST", "/v1/commitments", {
        ...line,
        schedule: [{ due: "2025", measure: { kind: "money", amount: "1", currency: "USD" } }],
      }),
      400,
    );
    expect(unlike.details?.[0]).toMatchObject({ location: "json", path: "schedule.0.measure" });
    const donor = await expectError(
      await send(ctx.app, "POST", "/v1/commitments", { ...line, donor: "ZZ" }),
      422,
    );
    expect(donor.details?.[0]).toMatchObject({ location: "json", path: "donor" });

    expect((await send(ctx.app, "POST", "/v1/commitments", { ...line, id: "test-nl-line" })).status).toBe(
      201,
    );
    const dollars = await expectError(
      await send(
        ctx.app,
        "PATCH",
        "/v1/commitments/test-nl-line",
        { set: { measure: { kind: "money", amount: "3300000000", currency: "USD" } }, reason: "in dollars" },
        { "if-match": '"1"' },
      ),
      422,
    );
    expect(dollars.details?.[0]).toMatchObject({ location: "json", path: "set.measure" });
    const period = await expectError(
      await send(
        ctx.app,
        "PATCH",
        "/v1/commitments/test-nl-line",
        { set: { period: { start: "2026", end: "2025" } }, reason: "typo" },
        { "if-match": '"1"' },
      ),
      400,
    );
    expect(period.details?.[0]).toMatchObject({ location: "json", path: "set.period.end" });
    expect(await ctx.changeSets()).toBe(before + 1);
  });

  it("answers a list as of a moment before a correction with the figure shown then", async () => {
    const { data: before } = await okJson(
      await ctx.client.v1.commitments[":id"].$get({ param: { id: "test-nl-line" }, query: {} }),
    );
    const corrected = await send(
      ctx.app,
      "PATCH",
      "/v1/commitments/test-nl-line",
      { set: { measure: eur("3200000000") }, reason: "the second announcement" },
      { "if-match": `"${before.commitment.version}"` },
    );
    expect(corrected.status).toBe(200);
    const asOf = before.commitment.recordedAt;
    const then = await okJson(await ctx.client.v1.commitments.$get({ query: { donor: "NL", asOf } }));
    expect(then.data.find((c) => c.id === "test-nl-line")?.measure).toEqual(eur("3000000000"));
    const now = await okJson(await ctx.client.v1.commitments.$get({ query: { donor: "NL" } }));
    expect(now.data.find((c) => c.id === "test-nl-line")?.measure).toEqual(eur("3200000000"));
    const history = await historyOf(ctx.app, "/v1/commitments/test-nl-line");
    expect(history.fields.measure?.map((f) => f.value)).toEqual([eur("3000000000"), eur("3200000000")]);
  });
});
