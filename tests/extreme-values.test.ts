import { writeTemplateCsv } from "@commitments/importers";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { afterRestart, type ExtremeWorld, extremeReads, extremeWorld, sources } from "./extreme-values.ts";
import { type RunningServer, startServer, storeTargets, useAdministeredStore } from "./server.ts";

/*
 * Valid values at the extremes, written through the API, then every read: fast-check draws worlds of dates at the
 * bounds of the domain (1900 and 2199, to the year, month and day), amounts at the bounds of a decimal (the largest,
 * the smallest positive, zero), a period 1900–2199 with a schedule of 600 tranches across it, and tens of donors over
 * every category in several currencies and units; each is imported as the template and written as JSON (a
 * commitment, events, a correction, rates, a dispute). Then every read (extreme-values.ts) must answer in time and
 * without a 5xx: the series in every grouping and interval, the charts, the exports, fulfilment, histories, lists
 * and the watch list's reads. The server runs in a process of its own, so a request that never answers is aborted
 * and fails the run; and after the runs it is restarted on the same store, which must serve the series and charts
 * (the probe's finding: one accepted write once stopped the series for good, restart or not). Part of the
 * hostile-input suite: each store runs once (PGlite in npm test, PostgreSQL in the database leg), and the run prints
 * its figures at the end (RELIABILITY.md records them).
 */

const runs = 3;
/** A read that has not answered in this time has hung: the run fails. */
const answerWithinSeconds = 60;
const unlimited = { TOKEN_REQUESTS_PER_MINUTE: "1000000", ANONYMOUS_REQUESTS_PER_MINUTE: "1000000" };

describe.each(storeTargets().slice(-1))("extreme values on $name", (target) => {
  const ctx = useAdministeredStore(target, unlimited);
  const url = (path: string) => new URL(path, (ctx.server as RunningServer).url);
  const started = performance.now();
  const figures = {
    writes: 0,
    reads: 0,
    statuses: new Map<number, number>(),
    slowest: 0,
    restart: "not run",
  };

  afterAll(() => {
    const statuses = [...figures.statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${n.toLocaleString("en")}×${status}`)
      .join(", ");
    console.log(
      `extreme values on ${target.name}: ${runs} worlds of dates at 1900 and 2199, amounts at a decimal's bounds, 600 tranches and tens of donors, ${figures.writes} writes accepted; ${figures.reads.toLocaleString("en")} reads: ${statuses}; no 5xx, none past ${answerWithinSeconds} s (slowest ${(figures.slowest / 1000).toFixed(1)} s); after a restart ${figures.restart} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  });

  /** A write with the administrator's token; it must be accepted. */
  async function write(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const csv = typeof body === "string";
    const response = await fetch(url(path), {
      method,
      headers: {
        Authorization: `Bearer ${ctx.token}`,
        "Content-Type": csv ? "text/csv" : "application/json",
        ...headers,
      },
      body: csv ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(answerWithinSeconds * 1000),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text.slice(0, 2000)}`).toBeLessThan(300);
    figures.writes++;
    return response;
  }

  /** A read, anonymous as the public reads: an answer in time and no 5xx. */
  async function read(path: string): Promise<number> {
    const t0 = performance.now();
    let response: Response;
    try {
      response = await fetch(url(path), { signal: AbortSignal.timeout(answerWithinSeconds * 1000) });
      await response.arrayBuffer();
    } catch (error) {
      throw new Error(`GET ${path}: no answer within ${answerWithinSeconds} s (${error})`);
    }
    figures.slowest = Math.max(figures.slowest, performance.now() - t0);
    figures.reads++;
    figures.statuses.set(response.status, (figures.statuses.get(response.status) ?? 0) + 1);
    expect(response.status, `GET ${path}`).toBeLessThan(500);
    return response.status;
  }

  async function writeWorld(world: ExtremeWorld) {
    let file = "";
    for await (const row of writeTemplateCsv([world.imported])) file += row;
    await write("POST", "/v1/imports?format=template-csv&name=extremes.csv", file);
    await write("POST", "/v1/commitments", world.long);
    for (const event of world.longEvents) await write("POST", "/v1/events", event);
    const corrected = world.imported.events[0]?.id as string;
    const current = await fetch(url(`/v1/events/${corrected}`));
    const sameDate = ((await current.json()) as { data: { date: string } }).data.date === world.correction;
    if (!sameDate) {
      await write(
        "PATCH",
        `/v1/events/${corrected}`,
        { set: { date: world.correction }, reason: "Moved to the domain's bound" },
        { "If-Match": current.headers.get("etag") ?? "" },
      );
    }
    await write("POST", "/v1/rates", world.rates);
    await write("POST", "/v1/disputes", {
      target: { kind: "commitment", id: world.long.id },
      statement: "Another figure, at a bound of a decimal",
      figure: world.disputed,
      sources,
    });
  }

  it("answers every read in time and without a 5xx after valid extreme values are written", async () => {
    let run = 0;
    let drawn = 0;
    await fc.assert(
      fc.asyncProperty(
        // A world per run, its ids numbered apart from the others'.
        fc.constant(null).chain(() => extremeWorld(++drawn)),
        async (world) => {
          run++;
          await writeWorld(world);
          const asOf = new Date().toISOString();
          for (const path of extremeReads(world, asOf)) await read(path);
        },
      ),
      // Each run writes on the one store and reads it all; a failure is reported as found, not shrunk.
      { numRuns: runs, endOnFailure: true },
    );
    expect(run).toBe(runs);
  });

  it("serves the series and the charts after a restart on the same store", async () => {
    await ctx.server?.stop();
    ctx.server = await startServer({ ...ctx.store.env, ...unlimited });
    const statuses = [];
    for (const path of afterRestart) statuses.push(await read(path));
    expect(statuses).toEqual(afterRestart.map(() => 200));
    figures.restart = `${afterRestart.length} series and charts answered 200`;
  });
});
