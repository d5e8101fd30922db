import { loadDataset } from "@commitments/db";
import { generateSynthetic } from "@commitments/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { okJson, testTargets, useApp } from "../../../test/testing.ts";

/*
 * The benchmark's smoke check, on structure rather than time: the series endpoint answers from the series rollups
 * when no dimension is filtered (their number grows with the answer: periods × groups), from the series cells
 * when one is, and never from the stage events, whose number grows with the history. Every query a request makes
 * is captured and its plan read; a plan that touches stage_events fails the test. A read "as of" a past moment
 * recomputes from the events by design: it shows the check sees a scan.
 */

interface Captured {
  query: string;
  params: unknown[];
}

/** The tables a plan reads, from EXPLAIN's JSON. */
function relations(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) for (const item of plan) relations(item, into);
  else if (plan && typeof plan === "object") {
    for (const [key, value] of Object.entries(plan)) {
      if (key === "Relation Name" && typeof value === "string") into.add(value);
      else relations(value, into);
    }
  }
  return into;
}

const requests = [
  "/v1/series",
  "/v1/series?groupBy=donor&interval=quarter",
  "/v1/series?groupBy=category&currency=USD",
  "/v1/series?groupBy=tier&interval=year&currency=original",
  "/v1/series?groupBy=agreement&promised=pledged&delivered=allocated",
  "/v1/series?measure=quantity&groupBy=donor",
  "/v1/series?donor=DE&category=air_defence&from=2023-01&to=2024-12",
];

describe.each(testTargets())("the series endpoint's plans on $name", (target) => {
  const captured: Captured[] = [];
  const ctx = useApp(target, {
    queryLogger: { logQuery: (query, params) => captured.push({ query, params }) },
  });

  /** The database's own client: plans are asked for outside the app, in plain SQL. */
  const client = () =>
    (ctx.database.db as unknown as { $client: { query(text: string, params?: unknown[]): Promise<unknown> } })
      .$client;

  beforeAll(async () => {
    const synthetic = generateSynthetic({ seed: 7, donors: 20, commitments: 400, events: 6_000 });
    await loadDataset(ctx.database.db, {
      parties: synthetic.parties,
      agreements: [],
      commitments: synthetic.commitments,
      events: [...synthetic.events()],
    });
    // Fresh statistics, as after any large load: the plans are the ones a loaded store would choose.
    await client().query("analyze");
  });

  /** The tables read by the queries one request makes. */
  async function tablesRead(path: string): Promise<Set<string>> {
    captured.length = 0;
    await okJson(await ctx.app.request(path));
    const queries = captured.filter((c) => /^\s*(select|with)\b/i.test(c.query));
    expect(queries.length, path).toBeGreaterThan(0);
    const tables = new Set<string>();
    for (const { query, params } of queries) {
      const result = (await client().query(`explain (format json) ${query}`, params)) as { rows: unknown[] };
      relations(result.rows, tables);
    }
    return tables;
  }

  it.each(requests)("%s reads the series rollups or cells, never the stage events", async (path) => {
    const tables = await tablesRead(path);
    // Unfiltered, the rollups of the grouping, whose number grows with the answer; filtered, the cells.
    const filtered = /[?&](donor|category|tier|agreement)=/.test(path);
    expect(tables.has("series_rollups"), `${path} reads ${[...tables]}`).toBe(!filtered);
    expect(tables.has("series_cells"), `${path} reads ${[...tables]}`).toBe(filtered);
    expect(tables.has("stage_events"), `${path} reads ${[...tables]}`).toBe(false);
  });

  it("sees the scan where there is one: a read as of a past moment recomputes from the events", async () => {
    const tables = await tablesRead(`/v1/series?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(tables.has("stage_events")).toBe(true);
  });
});
