import { describe, expect, it } from "vitest";
import { etagOf, expectError, historyOf, send, testTargets, useApp } from "../../test/testing.ts";

const sources = [{ title: "Test fixture", kind: "research" }];
const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });

/** One kind of record: how to create it (from the ids made so far), one correction, and a list that shows it. */
interface Case {
  path: string;
  create(ids: Record<string, string>): Record<string, unknown>;
  set: Record<string, unknown>;
  list(id: string, ids: Record<string, string>): string;
}

// In creation order: each refers to the ones before it, so they are retracted in the reverse order.
const cases: Case[] = [
  {
    path: "/v1/parties",
    create: () => ({ id: "TEST_ORG", kind: "organisation", name: "Test organisation" }),
    set: { name: "Test organisation, renamed", members: ["GB", "FR"] },
    list: () => "?kind=organisation&limit=200",
  },
  {
    path: "/v1/agreements",
    create: () => ({
      title: "A test accord on security cooperation",
      shortTitle: "Test accord",
      guarantors: ["TEST_ORG"],
      beneficiaries: ["UA"],
      instrumentType: "security_cooperation",
      attributes: { form: "political_agreement", cooperationAreas: ["training"], mutualDefenceClause: false },
      signed: "2025-03",
      statusHistory: [{ status: "signed", date: "2025-03", sources }],
      sources,
    }),
    set: { summary: "A corrected summary." },
    list: () => "?party=TEST_ORG",
  },
  {
    path: "/v1/provisions",
    create: (ids) => ({
      agreement: ids["/v1/agreements"],
      position: 0,
      provision: { kind: "mutual_defence", present: false, text: "No mutual defence clause.", sources },
    }),
    set: { position: 1 },
    list: (_, ids) => `?agreement=${ids["/v1/agreements"]}`,
  },
  {
    path: "/v1/commitments",
    create: (ids) => ({
      donor: "GB",
      agreement: ids["/v1/agreements"],
      title: "A test funding line",
      category: "funding.budget_support",
      measure: eur("1000000"),
      sources,
    }),
    set: { title: "A test funding line, corrected", period: { start: "2025", end: "2026" } },
    list: (_, ids) => `?agreement=${ids["/v1/agreements"]}`,
  },
  {
    path: "/v1/tranches",
    create: (ids) => ({
      commitment: ids["/v1/commitments"],
      position: 0,
      due: "2025",
      measure: eur("500000"),
    }),
    set: { due: "2025-06", note: "moved to June" },
    list: (_, ids) => `?commitment=${ids["/v1/commitments"]}`,
  },
  {
    path: "/v1/events",
    create: (ids) => ({
      commitment: ids["/v1/commitments"],
      stage: "pledged",
      date: "2025-03-14",
      measure: eur("1000000"),
      confidence: "reported_by_donor",
      sources,
    }),
    set: { confidence: "confirmed_by_recipient" },
    list: (_, ids) => `?commitment=${ids["/v1/commitments"]}&stage=pledged`,
  },
];

/** The record in a representation: commitments come with their schedule and events. */
const recordOf = (data: Record<string, unknown>) =>
  ("schedule" in data ? data.commitment : data) as Record<string, unknown> & {
    id: string;
    version: number;
    retracted: boolean;
  };

