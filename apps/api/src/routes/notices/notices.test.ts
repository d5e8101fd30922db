import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  send,
  signedInPerson,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * Notices: an editor hears that their submitted record was returned (with the approver's reason) or published, and
 * what became of their proposals; approvers hear of submissions; a ministry of disputes of its records. Nobody
 * else hears anything, and the public and API tokens may not ask.
 */

interface Notice {
  id: number;
  kind: string;
  record: { kind: string; id: string | null; commitment: string | null; title: string | null };
  by: string;
  at: string;
  reason: string | null;
  read: boolean;
}

const sources = [{ title: "Notices fixture", kind: "official" }];

describe.each(testTargets())("notices on $name", (target) => {
  const ctx = useApp(target);
  let editor: Record<string, string>;
  let approver: Record<string, string>;
  let otherEditor: Record<string, string>;
  let ministry: TestAccount;
  let analyst: TestAccount;

  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const noticesOf = async (headers: Record<string, string>, query = "") =>
    (await okJson(await request("GET", `/v1/notices${query}`, headers))) as {
      data: Notice[];
      unread: number;
    };
  const step = async (path: string, status: string, headers: Record<string, string>, reason?: string) => {
    const etag = (await request("GET", `${path}?drafts=include`, headers)).headers.get("etag") ?? "";
    const response = await request(
      "POST",
      `${path}/status`,
      { ...headers, "if-match": etag },
      { status, reason },
    );
    expect(response.status, await response.clone().text()).toBe(200);
  };

  beforeAll(async () => {
    const db = ctx.database.db;
    ministry = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "PL ministry",
      party: "PL",
      roles: ["ministry_editor"],
    });
    const other = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "PL other ministry",
      party: "PL",
      roles: ["ministry_editor"],
    });
    analyst = await createTestAccount(db, { kind: "ngo", name: "Watchdog", roles: ["ngo_analyst"] });
    editor = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: ministry.organisation.id,
      name: "Olena Editor",
      roles: ["ministry_editor"],
    });
    approver = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: ministry.organisation.id,
      name: "Petro Approver",
      roles: ["ministry_approver"],
    });
    otherEditor = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: other.organisation.id,
      name: "Other Editor",
      roles: ["ministry_editor"],
    });
    const created = await request("POST", "/v1/commitments", editor, {
      id: "pl-notices-line",
      donor: "PL",
      title: "Generators for hospitals",
      category: "funding.budget_support",
      measure: { kind: "money", amount: "2500000", currency: "PLN" },
      sources,
    });
    expect(created.status).toBe(201);
  });

  it("tells the approvers of a submission, and a returned record's editor why, and no one else", async () => {
    await step("/v1/commitments/pl-notices-line", "submitted", editor);
    const waiting = await noticesOf(approver);
    expect(waiting.unread).toBe(1);
    expect(waiting.data).toMatchObject([
      {
        kind: "submitted",
        by: "Olena Editor",
        record: { kind: "commitment", id: "pl-notices-line", title: "Generators for hospitals" },
        read: false,
      },
    ]);
    // Not of one's own act.
    expect((await noticesOf(editor)).data).toEqual([]);

    await step(
      "/v1/commitments/pl-notices-line",
      "draft",
      approver,
      "The source is a press release, not the decree",
    );
    const mine = await noticesOf(editor);
    expect(mine.unread).toBe(1);
    expect(mine.data).toMatchObject([
      {
        kind: "returned",
        by: "Petro Approver",
        reason: "The source is a press release, not the decree",
        record: { kind: "commitment", id: "pl-notices-line", commitment: "pl-notices-line" },
      },
    ]);
    expect(Date.parse(mine.data[0]?.at ?? "")).toBeGreaterThan(Date.parse(waiting.data[0]?.at ?? "") - 1);

    // Another ministry's editor hears nothing of it; the public must sign in; a token is not a person.
    expect(await noticesOf(otherEditor)).toEqual({ data: [], unread: 0 });
    await expectError(await request("GET", "/v1/notices", {}), 401);
    await expectError(await request("GET", "/v1/notices", ministry.headers), 403);
  });

  it("tells the editor of a publication, and the ministry of a dispute with its statement", async () => {
    await step("/v1/commitments/pl-notices-line", "submitted", editor);
    await step("/v1/commitments/pl-notices-line", "published", approver, "Checked against the decree");
    const opened = await request("POST", "/v1/disputes", analyst.headers, {
      target: { kind: "commitment", id: "pl-notices-line" },
      statement: "The decree names PLN 2,000,000, not 2,500,000.",
      sources: [{ title: "Watchdog reading of the decree", kind: "research" }],
    });
    expect(opened.status).toBe(201);
    const mine = await noticesOf(editor);
    expect(mine.data.map((n) => n.kind)).toEqual(["disputed", "published", "returned"]);
    expect(mine.data[0]).toMatchObject({
      by: 'Watchdog (API token "tests")',
      reason: "The decree names PLN 2,000,000, not 2,500,000.",
    });
    expect(mine.data[1]).toMatchObject({ by: "Petro Approver", reason: "Checked against the decree" });
    const theirs = await noticesOf(approver);
    expect(theirs.data.map((n) => n.kind)).toEqual(["disputed", "submitted", "submitted"]);
    expect((await noticesOf(otherEditor)).data).toEqual([]);
  });

  it("tells the proposer what became of a proposed change", async () => {
    const etag = (await request("GET", "/v1/commitments/pl-notices-line", editor)).headers.get("etag") ?? "";
    const proposed = await request(
      "POST",
      "/v1/commitments/pl-notices-line/retract",
      { ...editor, "if-match": etag },
      { reason: "Entered twice" },
    );
    expect(proposed.status).toBe(202);
    const { data } = (await proposed.json()) as { data: { id: string } };
    const returned = await request("POST", `/v1/proposals/${data.id}/status`, approver, {
      status: "returned",
      reason: "It was entered once; the other line is Lithuania's",
    });
    expect(returned.status).toBe(200);
    const [latest] = (await noticesOf(editor)).data;
    expect(latest).toMatchObject({
      kind: "proposal_returned",
      by: "Petro Approver",
      reason: "It was entered once; the other line is Lithuania's",
      record: { kind: "commitment", id: "pl-notices-line", title: "Generators for hospitals" },
    });
  });

  it("marks notices read by id or up to a time, for the reader only, and counts the unread", async () => {
    const all = await noticesOf(editor);
    expect(all.unread).toBe(4);
    const [newest, next] = all.data;
    // A cookie-borne write needs the CSRF token.
    await expectError(
      await request("POST", "/v1/notices/read", { cookie: editor.cookie ?? "" }, { ids: [1] }),
      403,
    );
    await expectError(await request("POST", "/v1/notices/read", editor, {}), 400);
    const marked = await okJson(await request("POST", "/v1/notices/read", editor, { ids: [newest?.id] }));
    expect(marked).toEqual({ data: { marked: 1, unread: 3 } });
    const unread = await noticesOf(editor, "?unread=true");
    expect(unread.data.map((n) => n.id)).not.toContain(newest?.id);
    expect(unread.data).toHaveLength(3);
    // Another person's notices are not theirs to mark: the approver's count is untouched.
    const approverUnread = (await noticesOf(approver)).unread;
    expect(await okJson(await request("POST", "/v1/notices/read", otherEditor, { ids: [next?.id] }))).toEqual(
      {
        data: { marked: 0, unread: 0 },
      },
    );
    const upTo = await okJson(await request("POST", "/v1/notices/read", editor, { upTo: next?.at }));
    expect(upTo).toEqual({ data: { marked: 3, unread: 0 } });
    expect((await noticesOf(editor, "?unread=true")).data).toEqual([]);
    expect((await noticesOf(editor)).data.every((n) => n.read)).toBe(true);
    expect((await noticesOf(approver)).unread).toBe(approverUnread);
  });

  it("names a published record whose retraction the proposer asked for, once it is retracted: its history is public", async () => {
    const created = await send(ctx.app, "POST", "/v1/commitments", {
      id: "pl-tracker-line",
      donor: "PL",
      title: "Ammunition from the tracker's sources",
      category: "funding.budget_support",
      measure: { kind: "money", amount: "1000", currency: "PLN" },
      sources,
    });
    expect(created.status).toBe(201);
    const proposed = await request(
      "POST",
      "/v1/commitments/pl-tracker-line/retract",
      { ...editor, "if-match": '"1"' },
      { reason: "Counted in another line" },
    );
    expect(proposed.status).toBe(202);
    const { data } = (await proposed.json()) as { data: { id: string } };
    const published = await request("POST", `/v1/proposals/${data.id}/status`, approver, {
      status: "published",
      reason: "Confirmed with the budget office",
    });
    expect(published.status).toBe(200);
    const [latest] = (await noticesOf(editor)).data;
    expect(latest).toMatchObject({
      kind: "proposal_published",
      reason: "Confirmed with the budget office",
      record: { kind: "commitment", id: "pl-tracker-line", title: "Ammunition from the tracker's sources" },
    });
    expect((await noticesOf(otherEditor)).data).toEqual([]);
  });
});
