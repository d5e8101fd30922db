import { createDb, type DbOptions } from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { generatedRecords } from "@commitments/importers/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type RunningServer, startServer, storeTargets, useAdministeredStore } from "./server.ts";

/*
 * A real crash in the middle of an import: the API process is killed with SIGKILL (no handler runs, nothing is
 * flushed or closed) at each phase of a large template upload, restarted on the same store, and the store is
 * read directly. Nothing of the killed import may be there; the same file then imports whole, and once only.
 */

// 12,000 commitments with 3 events each and a tranche for every seventh: 49,715 rows, about 13 MB.
const commitments = 12_000;
const eventsEach = 3;
const fileRows = commitments + Math.ceil(commitments / 7) + commitments * eventsEach;

async function templateFile(prefix: string): Promise<Buffer> {
  const parts: string[] = [];
  for await (const line of writeTemplateCsv(generatedRecords(prefix, commitments, eventsEach)))
    parts.push(line);
  return Buffer.from(parts.join(""), "utf8");
}

interface StoreCounts {
  change_sets: number;
  commitments: number;
  tranches: number;
  events: number;
  imports: number;
  series_events: number;
}

/** What an import could leave behind, counted straight from the store with no server running. */
async function storeCounts(options: DbOptions): Promise<StoreCounts> {
  const handle = await createDb(options);
  try {
    const result = await handle.db.execute(sql`select
      (select count(*) from change_sets)::int as change_sets,
      (select count(*) from commitments)::int as commitments,
      (select count(*) from tranches)::int as tranches,
      (select count(*) from stage_events)::int as events,
      (select count(*) from imports)::int as imports,
      (select coalesce(sum(events), 0)::int from series_cells) as series_events`);
    return (result as unknown as { rows: StoreCounts[] }).rows[0] as StoreCounts;
  } finally {
    await handle.close();
  }
}

/** The counts once the file has landed whole, in one change set, as one import run. */
function withFile(before: StoreCounts): StoreCounts {
  return {
    change_sets: before.change_sets + 1,
    commitments: before.commitments + commitments,
    tranches: before.tranches + Math.ceil(commitments / 7),
    events: before.events + commitments * eventsEach,
    imports: before.imports + 1,
    // Every generated event is published (an administrator's import), so every one is in the series.
    series_events: before.series_events + commitments * eventsEach,
  };
}

/** The file as an upload in 64 KiB chunks a few milliseconds apart; `sent` resolves when the last has gone. */
function uploadBody(file: Buffer) {
  let offset = 0;
  let done: (at: number) => void = () => {};
  const sent = new Promise<number>((resolve) => {
    done = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= file.length) {
        controller.close();
        return done(performance.now());
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
      controller.enqueue(new Uint8Array(file.subarray(offset, offset + 65_536)));
      offset += 65_536;
    },
  });
  return { body, sent };
}

/**
 * Where to kill. While the file is read the server answers progress polls with rows read, so those points are
 * observed; checking and writing report no rows (one phase, then the answer), so those points are times after the
 * last byte was sent, as fractions of how long a whole import of a file like it took from there to its answer.
 */
type KillPoint = { label: string; rowsRead: number } | { label: string; fractionAfterSent: number };

const killPoints: KillPoint[] = [
  { label: "early in reading", rowsRead: 2_000 },
  // Past the first COPY batch (20,000 rows) into the staging tables.
  { label: "late in reading", rowsRead: 30_000 },
  { label: "10% into checking and writing", fractionAfterSent: 0.1 },
  { label: "35% into checking and writing", fractionAfterSent: 0.35 },
  { label: "60% into checking and writing", fractionAfterSent: 0.6 },
  { label: "80% into checking and writing", fractionAfterSent: 0.8 },
];