describe.each(testTargets())("every ledger resource on $name", (target) => {
  const ctx = useApp(target);
  const ids: Record<string, string> = {};

  const listed = async (c: Case) => {
    const response = await ctx.app.request(`${c.path}${c.list(ids[c.path] ?? "", ids)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: { id: string }[] }).data.map((r) => r.id);
  };

  /** Runs a write and checks it left exactly one change set and one version of the record. */
  const oneWrite = async (c: Case, expectedVersion: number, write: () => Promise<Response>) => {
    const changeSets = await ctx.changeSets();
    const response = await write();
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const body = (await response.json()) as {
      data: Record<string, unknown>;
      meta: { datasetVersion: number };
    };
    const record = recordOf(body.data);
    expect(response.headers.get("etag")).toBe(`"${expectedVersion}"`);
    expect(record.version).toBe(expectedVersion);
    expect(await ctx.changeSets()).toBe(changeSets + 1);
    const history = await historyOf(ctx.app, `${c.path}/${record.id}`);
    expect(history.versions.map((v) => v.version)).toEqual(
      Array.from({ length: expectedVersion }, (_, i) => i + 1),
    );
    expect(history.versions.at(-1)?.changeSet).toBe(body.meta.datasetVersion);
    return { response, record };
  };

  for (const c of cases) {
    it(`creates ${c.path.slice(4)}: 201 with Location and ETag, one change set, version 1`, async () => {
      const { response, record } = await oneWrite(c, 1, () =>
        send(ctx.app, "POST", c.path, { ...c.create(ids), reason: "recorded by the test" }),
      );
      expect(response.status).toBe(201);
      expect(response.headers.get("location")).toBe(`${c.path}/${record.id}`);
      ids[c.path] = record.id;
      expect(record).toMatchObject({ ...c.create(ids), retracted: false });

      // Signed in, the ETag is the record's version (a public read's names the dataset version).
      const read = await ctx.app.request(`${c.path}/${record.id}`, { headers: ctx.authorised });
      expect(read.headers.get("etag")).toBe('"1"');
      expect(recordOf(((await read.json()) as { data: Record<string, unknown> }).data)).toEqual(record);
      expect(await listed(c)).toContain(record.id);
      const [created] = (await historyOf(ctx.app, `${c.path}/${record.id}`)).versions;
      expect(created).toMatchObject({
        action: "create",
        actor: 'Maintainers (API token "tests")',
        origin: "api",
        reason: "recorded by the test",
      });
    });
  }

  for (const c of cases) {
    it(`corrects ${c.path.slice(4)} with If-Match: one new version, the old one kept`, async () => {
      const path = `${c.path}/${ids[c.path]}`;
      const { record } = await oneWrite(c, 2, async () =>
        send(ctx.app, "PATCH", path, { set: c.set, reason: "a test correction" }, { "if-match": '"1"' }),
      );
      expect(record).toMatchObject(c.set);
      const history = await historyOf(ctx.app, path);
      expect(history.versions[1]).toMatchObject({ action: "update", reason: "a test correction" });
      expect(history.versions[1]?.changes.map((change) => change.field).sort()).toEqual(
        Object.keys(c.set).sort(),
      );
      expect(history.versions[0]?.record).toMatchObject(c.create(ids));
      for (const [field, value] of Object.entries(c.set)) {
        expect(history.fields[field]?.at(-1)).toMatchObject({ value, version: 2 });
      }
      expect(await listed(c)).toContain(ids[c.path]);
    });
  }

  it("refuses a retraction while live records refer to the record, naming them, and writes nothing", async () => {
    const before = await ctx.changeSets();
    const path = `/v1/commitments/${ids["/v1/commitments"]}`;
    const error = await expectError(
      await send(ctx.app, "POST", `${path}/retract`, { reason: "testing" }, { "if-match": '"2"' }),
      409,
    );
    expect(error.message).toContain(`tranche "${ids["/v1/tranches"]}"`);
    expect(error.message).toContain(`event "${ids["/v1/events"]}"`);
    // Each live record is a detail of its own, in the words clients key on.
    expect(error.details?.map((d) => d.message)).toEqual([
      `tranche "${ids["/v1/tranches"]}" refers to it`,
      `event "${ids["/v1/events"]}" refers to it`,
    ]);
    expect(await etagOf(ctx.app, path)).toBe('"2"');
    expect(await ctx.changeSets()).toBe(before);
  });

  for (const c of [...cases].reverse()) {
    it(`retracts ${c.path.slice(4)}: gone from lists, readable by id and in its history`, async () => {
      const path = `${c.path}/${ids[c.path]}`;
      const { record } = await oneWrite(c, 3, () =>
        send(ctx.app, "POST", `${path}/retract`, { reason: "a test retraction" }, { "if-match": '"2"' }),
      );
      expect(record.retracted).toBe(true);
      expect(await listed(c)).not.toContain(ids[c.path]);
      const read = await ctx.app.request(path);
      expect(read.status).toBe(200);
      expect(recordOf(((await read.json()) as { data: Record<string, unknown> }).data).retracted).toBe(true);
      const history = await historyOf(ctx.app, path);
      expect(history.versions.map((v) => v.action)).toEqual(["create", "update", "retract"]);

      // A retracted record is not edited further, and its id is never given to another.
      const before = await ctx.changeSets();
      const edited = await expectError(
        await send(ctx.app, "PATCH", path, { set: c.set, reason: "too late" }, { "if-match": '"3"' }),
        409,
      );
      expect(edited.details).toEqual([{ location: "param", path: "id", message: "retracted" }]);
      const taken = await expectError(
        await send(ctx.app, "POST", c.path, { ...c.create(ids), id: ids[c.path] }),
        409,
      );
      expect(taken.details?.[0]).toMatchObject({ location: "json", path: "id" });
      expect(await ctx.changeSets()).toBe(before);
    });
  }

  it("has no route that deletes a record or rewrites its history", async () => {
    const path = `/v1/events/${ids["/v1/events"]}`;
    const before = await historyOf(ctx.app, path);
    const attempts = [
      ctx.app.request(path, { method: "DELETE" }),
      ctx.app.request(`${path}/history`, { method: "DELETE" }),
      send(ctx.app, "PATCH", `${path}/history`, { set: { note: "rewritten" }, reason: "rewrite" }),
      ctx.app.request(`${path}/history`, { method: "PUT", body: "[]" }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect(await historyOf(ctx.app, path)).toEqual(before);
  });
});
