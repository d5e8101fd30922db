import { throwAwayDatabase } from "@commitments/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin, createWriteToken, type RunningServer, startServer } from "./server.ts";

/*
 * Two API processes on one PostgreSQL database, as replicas behind a load balancer would run: nothing that
 * matters is kept in a process's memory, so many writers through both agree on every record. (PGlite has one
 * process by nature: this runs on PostgreSQL only.)
 */

const adminUrl = process.env.TEST_DATABASE_URL;
const writers = 8;
const attemptsEach = 500;
const records = ["concurrent-a", "concurrent-b"];

describe.skipIf(!adminUrl)("two API processes on one database (postgres)", () => {
  let database: Awaited<ReturnType<typeof throwAwayDatabase>>;
  const servers: RunningServer[] = [];
  let token: string;

  beforeAll(async () => {
    database = await throwAwayDatabase(adminUrl as string);
    const env = { DATABASE_URL: database.url, LOG_LEVEL: "warn", TOKEN_REQUESTS_PER_MINUTE: "1000000" };
    await createAdmin("", undefined, env);
    // One after the other: the second finds the migrations and reference data the first applied.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
    token = await createWriteToken(servers[0]?.url as string);
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  const send = (server: number, method: string, path: string, body?: unknown, headers = {}) =>
    fetch(new URL(path, servers[server]?.url), {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const sources = [{ title: "Concurrency test fixture, not a real figure", kind: "research" }];

  it(`${writers} writers × ${attemptsEach} If-Match updates through both: every success kept, no update lost`, async () => {
    for (const id of records) {
      const created = await send(0, "POST", "/v1/commitments", {
        id,
        donor: "NL",
        title: `${id}, as created`,
        category: "drones",
        measure: { kind: "money", amount: "1000000", currency: "EUR" },
        sources,
        synthetic: true,
      });
      expect(created.status, await created.clone().text()).toBe(201);
    }

    const versionOf = async (server: number, id: string) => {
      const response = await send(server, "GET", `/v1/commitments/${id}`);
      return ((await response.json()) as { data: { commitment: { version: number } } }).data.commitment
        .version;
    };
    // Each writer alternates between the records, through its own server, with the version it last saw.
    const work = Array.from({ length: writers }, async (_, writer) => {
      const server = writer % 2;
      const seen = new Map<string, number>();
      for (const id of records) seen.set(id, await versionOf(server, id));
      const outcome = { successes: [] as { id: string; version: number; title: string }[], conflicts: 0 };
      for (let attempt = 0; attempt < attemptsEach; attempt++) {
        const id = records[attempt % records.length] as string;
        const title = `${id}, written by writer ${writer}, attempt ${attempt}`;
        const response = await send(
          server,
          "PATCH",
          `/v1/commitments/${id}`,
          { set: { title }, reason: "concurrency test" },
          { "If-Match": `"${seen.get(id)}"` },
        );
        if (response.status === 200) {
          // A commitment is answered with its schedule and events beside it.
          const { data } = (await response.json()) as { data: { commitment: { version: number } } };
          const version = data.commitment.version;
          outcome.successes.push({ id, version, title });
          seen.set(id, version);
        } else {
          expect(response.status, await response.text()).toBe(412);
          outcome.conflicts += 1;
          seen.set(id, await versionOf(server, id));
        }
      }
      return outcome;
    });
    const outcomes = await Promise.all(work);

    const successes = outcomes.flatMap((o) => o.successes);
    const conflicts = outcomes.reduce((n, o) => n + o.conflicts, 0);
    expect(successes.length + conflicts).toBe(writers * attemptsEach);
    expect(successes.length).toBeGreaterThan(0);
    for (const id of records) {
      const mine = successes.filter((s) => s.id === id).sort((a, b) => a.version - b.version);
      // Every success made its own version, 2, 3, … in turn: none overwrote another unseen.
      expect(mine.map((s) => s.version)).toEqual(mine.map((_, i) => i + 2));
      const history = (await (await send(1, "GET", `/v1/commitments/${id}/history`)).json()) as {
        data: { versions: { version: number; record: { title: string } }[] };
      };
      expect(history.data.versions).toHaveLength(1 + mine.length);
      for (const success of mine) {
        expect(history.data.versions.find((v) => v.version === success.version)?.record.title).toBe(
          success.title,
        );
      }
      // Both processes read the last success.
      for (const server of [0, 1]) {
        const current = (await (await send(server, "GET", `/v1/commitments/${id}`)).json()) as {
          data: { commitment: { title: string } };
        };
        expect(current.data.commitment.title).toBe(mine.at(-1)?.title);
      }
    }
    console.log(
      `concurrent writers: ${writers} × ${attemptsEach} = ${writers * attemptsEach} If-Match updates through two processes, ${successes.length} succeeded, ${conflicts} answered 412, none lost`,
    );
  }, 600_000);

  it("100 concurrent replays of one Idempotency-Key through both: one record, the same answer to each", async () => {
    const body = {
      commitment: records[0],
      stage: "delivered",
      date: "2025-03",
      measure: { kind: "money", amount: "250000", currency: "EUR" },
      confidence: "reported_by_donor",
      sources,
      synthetic: true,
    };
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        send(i % 2, "POST", "/v1/events", body, { "Idempotency-Key": "concurrent-replay-1" }),
      ),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(texts).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotency-replayed") === "true")).toHaveLength(99);
    const events = (await (await send(1, "GET", `/v1/events?commitment=${records[0]}`)).json()) as {
      data: unknown[];
    };
    expect(events.data).toHaveLength(1);
    console.log("idempotency: 100 concurrent replays through two processes, 1 record, 1 distinct answer");
  }, 120_000);
});
