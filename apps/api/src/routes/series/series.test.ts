import {
  commitmentEntity,
  createRecords,
  eventEntity,
  loadRates,
  replaceRecord,
  withChangeSet,
} from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, expectError, okJson, send, testTargets, useApp } from "../../../test/testing.ts";

const sources = [{ title: "Test fixture, not a real figure", kind: "research" as const }];
const commitment = (id: string, donor: string, category: "humanitarian" | "drones", measure: object) => ({
  id,
  donor,
  recipient: "UA",
  title: `Test line ${id}`,
  category,
  measure,
  measureBasis: "total" as const,
  conditions: [],
  sources,
  synthetic: true,
});
const money = (amount: string, currency: string) => ({ kind: "money" as const, amount, currency });
const drones = (count: string) => ({
  kind: "quantity" as const,
  count,
  unit: "systems" as const,
  item: "Test drone",
});
const event = (
  id: string,
  line: string,
  stage: "committed" | "delivered",
  date: string,
  measure: object,
) => ({
  id,
  commitment: line,
  stage,
  date,
  measure,
  confidence: "reported_by_donor" as const,
  sources,
  synthetic: true,
});
const counts = (synthetic: number, estimated: number, disputed: number) => ({
  synthetic,
  estimated,
  disputed,
});
/** Point flags with only synthetic figures: every fixture here is synthetic, none estimated or disputed. */
const syntheticOnly = (promised: number, delivered: number) => ({
  promised: counts(promised, 0, 0),
  delivered: counts(delivered, 0, 0),
});
const usdEvent = event(
  "test-series-usd-1",
  "test-series-usd",
  "committed",
  "2024-03-15",
  money("110", "USD"),
);

