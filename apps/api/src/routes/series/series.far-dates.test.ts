import { type CommitmentRecord, isoStates, type StageEvent } from "@commitments/core";
import { commitmentEntity, createRecords, eventEntity, withChangeSet } from "@commitments/db";
import { type ImportedRecords, writeTemplateCsv } from "@commitments/importers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  send,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * Finding 1 of the probe of the running tracker: a ministry editor corrected a published event's date to
 * 9999-12-31 (answered 200), and from then on GET /v1/series never answered and the process died; a template import
 * with such a date did the same, and a year-9998 event made the series 23 MB and the chart a 500. The dates of the
 * tracker are now those of the years 1900 to 2199, refused beyond at every entry, and the series and charts answer
 * at the domain's very bounds.
 */

const domainMessage = "expected a date from 1900 to 2199";
const sources = [{ title: "Far-dates test fixture, not a real figure", kind: "research" as const }];
const line: CommitmentRecord = {
  id: "far-dates-gb",
  donor: "GB",
  recipient: "UA",
  title: "Far-dates test line",
  category: "air_defence",
  measure: { kind: "money", amount: "1000", currency: "EUR" },
  measureBasis: "total",
  conditions: [],
  sources,
  synthetic: true,
};
const event = (id: string, date: string): StageEvent => ({
  id,
  commitment: line.id,
  stage: "committed",
  date,
  measure: { kind: "money", amount: "10", currency: "EUR" },
  confidence: "reported_by_donor",
  sources,
  synthetic: true,
});

/** A hang guard: a request that does not answer in time fails the test instead of holding it. */
function within<T>(seconds: number, work: T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

describe.each(testTargets())("dates far in the future on $name", (target) => {
  const ctx = useApp(target);
  let editor: TestAccount;
  beforeAll(async () => {
    editor = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "GB ministry",
      party: "GB",
      roles: ["ministry_editor"],
    });
    // Published, as the tracker's administrators write.
    expect((await send(ctx.app, "POST", "/v1/commitments", line)).status).toBe(201);
    expect((await send(ctx.app, "POST", "/v1/events", event("far-dates-1", "2024-03-01"))).status).toBe(201);
  });

  it("an editor's correction of a published event to 9999-12-31 is refused, naming the field; nothing is written", async () => {
    const before = await ctx.changeSets();
    const correction = { set: { date: "9999-12-31" }, reason: "a typo in the year" };
    const refused = await expectError(
      await send(ctx.app, "PATCH", "/v1/events/far-dates-1", correction, {
        ...editor.headers,
        "if-match": '"1"',
      }),
      400,
    );
    expect(refused.details).toEqual([{ location: "json", path: "set.date", message: domainMessage }]);
    expect(await ctx.changeSets()).toBe(before);
  });

  it("a template import with an event dated 9999-12-31 is refused, naming its row and column", async () => {
    const records: ImportedRecords = {
      commitments: [{ ...line, id: "far-dates-imported" }],
      tranches: [],
      events: [{ ...event("far-dates-imported-1", "9999-12-31"), commitment: "far-dates-imported" }],
    };
    let file = "";
    for await (const row of writeTemplateCsv([records])) file += row;
    const before = await ctx.changeSets();
    const response = await ctx.app.request("/v1/imports?format=template-csv", {
      method: "POST",
      headers: { ...ctx.authorised, "content-type": "text/csv" },
      body: file,
    });
    expect(response.status).toBe(422);
    const { data } = (await response.json()) as {
      data: { status: string; problems: { row: number; column?: string; message: string }[] };
    };
    expect(data.status).toBe("refused");
    expect(data.problems).toEqual([{ row: 3, column: "date", value: "9999-12-31", message: domainMessage }]);
    expect(await ctx.changeSets()).toBe(before);
  });

  it("the series and its charts answer with events at the domain's bounds, 1900-01-01 and 2199-12-31", async () => {
    for (const [id, date] of [
      ["far-dates-first", "1900-01-01"],
      ["far-dates-last", "2199-12-31"],
    ] as const) {
      expect((await send(ctx.app, "POST", "/v1/events", event(id, date))).status).toBe(201);
    }
    const series = await within(60, ctx.app.request("/v1/series?interval=month"));
    expect(series.status).toBe(200);
    const { data } = (await series.json()) as { data: { groups: { points: { period: string }[] }[] } };
    const periods = data.groups[0]?.points.map((p) => p.period);
    expect(periods).toHaveLength(3600);
    expect([periods?.[0], periods?.at(-1)]).toEqual(["1900-01", "2199-12"]);
    for (const path of ["/v1/charts/series.svg", "/v1/charts/series.png", "/embed/series"]) {
      const chart = await within(60, ctx.app.request(`${path}?interval=month&chart=bars`));
      expect(chart.status, path).toBe(200);
    }
  });

  it("refuses a series past 20,000 points before building it, naming the parameter to change", async () => {
    // 70 donors with a figure each: 70 groups × 3,600 months, or × 300 years.
    const donors = isoStates()
      .map((p) => p.id)
      .filter((id) => id !== "UA")
      .slice(0, 70);
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(
        tx,
        cs,
        commitmentEntity,
        donors.map((donor) => ({ ...line, id: `far-dates-many-${donor.toLowerCase()}`, donor })) as never,
      );
      await createRecords(
        tx,
        cs,
        eventEntity,
        donors.map((donor) => ({
          ...event(`far-dates-many-${donor.toLowerCase()}-1`, "2024-06"),
          commitment: `far-dates-many-${donor.toLowerCase()}`,
        })) as never,
      );
    });
    // With GB's line of the tests above, 71 groups: 250 years fit yearly (17,750 points), not monthly.
    const span = "from=1950&to=2199";
    const field = async (path: string) =>
      (await expectError(await within(60, ctx.app.request(path)), 400)).details?.[0];
    const monthly = await field(`/v1/series?groupBy=donor&interval=month&${span}`);
    expect(monthly).toMatchObject({ location: "query", path: "interval" });
    expect(monthly?.message).toBe(
      "the series would have 213,000 points (71 groups × 3,000 periods), more than 20,000: choose a longer interval, a shorter from–to or fewer groups",
    );
    // 300 years do not fit even yearly: fewer groups.
    expect(await field("/v1/series?groupBy=donor&interval=year&from=1900&to=2199")).toMatchObject({
      path: "groupBy",
    });
    // The charts and the series export take the same query and the same cap.
    for (const path of [
      "/v1/charts/series.svg",
      "/v1/charts/series.png",
      "/embed/series",
      "/v1/exports/series.csv",
    ]) {
      expect((await field(`${path}?groupBy=donor&interval=month&${span}`))?.path, path).toBe("interval");
    }
    // Filtered to a donor, or a decade, it fits.
    await okJson(await ctx.app.request(`/v1/series?groupBy=donor&interval=month&donor=GB&${span}`));
    await okJson(await ctx.app.request(`/v1/series?groupBy=donor&interval=year&${span}`));
    await okJson(await ctx.app.request("/v1/series?groupBy=donor&interval=month&from=2020&to=2029"));
  });
});
