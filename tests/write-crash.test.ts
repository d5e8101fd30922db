import { computeCells, createDb, type DbOptions, storedCells } from "@commitments/db";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer, storeTargets, useAdministeredStore } from "./server.ts";

/*
 * A real crash amid a stream of single writes: the API process is killed with SIGKILL at a random moment while
 * two writers create delivery events and correct earlier ones, twenty times over on the same store. After each
 * kill the store is read directly: every write the API acknowledged is there as acknowledged, every record's
 * versions form one unbroken chain, and the series cells equal a recomputation from the ledger.
 */

const cycles = 20;
const writers = 2;
const line = "crash-line";
const sources = [{ title: "Crash test fixture, not a real figure", kind: "research" }];

/** A small, seeded generator (mulberry32): the moments differ run to run, and a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Acknowledged {
  version: number;
  note: string;
}

interface VersionRow {
  id: string;
  version: number;
  note: string | null;
  current: boolean;
  chained: boolean;
}

/** Every version of the line's events, straight from the store, with whether each follows on from the one before. */
async function readStore(options: DbOptions) {
  const handle = await createDb(options);
  try {
    const result = await handle.db.execute(sql`select id, version, note, valid_to is null as current,
        coalesce(valid_from = lag(valid_to) over (partition by id order by version), version = 1) as chained
      from stage_events where commitment_id = ${line} order by id, version`);
    const versions = (result as unknown as { rows: VersionRow[] }).rows;
    return { versions, stored: await storedCells(handle.db), computed: await computeCells(handle.db) };
  } finally {
    await handle.close();
  }
}

describe.each(storeTargets())("an API process killed amid acknowledged writes on $name", (target) => {
  const ctx = useAdministeredStore(target);

  beforeAll(async () => {
    const server = ctx.server as RunningServer;
    const created = await fetch(new URL("/v1/commitments", server.url), {
      method: "POST",
      headers: { Authorization: `Bearer ${ctx.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        id: line,
        donor: "NL",
        title: "Crash test line",
        category: "drones",
        measure: { kind: "money", amount: "100000000", currency: "EUR" },
        sources,
        synthetic: true,
      }),
    });
    expect(created.status).toBe(201);
    await server.stop();
    ctx.server = undefined;
  });

  it(`keeps every acknowledged write through ${cycles} kills at random moments`, async () => {
    const seed = Date.now() % 1_000_000;
    const next = random(seed);
    const acknowledged = new Map<string, Acknowledged>();
    let writes = 0;
    let cut = 0;

    for (let cycle = 0; cycle < cycles; cycle++) {
      // The writers send as fast as the server answers: far above a real token's rate limit, which is not under test.
      const running = await startServer({
        ...ctx.store.env,
        LOG_LEVEL: "warn",
        TOKEN_REQUESTS_PER_MINUTE: "1000000",
      });
      ctx.server = running;
      const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(new URL(path, running.url), {
          method,
          headers: { Authorization: `Bearer ${ctx.token}`, "Content-Type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
      let dead = false;
      // Each writer creates events and, every third write, corrects one it wrote before, until the kill.
      const work = Array.from({ length: writers }, async (_, writer) => {
        for (let n = 0; !dead; n++) {
          const own = [...acknowledged.keys()].filter((id) => id.endsWith(`-w${writer}`));
          const correct = n % 3 === 2 && own.length > 0;
          try {
            if (correct) {
              const id = own[Math.floor(next() * own.length)] as string;
              const before = acknowledged.get(id) as Acknowledged;
              const note = `corrected in cycle ${cycle}, write ${n}`;
              const response = await send(
                "PATCH",
                `/v1/events/${id}`,
                { set: { note }, reason: "crash test correction" },
                { "If-Match": `"${before.version}"` },
              );
              expect(response.status, await response.clone().text()).toBe(200);
              const { data } = (await response.json()) as { data: { version: number } };
              acknowledged.set(id, { version: data.version, note });
            } else {
              const id = `crash-c${cycle}-n${n}-w${writer}`;
              const note = `created in cycle ${cycle}, write ${n}`;
              const response = await send("POST", "/v1/events", {
                id,
                commitment: line,
                stage: "delivered",
                date: `202${3 + (n % 3)}-${String((n % 12) + 1).padStart(2, "0")}`,
                measure: { kind: "money", amount: `${1000 + n}.50`, currency: "EUR" },
                confidence: "reported_by_donor",
                sources,
                note,
                synthetic: true,
              });
              expect(response.status, await response.clone().text()).toBe(201);
              acknowledged.set(id, { version: 1, note });
            }
            writes += 1;
          } catch (error) {
            // Cut off by the kill: this write was never acknowledged. Anything else fails the test.
            if (!dead) throw error;
            cut += 1;
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 200 + next() * 2000));
      dead = true;
      await running.kill();
      ctx.server = undefined;
      await Promise.all(work);

      const { versions, stored, computed } = await readStore(ctx.store.db);
      for (const [id, ack] of acknowledged) {
        const mine = versions.filter((v) => v.id === id);
        const at = mine.find((v) => v.version === ack.version);
        expect(at?.note, `seed ${seed}, cycle ${cycle}: ${id} version ${ack.version}`).toBe(ack.note);
        // At most one write in flight at the kill may have committed unacknowledged.
        expect(mine.filter((v) => v.current)).toHaveLength(1);
        const last = mine.at(-1) as VersionRow;
        expect(last.version).toBeLessThanOrEqual(ack.version + 1);
        // A correction that committed as the process died is the record's state now: the writer rereads it,
        // as a client whose request was cut off would, before correcting it again.
        if (last.version > ack.version)
          acknowledged.set(id, { version: last.version, note: last.note ?? "" });
      }
      // One unbroken chain of versions per record, 1, 2, … each closing where the next opens.
      for (const version of versions) expect(version.chained, `seed ${seed}: ${version.id}`).toBe(true);
      expect(stored, `seed ${seed}, cycle ${cycle}: series cells`).toEqual(computed);
    }
    expect(writes).toBeGreaterThan(cycles);
    console.log(
      `crash amid single writes on ${target.name} (seed ${seed}): ${cycles} kills survived, ${writes} acknowledged writes all present, ${cut} cut off`,
    );
  }, 900_000);
});