describe.each(storeTargets())("an API process killed mid-import on $name", (target) => {
  const ctx = useAdministeredStore(target);

  function upload(url: string, file: Buffer, id: string = crypto.randomUUID()) {
    const { body, sent } = uploadBody(file);
    const response = fetch(new URL("/v1/imports?format=template-csv&name=crash.csv", url), {
      method: "POST",
      headers: { Authorization: `Bearer ${ctx.token}`, "Content-Type": "text/csv", "X-Import-Id": id },
      body,
      duplex: "half",
    } as RequestInit);
    return { response, sent };
  }

  async function progressOf(url: string, id: string): Promise<{ phase: string; rows: number } | undefined> {
    const response = await fetch(new URL(`/v1/imports/${id}`, url), {
      headers: { Authorization: `Bearer ${ctx.token}` },
    });
    return response.ok
      ? ((await response.json()) as { data: { phase: string; rows: number } }).data
      : undefined;
  }

  it("leaves nothing of the import behind, whichever moment it dies at; the file then imports whole, once", async () => {
    // How long a whole import takes after its last byte: one of a file of the same size and shape.
    const warmUp = upload((ctx.server as RunningServer).url, await templateFile("warm-up"));
    const sentAt = await warmUp.sent;
    expect((await warmUp.response).status).toBe(201);
    const tail = performance.now() - sentAt;
    await ctx.server?.stop();
    ctx.server = undefined;

    const file = await templateFile("crash");
    const before = await storeCounts(ctx.store.db);
    const outcomes: string[] = [];
    for (const point of killPoints) {
      const running = await startServer(ctx.store.env);
      ctx.server = running;
      const id = crypto.randomUUID();
      const { response, sent } = upload(running.url, file, id);
      const answer = response.then(
        (r) => `answered ${r.status}`,
        () => "cut off",
      );
      if ("rowsRead" in point) {
        let progress = await progressOf(running.url, id);
        while (!(progress?.phase === "reading" && progress.rows >= point.rowsRead)) {
          const ended = await Promise.race([answer, new Promise((r) => setTimeout(() => r(undefined), 5))]);
          if (ended) throw new Error(`the import ${ended} before the kill point "${point.label}"`);
          progress = await progressOf(running.url, id);
        }
      } else {
        await sent;
        await new Promise((resolve) => setTimeout(resolve, tail * point.fractionAfterSent));
      }
      await running.kill();
      ctx.server = undefined;
      // A timed kill can come after the import has finished on a run faster than the warm-up: then it was
      // acknowledged, and must be there whole.
      const ended = await answer;
      expect(["cut off", "answered 201"], `killed ${point.label}`).toContain(ended);
      // All or nothing: killed before its commit, no change set, record, series figure or import run of it;
      // killed in the instant after its commit (before its answer), all of it.
      const now = await storeCounts(ctx.store.db);
      if (ended === "answered 201")
        expect(now, `answered before the kill ${point.label}`).toEqual(withFile(before));
      else expect([before, withFile(before)], `after a kill ${point.label}`).toContainEqual(now);
      const landed = now.commitments !== before.commitments;
      outcomes.push(
        `${point.label}: ${landed ? "all" : "nothing"}${ended === "cut off" ? "" : " (answered first)"}`,
      );
      // Once the file is in, another upload of it is a no-op: there is no import left to kill midway.
      if (landed) break;
    }
    // The observed points are surely before the commit.
    expect(outcomes.slice(0, 2)).toEqual(["early in reading: nothing", "late in reading: nothing"]);
    console.log(
      `import killed on ${target.name}, after a ${Math.round(tail)} ms tail: ${outcomes.join("; ")}`,
    );

    // Restarted on the same store, the whole file is there once: imported now, or found unchanged.
    const running = await startServer(ctx.store.env);
    ctx.server = running;
    const landed = outcomes.some((o) => o.includes(": all"));
    const first = await upload(running.url, file).response;
    expect(first.status).toBe(landed ? 200 : 201);
    expect(((await first.json()) as { data: { rows: number } }).data.rows).toBe(fileRows);
    const again = await upload(running.url, file).response;
    expect(((await again.json()) as { data: { status: string } }).data.status).toBe("unchanged");
    await running.stop();
    ctx.server = undefined;
    // One change set for the file; one import run for each complete upload (the unchanged ones included).
    expect(await storeCounts(ctx.store.db)).toEqual({
      ...withFile(before),
      imports: before.imports + (landed ? 3 : 2),
    });
  }, 600_000);
});
