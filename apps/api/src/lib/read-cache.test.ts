import { createDb, type Db, type DbHandle, loadDataset } from "@commitments/db";
import { throwAwayDatabase } from "@commitments/db/testing";
import { referenceDataset } from "@commitments/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount, testTargets, unlimited } from "../../test/testing.ts";
import { createApp } from "../app.ts";
import { createReadCache, type ReadCache } from "./read-cache.ts";

/*
 * Public reads keyed by the dataset version, as two API processes over one database see them: on PGlite (which
 * one process owns) two apps over the same store, on PostgreSQL two apps over pools of their own.
 */

const sources = [{ title: "Test fixture, not a real figure", kind: "research" as const }];
// The tracker's own lines are marked synthetic; a ministry may not set the mark, and its line is a draft.
const line = (id: string, donor = "NL") => ({
  id,
  donor,
  title: `Cache test line ${id}`,
  category: "funding.budget_support",
  measure: { kind: "money", amount: "1000", currency: "EUR" },
  sources,
  ...(donor === "NL" ? { synthetic: true } : {}),
});

interface Instance {
  app: ReturnType<typeof createApp>;
  cache: ReadCache;
}

describe.each(testTargets())("public reads keyed by the dataset version on $name", (target) => {
  const handles: DbHandle[] = [];
  let drop: () => Promise<void> = async () => {};
  let db: Db;
  let a: Instance;
  let b: Instance;
  let admin: TestAccount;
  let ministry: TestAccount;
  let commitmentId: string;
  let partyId: string;
  let agreementId: string;

  beforeAll(async () => {
    let dbA: Db;
    let dbB: Db;
    if (target.name === "pglite") {
      const database = await target.open();
      handles.push(database);
      drop = database.dispose;
      dbA = dbB = database.db;
    } else {
      const database = await throwAwayDatabase(process.env.TEST_DATABASE_URL as string);
      drop = database.drop;
      for (let i = 0; i < 2; i++) handles.push(await createDb({ databaseUrl: database.url }));
      await handles[0]?.migrate();
      dbA = (handles[0] as DbHandle).db;
      dbB = (handles[1] as DbHandle).db;
    }
    db = dbA;
    await loadDataset(dbA, referenceDataset());
    const instance = (store: Db): Instance => {
      const cache = createReadCache();
      return { app: createApp({ db: store, limits: unlimited, readCache: cache }), cache };
    };
    a = instance(dbA);
    b = instance(dbB);
    admin = await createTestAccount(db, {
      kind: "maintainers",
      name: "Maintainers",
      roles: ["administrator"],
    });
    ministry = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "GB ministry",
      party: "GB",
      roles: ["ministry_editor"],
    });
    const first = async (path: string) => {
      const { data } = (await (await a.app.request(path)).json()) as { data: { id: string }[] };
      if (!data[0]) throw new Error(`${path} lists nothing`);
      return data[0].id;
    };
    commitmentId = await first("/v1/commitments");
    partyId = await first("/v1/parties");
    agreementId = await first("/v1/agreements");
  });
  afterAll(async () => {
    if (target.name === "postgres") for (const handle of handles) await handle.close();
    await drop();
  });

  const write = (app: Instance["app"], body: object, headers = admin.headers) =>
    app.request("/v1/commitments", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const ids = async (response: Response) =>
    ((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id);

  it("names every public read by a strong ETag of its version and answers 304 to it", async () => {
    const paths = [
      "/v1/series?groupBy=donor&interval=quarter",
      "/v1/fulfilment",
      "/v1/commitments?limit=5",
      `/v1/commitments/${commitmentId}`,
      `/v1/commitments/${commitmentId}/fulfilment`,
      "/v1/parties",
      `/v1/parties/${partyId}`,
      "/v1/agreements",
      `/v1/agreements/${agreementId}`,
      "/v1/exports/records.csv",
      "/v1/exports/series.json?groupBy=donor",
    ];
    for (const path of paths) {
      const first = await a.app.request(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag") ?? "";
      const version = first.headers.get("x-dataset-version");
      expect(etag, path).toMatch(/^"v\d+-[A-Za-z0-9_-]{22}"$/);
      if (version) expect(etag.startsWith(`"v${version}-`), path).toBe(true);
      expect(first.headers.get("cache-control"), path).toBe("public, max-age=60, stale-while-revalidate=600");
      expect(first.headers.get("vary"), path).toBe("Authorization, Cookie");
      const bytes = await first.text();

      const revalidated = await a.app.request(path, { headers: { "if-none-match": etag } });
      expect(revalidated.status, path).toBe(304);
      expect(await revalidated.text()).toBe("");
      expect(revalidated.headers.get("etag")).toBe(etag);
      // The kept answer: the same bytes and the headers that describe them.
      const again = await a.app.request(path);
      expect(await again.text(), path).toBe(bytes);
      expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
      // The other process computes the same name for the same question.
      const other = await b.app.request(path, { headers: { "if-none-match": etag } });
      expect(other.status, path).toBe(304);
    }
    // The same query, its parameters in another order: the same answer.
    const reordered = await a.app.request("/v1/series?interval=quarter&groupBy=donor");
    const ordered = await a.app.request("/v1/series?groupBy=donor&interval=quarter");
    expect(reordered.headers.get("etag")).toBe(ordered.headers.get("etag"));
    expect(a.cache.answers.stats().entries).toBeGreaterThanOrEqual(paths.length);
  });

  it("moves every process's ETag with a write in either process", async () => {
    for (const [writer, reader, id] of [
      [b, a, "cache-written-in-b"],
      [a, b, "cache-written-in-a"],
    ] as const) {
      const path = "/v1/commitments?donor=NL&limit=200";
      const before = await reader.app.request(path);
      const etag = before.headers.get("etag") ?? "";
      expect(await ids(before)).not.toContain(id);
      // Kept by the reader: a repeated read is a lookup.
      expect((await reader.app.request(path, { headers: { "if-none-match": etag } })).status).toBe(304);

      expect((await write(writer.app, line(id))).status).toBe(201);

      const stale = await reader.app.request(path, { headers: { "if-none-match": etag } });
      expect(stale.status).toBe(200);
      expect(stale.headers.get("etag")).not.toBe(etag);
      expect(await ids(stale)).toContain(id);
      const series = await reader.app.request("/v1/series?donor=NL&groupBy=donor");
      expect(((await series.json()) as { meta: { datasetVersion: number } }).meta.datasetVersion).toBe(
        Number(/^"v(\d+)-/.exec(stale.headers.get("etag") ?? "")?.[1]),
      );
    }
  });

  it("keeps answers of a past moment under their own key, unchanged by later writes", async () => {
    const asOf = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const path = `/v1/commitments?donor=NL&limit=200&asOf=${encodeURIComponent(asOf)}`;
    const past = await a.app.request(path);
    const pastBytes = await past.clone().text();
    const current = await a.app.request("/v1/commitments?donor=NL&limit=200");
    expect(past.headers.get("etag")).not.toBe(current.headers.get("etag"));
    expect(past.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");

    expect((await write(b.app, line("cache-after-the-moment"))).status).toBe(201);
    const pastAgain = await a.app.request(path);
    expect(pastAgain.headers.get("etag")).toBe(past.headers.get("etag"));
    expect(await pastAgain.text()).toBe(pastBytes);
    expect(await ids(await a.app.request("/v1/commitments?donor=NL&limit=200"))).toContain(
      "cache-after-the-moment",
    );
    expect(JSON.parse(pastBytes).data.map((c: { id: string }) => c.id)).not.toContain(
      "cache-after-the-moment",
    );
  });

  it("never serves an answer that depends on who asks from the shared cache, nor keeps one in it", async () => {
    const created = await write(a.app, line("cache-ministry-draft", "GB"), ministry.headers);
    expect(created.status, await created.clone().text()).toBe(201);
    const path = "/v1/commitments?donor=GB&limit=200";
    // The public answer, kept.
    const published = await a.app.request(path);
    expect(published.headers.get("cache-control")).toMatch(/^public/);
    expect(await ids(published)).not.toContain("cache-ministry-draft");
    // Kept once its last byte is sent: a revalidation waits for it or finds it.
    const etag = published.headers.get("etag") ?? "";
    expect((await a.app.request(path, { headers: { "if-none-match": etag } })).status).toBe(304);
    const kept = a.cache.answers.stats();

    // The ministry's own drafts: computed for it, marked private, and nothing kept.
    for (const query of ["&drafts=include", ""]) {
      const own = await a.app.request(`${path}${query}`, { headers: ministry.headers });
      expect(own.status).toBe(200);
      expect(own.headers.get("cache-control"), query).toBe("private, no-store");
      expect(own.headers.get("etag") ?? "", query).not.toMatch(/^"v/);
      if (query) expect(await ids(own)).toContain("cache-ministry-draft");
      else expect(await ids(own)).not.toContain("cache-ministry-draft");
    }
    const draft = await a.app.request("/v1/commitments/cache-ministry-draft?drafts=include", {
      headers: ministry.headers,
    });
    expect(draft.status).toBe(200);
    expect(draft.headers.get("cache-control")).toBe("private, no-store");
    // A signed-in read's ETag is the record's version, as If-Match sends it.
    expect(draft.headers.get("etag")).toBe('"1"');
    expect(a.cache.answers.stats()).toEqual(kept);

    // The public, even asking for drafts, never gets the ministry's answer.
    const anonymous = await a.app.request(`${path}&drafts=include`);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    expect(await ids(anonymous)).not.toContain("cache-ministry-draft");
    expect((await a.app.request("/v1/commitments/cache-ministry-draft")).status).toBe(404);
    expect(await ids(await a.app.request(path))).not.toContain("cache-ministry-draft");
  });

  it("takes a public read's ETag as If-Match, and refuses it once the record has changed", async () => {
    expect((await write(a.app, line("cache-if-match"))).status).toBe(201);
    const path = "/v1/commitments/cache-if-match";
    const read = await b.app.request(path);
    const etag = read.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"v\d+-/);
    const patch = (title: string) =>
      a.app.request(path, {
        method: "PATCH",
        headers: { ...admin.headers, "content-type": "application/json", "if-match": etag },
        body: JSON.stringify({ set: { title }, reason: "cache test: a correction" }),
      });
    expect((await patch("Cache test line, corrected")).status).toBe(200);
    // The same ETag again: the record changed after the version it names.
    expect((await patch("Cache test line, corrected twice")).status).toBe(412);
    const now = await b.app.request(path);
    expect(((await now.json()) as { data: { commitment: { title: string } } }).data.commitment.title).toBe(
      "Cache test line, corrected",
    );
  });
});
