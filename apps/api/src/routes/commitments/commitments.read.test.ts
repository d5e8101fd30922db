import { datasetVersion, getCommitment, loadDataset } from "@commitments/db";
import { generateSynthetic } from "@commitments/reference";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  okJson,
  send,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";
import { remarkViews } from "../../lib/remarks.ts";
import { everything } from "../../lib/representation.ts";

/*
 * One round trip per read: a commitment's page (the commitment, its tranches and events, the remarks on any of them,
 * their authors' names and the dataset version) is one statement. Its answer is the one the parts read one by one
 * give (getCommitment, then the remarks and names), with figures exact, at the current moment and a past one, for
 * the public and for an organisation that sees its drafts. The statement's plan reads every part by index.
 */

const sources = [{ title: "Test fixture, not a real figure", kind: "research" as const }];
const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });

// biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
type Body = { data: any; meta: { datasetVersion: number } };
const body = async (response: Response): Promise<Body> => okJson(response) as never;

interface Captured {
  query: string;
  params: unknown[];
}

/** The plan's nodes: relation read and how. */
function scans(plan: unknown, into: { relation: string; node: string }[] = []) {
  if (Array.isArray(plan)) for (const item of plan) scans(item, into);
  else if (plan && typeof plan === "object") {
    const node = plan as Record<string, unknown>;
    if (typeof node["Relation Name"] === "string")
      into.push({ relation: node["Relation Name"], node: String(node["Node Type"]) });
    for (const value of Object.values(node)) scans(value, into);
  }
  return into;
}