describe.each(testTargets())("series on $name", (target) => {
  const ctx = useApp(target);
  beforeAll(async () => {
    const db = ctx.database.db;
    // TEST rates, not ECB reference rates.
    await loadRates(
      db,
      [
        { date: "2024-03-15", currency: "USD", perEur: "1.1" },
        { date: "2024-06-28", currency: "USD", perEur: "1.25" },
      ],
      "test",
    );
    await withChangeSet(db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(tx, cs, commitmentEntity, [
        commitment("test-series-usd", "US", "humanitarian", money("1000", "USD")),
        commitment("test-series-eur", "SE", "humanitarian", money("1000", "EUR")),
        commitment("test-series-drones", "SE", "drones", drones("100")),
      ] as never);
      await createRecords(tx, cs, eventEntity, [
        usdEvent,
        event("test-series-eur-1", "test-series-eur", "delivered", "2024-05-02", money("40", "EUR")),
        event("test-series-drones-1", "test-series-drones", "delivered", "2024-04", drones("12")),
      ] as never);
    });
  });
  const series = async (query: Record<string, string>) => okJson(await ctx.client.v1.series.$get({ query }));

  it("compares several donors in one series (donor=SE,US), and names the field when one is malformed", async () => {
    const { data } = await series({ groupBy: "donor", donor: "SE,US" });
    expect(data.groups.map((g) => g.key).sort()).toEqual(["SE", "US"]);
    const one = await series({ groupBy: "donor", donor: "SE" });
    expect(one.data.groups.map((g) => g.key)).toEqual(["SE"]);
    const error = await expectError(await ctx.app.request("/v1/series?donor=SE,us"), 400);
    expect(error.details?.[0]?.path).toBe("donor");
  });

  it("answers promised against delivered in EUR at each event's date, stating the conversion", async () => {
    const { data, meta } = await series({ interval: "quarter" });
    expect(data).toMatchObject({
      measure: "money",
      currency: "EUR",
      unit: null,
      groupBy: "all",
      interval: "quarter",
    });
    expect(data.groups).toEqual([
      {
        key: "all",
        label: "All commitments",
        sources: ["tracker"],
        reported: { promised: true, delivered: true },
        points: [
          {
            period: "2024-Q1",
            promised: "100.00",
            delivered: "0.00",
            cumulativePromised: "100.00",
            cumulativeDelivered: "0.00",
            flags: syntheticOnly(1, 0),
          },
          {
            period: "2024-Q2",
            promised: "0.00",
            delivered: "40.00",
            cumulativePromised: "100.00",
            cumulativeDelivered: "40.00",
            flags: syntheticOnly(0, 1),
          },
        ],
      },
    ]);
    expect(data.conversion).toMatchObject({
      currency: "EUR",
      convention: "event_date",
      rateSource: `the tracker's exchange-rate table, dataset version ${meta.datasetVersion}`,
      unconverted: [],
    });
    expect(data.original).toEqual([
      { currency: "EUR", promised: "0", delivered: "40" },
      { currency: "USD", promised: "110", delivered: "0" },
    ]);
  });

  it("gives a point flags only where one of its period's events is flagged", async () => {
    const { data } = await series({ interval: "month" });
    const points = data.groups[0]?.points ?? [];
    // March to May 2024: a promise in March, a delivery in May, nothing in April.
    expect(points.map((p) => [p.period, "flags" in p])).toEqual([
      ["2024-03", true],
      ["2024-04", false],
      ["2024-05", true],
    ]);
  });

  it("converts at one fixed date on request, and keeps original currencies apart on request", async () => {
    const fixed = await series({
      convention: "fixed_date",
      rateDate: "2024-06-30",
      currency: "USD",
      interval: "year",
    });
    expect(fixed.data.conversion).toMatchObject({
      convention: "fixed_date",
      rateDate: "2024-06-30",
      rates: [{ currency: "USD", perEur: "1.25", date: "2024-06-28" }],
    });
    // 110 USD as it is; 40 EUR × 1.25.
    expect(fixed.data.groups[0]?.points).toEqual([
      {
        period: "2024",
        promised: "110.00",
        delivered: "50.00",
        cumulativePromised: "110.00",
        cumulativeDelivered: "50.00",
        flags: syntheticOnly(1, 1),
      },
    ]);
    const original = await series({ currency: "original", groupBy: "donor", interval: "year" });
    expect(original.data.conversion).toBeNull();
    expect(
      original.data.groups.map((g) => [g.key, g.currency, g.points[0]?.promised, g.points[0]?.delivered]),
    ).toEqual([
      ["SE", "EUR", "0", "40"],
      ["US", "USD", "110", "0"],
    ]);
  });

  it("counts quantities per unit, never converted", async () => {
    const { data } = await series({ measure: "quantity", groupBy: "category", interval: "year" });
    expect(data).toMatchObject({ measure: "quantity", currency: null, conversion: null, original: [] });
    expect(data.groups).toEqual([
      {
        key: "drones",
        label: "Drones",
        unit: "systems",
        sources: ["tracker"],
        reported: { promised: true, delivered: true },
        points: [expect.objectContaining({ period: "2024", delivered: "12" })],
      },
    ]);
    expect((await series({ unit: "systems", interval: "year" })).data.unit).toBe("systems");
  });

  it("reads a series as of a moment before a correction", async () => {
    const before = await series({ interval: "year" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, (tx, cs) =>
      replaceRecord(tx, cs, eventEntity, usdEvent.id, 1, {
        ...usdEvent,
        measure: money("220", "USD"),
      } as never),
    );
    expect((await series({ interval: "year" })).data.groups[0]?.points[0]?.promised).toBe("200.00");
    const then = await series({ interval: "year", asOf: before.meta.asOf });
    expect(then.data).toEqual(before.data);
    expect(then.meta.datasetVersion).toBe(before.meta.datasetVersion);
  });

  it("marks each period's synthetic, estimated and disputed figures, with disputes as they stood asOf", async () => {
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, (tx, cs) =>
      createRecords(tx, cs, eventEntity, [
        {
          ...event("test-series-estimate", "test-series-eur", "delivered", "2025-02-10", money("10", "EUR")),
          confidence: "estimated",
        },
      ] as never),
    );
    const flags = async (asOf?: string) =>
      (await series({ interval: "quarter", from: "2025-01", to: "2025-03", ...(asOf ? { asOf } : {}) })).data
        .groups[0]?.points[0]?.flags;
    const undisputed = { promised: counts(0, 0, 0), delivered: counts(1, 1, 0) };
    expect(await flags()).toEqual(undisputed);
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));

    // An NGO disputes the commitment: its events in the period count as disputed until the dispute is closed.
    const analyst = await createTestAccount(ctx.database.db, {
      kind: "ngo",
      name: "Series NGO",
      roles: ["ngo_analyst"],
    });
    const opened = await send(
      ctx.app,
      "POST",
      "/v1/disputes",
      {
        target: { kind: "commitment", id: "test-series-eur" },
        statement: "Our count puts these deliveries lower.",
        sources: [{ title: "Series NGO count", kind: "research" }],
      },
      analyst.headers,
    );
    expect(opened.status, await opened.clone().text()).toBe(201);
    const disputed = { promised: counts(0, 0, 0), delivered: counts(1, 1, 1) };
    expect(await flags()).toEqual(disputed);
    expect(await flags(before)).toEqual(undisputed);

    const { data: dispute } = (await opened.json()) as { data: { id: string } };
    const resolved = await ctx.app.request(`/v1/disputes/${dispute.id}/resolve`, {
      method: "POST",
      headers: { ...ctx.authorised, "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify({ outcome: "rejected", resolution: "The donor's figure stands." }),
    });
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    expect(await flags()).toEqual(undisputed);
  });

  it("refuses bad parameters, naming the field", async () => {
    const field = async (query: string) =>
      (await expectError(await ctx.app.request(`/v1/series?${query}`), 400)).details?.[0]?.path;
    expect(await field("groupBy=weather")).toBe("groupBy");
    expect(await field("interval=week")).toBe("interval");
    expect(await field("convention=fixed_date")).toBe("rateDate");
    expect(await field("rateDate=2024-01-01")).toBe("rateDate");
    expect(await field("unit=systems&currency=USD")).toBe("currency");
    expect(await field("measure=money&unit=systems")).toBe("unit");
    expect(await field("currency=original&convention=fixed_date&rateDate=2024-01-01")).toBe("convention");
    expect(await field("from=2024-05&to=2024-02")).toBe("to");
    expect(await field("from=2024-13")).toBe("from");
    expect(await field("from=0001")).toBe("from");
    expect(await field("tier=medium")).toBe("tier");
    expect(await field("colour=red")).toBe("colour");
  });
});
