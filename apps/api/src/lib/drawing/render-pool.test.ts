import type { SeriesChartInput } from "@commitments/charts";
import { describe, expect, it } from "vitest";
import { ChartsBusy, ChartTimedOut, defaultWorkers, RenderPool } from "./render-pool.ts";

/** A small chart of test figures, not real ones. */
const input = (width = 640): SeriesChartInput => ({
  series: {
    measure: "money",
    currency: "EUR",
    unit: null,
    interval: "year",
    groupBy: "all",
    promisedStage: "committed",
    deliveredStage: "delivered",
    groups: [
      {
        key: "all",
        label: "All commitments",
        points: [
          {
            period: "2024",
            promised: "10",
            delivered: "0",
            cumulativePromised: "10",
            cumulativeDelivered: "0",
          },
        ],
      },
    ],
    conversion: null,
  },
  meta: { datasetVersion: 1, asOf: "2025-01-01T00:00:00.000Z" },
  kind: "bars",
  lang: "en",
  title: "Render pool test",
  source: "Test figures",
  width,
  height: 360,
});

describe("the render pool", () => {
  it("sizes itself from the cores: one drawing thread per two, from 1 to 4", () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultWorkers(cores))).toEqual([1, 1, 1, 2, 4, 4]);
  });

  it("draws SVG and PNG on its threads, and refuses past its queue at once", async () => {
    const pool = new RenderPool({ workers: 1, queue: 1 });
    try {
      const svg = pool.render({ chart: "series", input: input(), format: "svg" });
      const png = pool.render({ chart: "series", input: input(), format: "png" });
      // One drawing, one waiting: a third is refused before it is queued.
      expect(pool.full()).toBe(true);
      await expect(pool.render({ chart: "series", input: input(), format: "svg" })).rejects.toBeInstanceOf(
        ChartsBusy,
      );
      const drawn = await svg;
      expect(drawn.body).toMatch(/^<svg /);
      expect(drawn.digest).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const bytes = (await png).body as Uint8Array;
      expect([...bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      expect(pool.stats()).toEqual({ threads: 1, drawing: 0, waiting: 0, drawn: 2 });
    } finally {
      await pool.close();
    }
  });

  it("refuses a chart that fails to draw and goes on with the next", async () => {
    const pool = new RenderPool({ workers: 1 });
    try {
      const broken = {
        ...input(),
        series: { ...input().series, groups: null },
      } as unknown as SeriesChartInput;
      await expect(pool.render({ chart: "series", input: broken, format: "svg" })).rejects.toThrow(
        /drawing a chart failed/,
      );
      expect((await pool.render({ chart: "series", input: input(), format: "svg" })).body).toMatch(/^<svg /);
    } finally {
      await pool.close();
    }
  });

  it("stops a drawing past its time, with its thread", async () => {
    const pool = new RenderPool({ workers: 1, timeoutSeconds: 0.001 });
    try {
      await expect(pool.render({ chart: "series", input: input(), format: "png" })).rejects.toBeInstanceOf(
        ChartTimedOut,
      );
      expect(pool.stats().threads).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
