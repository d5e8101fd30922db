import { commitmentEntity, createRecords, eventEntity, withChangeSet } from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError, send, testTargets, useApp } from "../../../test/testing.ts";
import { createApp } from "../../app.ts";
import { createChartDrawing } from "../../lib/drawing/drawing.ts";

/*
 * Finding 3 of the probe of the running tracker: ten anonymous heavy PNG charts were answered one by one, each drawn
 * on the event loop, while /health stalled behind them; the anonymous limit let anyone keep that up. Charts are now
 * drawn on a pool of threads with a bounded queue (503 with Retry-After past it) and kept by dataset version, so a
 * chart costs its first requester only. Shown by order and concurrency, not by time: while the pool reports ten
 * charts in hand, one drawing and nine waiting, /health answers, again and again, and not one chart has.
 */

// Test fixtures, not real figures.
const sources = [{ title: "Chart load test fixture, not a real figure", kind: "research" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
const donors = ["DK", "NL"];
/**
 * Every quarter from 1900 to 2199 for two donors, 2,400 points, drawn and rasterised: heavy enough to be seen in
 * the pool's hands, light enough for the test's time. `width` tells ten charts apart.
 */
const heavy = (width: number) =>
  `/v1/charts/series.png?groupBy=donor&interval=quarter&width=${width}&height=800&chart=cumulative`;

/** Waits until `ready()` holds; the test's own timeout guards against a hang. */
async function until(ready: () => boolean) {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each(testTargets())("charts under load on $name", (target) => {
  const charts = createChartDrawing({ workers: 1, queue: 16 });
  const ctx = useApp(target, { charts });
  beforeAll(async () => {
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(
        tx,
        cs,
        commitmentEntity,
        donors.map((donor) => ({
          id: `load-${donor.toLowerCase()}`,
          donor,
          recipient: "UA",
          title: `Chart load test line ${donor}`,
          category: "drones",
          measure: eur("1000000"),
          measureBasis: "total",
          conditions: [],
          sources,
          synthetic: true,
        })) as never,
      );
      await createRecords(
        tx,
        cs,
        eventEntity,
        donors.flatMap((donor) =>
          (
            [
              ["committed", "1900-01-15"],
              ["delivered", "2199-12-15"],
            ] as const
          ).map(([stage, date]) => ({
            id: `load-${donor.toLowerCase()}-${stage}`,
            commitment: `load-${donor.toLowerCase()}`,
            stage,
            date,
            measure: eur("1000"),
            confidence: "reported_by_donor",
            sources,
            synthetic: true,
          })),
        ) as never,
      );
    });
  });

  it("answers /health while ten heavy charts are drawn, none of them answered yet", async () => {
    const before = charts.pool.stats().drawn;
    let answered = 0;
    const requests = Array.from({ length: 10 }, (_, i) =>
      Promise.resolve(ctx.app.request(heavy(1200 - i * 20))).then((response) => {
        answered++;
        return response;
      }),
    );
    // All ten in the pool's hands: one being drawn on its thread, nine waiting.
    await until(() => {
      const { drawing, waiting } = charts.pool.stats();
      return drawing === 1 && waiting === 9;
    });
    for (let i = 0; i < 5; i++) {
      const health = await ctx.app.request("/health");
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      expect(charts.pool.stats()).toMatchObject({ drawing: 1, drawn: before });
      expect(answered).toBe(0);
    }
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.headers.get("etag"))).size).toBe(10);
    expect(charts.pool.stats().drawn).toBe(before + 10);
  });

  it("refuses a chart past the queue with 503 and Retry-After, in the error contract", async () => {
    const small = createChartDrawing({ workers: 1, queue: 1 });
    // Another app on the same store, with a pool of one thread and a queue of one.
    const app = createApp({ db: ctx.database.db, charts: small });
    const first = Promise.resolve(app.request(heavy(1000)));
    const second = Promise.resolve(app.request(heavy(1010)));
    await until(() => small.pool.full());
    const refused = await app.request(heavy(1020));
    expect(refused.headers.get("retry-after")).toBe("5");
    const error = await expectError(refused, 503);
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    // Room again: the same chart is drawn.
    expect((await app.request(heavy(1020))).status).toBe(200);
    await small.pool.close();
  });

  it("draws a chart once for all who ask, and never serves an older one after a write", async () => {
    const path = "/v1/charts/series.svg?groupBy=donor&interval=year";
    const before = charts.pool.stats().drawn;
    const together = await Promise.all(Array.from({ length: 5 }, () => ctx.app.request(path)));
    const again = await ctx.app.request(path);
    const bodies = await Promise.all([...together, again].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(charts.pool.stats().drawn).toBe(before + 1);
    const version = Number(again.headers.get("x-dataset-version"));

    const written = await send(ctx.app, "POST", "/v1/events", {
      commitment: "load-dk",
      stage: "delivered",
      date: "2024-06-30",
      measure: eur("500"),
      confidence: "reported_by_donor",
      sources,
    });
    expect(written.status).toBe(201);
    const after = await ctx.app.request(path);
    expect(Number(after.headers.get("x-dataset-version"))).toBeGreaterThan(version);
    expect(after.headers.get("etag")).not.toBe(again.headers.get("etag"));
    // The new delivery is in the chart's summary: Denmark's delivered figure went from €1,000.00 to €1,500.00.
    expect(await after.text()).toContain("delivered €1,500.00");
    expect(bodies[0]).toContain("delivered €1,000.00");
    expect(charts.pool.stats().drawn).toBe(before + 2);
  });
});