describe.each(testTargets())("a commitment read in one statement on $name", (target) => {
  const captured: Captured[] = [];
  const ctx = useApp(target, {
    queryLogger: { logQuery: (query, params) => captured.push({ query, params }) },
  });
  let analyst: TestAccount;
  let ministry: TestAccount;
  let before: Date;

  const post = (path: string, account: TestAccount, payload: unknown, ifMatch?: string) =>
    ctx.app.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...account.headers,
        ...(ifMatch ? { "if-match": ifMatch } : {}),
      },
      body: JSON.stringify(payload),
    });

  /** What the commitment's page showed before this change: the parts read one by one. */
  async function partByPart(id: string, asOf: Date | undefined, visibility = everything) {
    const db = ctx.database.db;
    const detail = await getCommitment(db, id, asOf, visibility);
    if (!detail) return undefined;
    const ids = <R extends { record: { id: string } }>(list: R[]) => list.map((item) => item.record.id);
    const show = await remarkViews(
      db,
      [
        { kind: "commitment", ids: [id] },
        { kind: "tranche", ids: ids(detail.schedule) },
        { kind: "event", ids: ids(detail.events) },
      ],
      asOf,
    );
    return {
      data: {
        commitment: show("commitment", [detail.commitment])[0],
        schedule: show("tranche", detail.schedule),
        events: show("event", detail.events),
      },
      datasetVersion: (await datasetVersion(db, asOf)).version,
    };
  }

  beforeAll(async () => {
    const db = ctx.database.db;
    // Other commitments around it, so the plan has rows to choose an index over.
    const synthetic = generateSynthetic({ seed: 3, donors: 10, commitments: 200, events: 3_000 });
    await loadDataset(db, {
      parties: synthetic.parties,
      agreements: [],
      commitments: synthetic.commitments,
      events: [...synthetic.events()],
    });
    analyst = await createTestAccount(db, { kind: "ngo", name: "Watchdog NGO", roles: ["ngo_analyst"] });
    ministry = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
      roles: ["ministry_editor"],
    });
    const verifier = await createTestAccount(db, {
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
      roles: ["recipient_verifier"],
    });
    const line = {
      id: "one-statement-line",
      donor: "FR",
      title: "Artillery shells (test)",
      category: "ammunition",
      // More decimals than a float keeps: the statement must bring them back exactly.
      measure: eur("1234567890123456.0123456789"),
      schedule: [
        { due: "2024", measure: eur("1000000.5") },
        { due: "2025", measure: eur("2000000.25") },
      ],
      sources,
    };
    expect((await send(ctx.app, "POST", "/v1/commitments", line)).status).toBe(201);
    for (const [id, date, amount] of [
      ["one-statement-a", "2024-05", "800000.0000000001"],
      ["one-statement-b", "2024", "100000"],
    ] as const) {
      const event = {
        id,
        commitment: line.id,
        stage: "delivered",
        date,
        measure: eur(amount),
        confidence: "reported_by_donor",
        sources,
      };
      expect((await send(ctx.app, "POST", "/v1/events", event)).status).toBe(201);
    }
    before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const dispute = {
      target: { kind: "event", id: "one-statement-a" },
      statement: "Our count puts it lower.",
      figure: eur("500000.125"),
      sources,
    };
    expect((await post("/v1/disputes", analyst, dispute)).status).toBe(201);
    const note = { target: { kind: "commitment", id: line.id }, text: "Matches the donor's report." };
    expect((await post("/v1/annotations", analyst, note)).status).toBe(201);
    const received = { received: "2024-06-20", note: "Received at the depot" };
    expect((await post("/v1/events/one-statement-b/confirmations", verifier, received, '"1"')).status).toBe(
      201,
    );
    // A ministry's draft event: its own reads show it, the public's never.
    const draft = {
      id: "one-statement-draft",
      commitment: line.id,
      stage: "delivered",
      date: "2025-01",
      measure: eur("1"),
      confidence: "reported_by_donor",
      sources,
    };
    expect((await post("/v1/events", ministry, draft)).status).toBe(201);
    await (
      ctx.database.db as unknown as { $client: { query(text: string): Promise<unknown> } }
    ).$client.query("analyze");
  });

  it("answers as the parts read one by one, exactly, now and at a past moment", async () => {
    const path = "/v1/commitments/one-statement-line";
    const now = await body(await ctx.app.request(path));
    const expected = await partByPart("one-statement-line", undefined, { drafts: "none" });
    expect(now.data).toEqual(expected?.data);
    expect(now.meta.datasetVersion).toBe(expected?.datasetVersion);
    expect(now.data.commitment.measure).toEqual(eur("1234567890123456.0123456789"));
    expect(now.data.commitment.annotations).toHaveLength(1);
    expect(now.data.events.map((e: { id: string }) => e.id)).toEqual(["one-statement-b", "one-statement-a"]);
    expect(now.data.events[1]?.disputes[0]?.by.name).toBe("Watchdog NGO");
    expect(now.data.events[0]?.confirmations).toHaveLength(1);

    const asOf = before.toISOString();
    const past = await body(await ctx.app.request(`${path}?asOf=${encodeURIComponent(asOf)}`));
    const expectedPast = await partByPart("one-statement-line", before, { drafts: "none" });
    expect(past.data).toEqual(expectedPast?.data);
    expect(past.meta.datasetVersion).toBe(expectedPast?.datasetVersion);
    expect(past.data.events[1]?.disputes).toEqual([]);

    const own = await body(await ctx.app.request(`${path}?drafts=include`, { headers: ministry.headers }));
    const expectedOwn = await partByPart("one-statement-line", undefined, {
      drafts: "organisation",
      organisation: ministry.organisation.id,
    });
    expect(own.data).toEqual(expectedOwn?.data);
    expect(own.data.events.map((e: { id: string }) => e.id)).toContain("one-statement-draft");
  });

  it("reads the commitment and everything on its page in one statement, each part by index", async () => {
    captured.length = 0;
    // Signed in, so no cache answers for it.
    await okJson(await ctx.app.request("/v1/commitments/one-statement-line", { headers: ministry.headers }));
    const reads = captured.filter((c) => /\b(stage_events|tranches|disputes)\b/.test(c.query));
    expect(reads).toHaveLength(1);
    const [statement] = reads as [Captured];
    const client = (
      ctx.database.db as unknown as {
        $client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
      }
    ).$client;
    const plan = await client.query(`explain (format json) ${statement.query}`, statement.params);
    const read = scans(plan.rows);
    const relations = new Set(read.map((s) => s.relation));
    for (const table of [
      "commitments",
      "tranches",
      "stage_events",
      "disputes",
      "annotations",
      "confirmations",
      "organisations",
      "change_sets",
    ]) {
      expect(relations.has(table), `${table} in ${[...relations]}`).toBe(true);
    }
    // The commitment's parts are found by index, not by reading every event of every commitment.
    const eventScans = read.filter((s) => s.relation === "stage_events").map((s) => s.node);
    expect(eventScans.length).toBeGreaterThan(0);
    expect(
      eventScans.every((node) => node !== "Seq Scan"),
      eventScans.join(", "),
    ).toBe(true);
  });
});
