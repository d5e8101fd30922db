import { createUser } from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  signInAs,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * Proposals through the typed client, as the web app reads them: a ministry's retraction of a published record is
 * proposed, listed for its approver, read with what it changes, and published; the organisation's list is its own.
 */

const sources = [{ title: "Proposals fixture", kind: "official" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });

describe.each(testTargets())("proposals on $name", (target) => {
  const ctx = useApp(target);
  let editor: TestAccount;
  let other: TestAccount;
  let approver: { cookie: string; "x-csrf-token": string };

  const as = (headers: Record<string, string>) => ({ headers });

  beforeAll(async () => {
    const db = ctx.database.db;
    editor = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "NO ministry",
      party: "NO",
      roles: ["ministry_editor"],
    });
    other = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "NO other ministry",
      party: "NO",
      roles: ["ministry_editor"],
    });
    const password = "the approver's password, long";
    const user = await createUser(db, {
      organisationId: editor.organisation.id,
      email: "approver@no.example.org",
      name: "NO approver",
      password,
      roles: ["ministry_approver"],
    });
    approver = (await signInAs(ctx.app, { user, password })).headers;
    // A published commitment and delivery of the tracker's own, for the ministry to propose changes to.
    for (const [path, body] of [
      [
        "/v1/commitments",
        {
          id: "no-proposals-line",
          donor: "NO",
          title: "A line the ministry will correct",
          category: "funding.budget_support",
          measure: eur("500"),
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "no-proposals-delivery",
          commitment: "no-proposals-line",
          stage: "delivered",
          date: "2025-06",
          measure: eur("200"),
          confidence: "reported_by_donor",
          sources,
        },
      ],
    ] as const) {
      const response = await ctx.app.request(path, {
        method: "POST",
        headers: { ...ctx.authorised, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    }
  });

  it("proposes a retraction, lists it for the approver with what it changes, and publishes it", async () => {
    const proposed = await ctx.client.v1.events[":id"].retract.$post(
      {
        param: { id: "no-proposals-delivery" },
        header: { "if-match": '"1"' },
        json: { reason: "the delivery was counted twice" },
      },
      as(editor.headers),
    );
    expect(proposed.status).toBe(202);
    if (proposed.status !== 202) return;
    const { data: proposal } = await proposed.json();
    expect(proposal).toMatchObject({ kind: "retraction", status: "submitted", by: { name: "NO ministry" } });

    const waiting = await okJson(
      await ctx.client.v1.proposals.$get({ query: { status: "submitted" } }, as(approver)),
    );
    expect(waiting.data.map((p) => p.id)).toEqual([proposal.id]);
    const detail = await okJson(
      await ctx.client.v1.proposals[":id"].$get({ param: { id: proposal.id } }, as(approver)),
    );
    expect(detail.data).toMatchObject({
      current: true,
      changes: [],
      published: { version: 1, retracted: false },
    });

    const published = await okJson(
      await ctx.client.v1.proposals[":id"].status.$post(
        { param: { id: proposal.id }, json: { status: "published", reason: "the recipient confirms" } },
        as(approver),
      ),
    );
    expect(published.data).toMatchObject({
      status: "published",
      decided: { by: "NO ministry (NO approver)" },
    });
    // The retraction is now the record's, as the public reads it.
    const shown = (await (await ctx.app.request("/v1/events/no-proposals-delivery")).json()) as {
      data: { version: number; retracted: boolean };
    };
    expect(shown.data).toMatchObject({ version: 2, retracted: true });
    // Decided once: a second decision is refused, the detail saying how it was decided.
    const again = await expectError(
      await ctx.client.v1.proposals[":id"].status.$post(
        { param: { id: proposal.id }, json: { status: "returned", reason: "changed my mind" } },
        as(approver),
      ),
      409,
    );
    expect(again.details).toEqual([{ location: "json", path: "status", message: "it was published" }]);
  });

  it("refuses to publish a retraction while live records refer to the record, writing nothing", async () => {
    const proposed = await ctx.app.request("/v1/commitments/no-proposals-line/retract", {
      method: "POST",
      headers: { ...editor.headers, "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify({ reason: "the line was never agreed" }),
    });
    expect(proposed.status).toBe(202);
    const { data } = (await proposed.json()) as { data: { id: string } };
    // A delivery recorded meanwhile by the tracker refers to the line.
    const event = await ctx.app.request("/v1/events", {
      method: "POST",
      headers: { ...ctx.authorised, "content-type": "application/json" },
      body: JSON.stringify({
        id: "no-proposals-second",
        commitment: "no-proposals-line",
        stage: "delivered",
        date: "2025-07",
        measure: eur("100"),
        confidence: "reported_by_donor",
        sources,
      }),
    });
    expect(event.status).toBe(201);
    const before = await ctx.changeSets();
    const refused = await expectError(
      await ctx.app.request(`/v1/proposals/${data.id}/status`, {
        method: "POST",
        headers: { ...approver, "content-type": "application/json" },
        body: JSON.stringify({ status: "published", reason: "agreed" }),
      }),
      409,
    );
    expect(refused.message).toContain('event "no-proposals-second"');
    expect(await ctx.changeSets()).toBe(before);
  });

  it("tells the proposing editor who returned a proposal, when and why", async () => {
    const [waiting] = (
      await okJson(await ctx.client.v1.proposals.$get({ query: { status: "submitted" } }, as(editor.headers)))
    ).data;
    if (!waiting) throw new Error("the retraction refused above no longer waits");
    await okJson(
      await ctx.client.v1.proposals[":id"].status.$post(
        { param: { id: waiting.id }, json: { status: "returned", reason: "the second delivery stands" } },
        as(approver),
      ),
    );
    const returned = await okJson(
      await ctx.client.v1.proposals.$get({ query: { status: "returned" } }, as(editor.headers)),
    );
    expect(returned.data).toEqual([
      expect.objectContaining({
        id: waiting.id,
        kind: "retraction",
        target: { kind: "commitment", id: "no-proposals-line" },
        baseVersion: 1,
        decided: {
          by: "NO ministry (NO approver)",
          at: expect.any(String),
          reason: "the second delivery stands",
        },
      }),
    ]);
    const [listed] = returned.data;
    expect(Date.parse(listed?.decided?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(waiting.proposed.at));
    // Another ministry hears nothing of it.
    const theirs = await ctx.client.v1.proposals.$get({ query: { status: "returned" } }, as(other.headers));
    expect((await okJson(theirs)).data).toEqual([]);
  });

  it("lists an organisation's own proposals only; the administrators see every one", async () => {
    const mine = await okJson(await ctx.client.v1.proposals.$get({ query: {} }, as(editor.headers)));
    expect(mine.data.length).toBe(2);
    const theirs = await okJson(await ctx.client.v1.proposals.$get({ query: {} }, as(other.headers)));
    expect(theirs.data).toEqual([]);
    const all = await okJson(await ctx.client.v1.proposals.$get({ query: {} }, as(ctx.authorised)));
    expect(all.data.map((p) => p.id).sort()).toEqual(mine.data.map((p) => p.id).sort());
    await expectError(await ctx.app.request("/v1/proposals"), 401);
  });

  it("is documented: PATCH and retract answer 202 with the proposal; its routes are in /openapi.json", async () => {
    const doc = (await (await ctx.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const path of ["/v1/proposals", "/v1/proposals/{id}", "/v1/proposals/{id}/status"])
      expect(doc.paths[path], path).toBeDefined();
    for (const kind of ["commitments", "tranches", "events"]) {
      expect(JSON.stringify(doc.paths[`/v1/${kind}/{id}`]?.patch?.responses["202"])).toContain(
        "ProposalView",
      );
      expect(JSON.stringify(doc.paths[`/v1/${kind}/{id}/retract`]?.post?.responses["202"])).toContain(
        "ProposalView",
      );
    }
  });
});
