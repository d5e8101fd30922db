import { createUser } from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  historyOf,
  okJson,
  type TestAccount,
  testTargets,
  useApp,
} from "../../test/testing.ts";

/*
 * draft → submitted → published: a ministry's records stay out of public reads and series until its approver
 * publishes them; every step is a version in the history; published records are corrected, never unpublished.
 */

const sources = [{ title: "Workflow fixture", kind: "official" }];
const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });

describe.each(testTargets())("the ministry workflow on $name", (target) => {
  const ctx = useApp(target);
  let editor: TestAccount;
  let other: TestAccount;
  let approver: Record<string, string>;

  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const step = (path: string, status: string, version: number, headers: Record<string, string>) =>
    request("POST", `${path}/status`, { ...headers, "if-match": `"${version}"` }, { status });
  // The body of a plain Response, for reading a few fields of it.
  // biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
  const body = async (response: Response): Promise<{ data: any }> => okJson(response) as never;
  // What the public series shows of GB's figures (the dataset version it cites moves with every write).
  const series = async () => {
    const { data } = await body(await ctx.app.request("/v1/series?donor=GB&groupBy=donor"));
    return JSON.stringify({ groups: data.groups, original: data.original });
  };

  beforeAll(async () => {
    const db = ctx.database.db;
    editor = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "GB ministry",
      party: "GB",
      roles: ["ministry_editor"],
    });
    other = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
      roles: ["ministry_editor"],
    });
    // Approval is a person's act (tokens never publish): the approver signs in.
    await createUser(db, {
      organisationId: editor.organisation.id,
      email: "approver@gb.example.org",
      name: "GB approver",
      password: "the approver's password",
      roles: ["ministry_approver"],
    });
    const signIn = await request(
      "POST",
      "/v1/session",
      {},
      {
        email: "approver@gb.example.org",
        password: "the approver's password",
      },
    );
    const { data } = (await signIn.json()) as { data: { csrfToken: string } };
    approver = {
      cookie: (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
      "x-csrf-token": data.csrfToken,
    };
  });

  it("keeps drafts out of public reads and series until the approver publishes them", async () => {
    const seriesBefore = await series();
    const created = await request("POST", "/v1/commitments", editor.headers, {
      id: "gb-workflow-line",
      donor: "GB",
      title: "A ministry's funding line",
      category: "funding.budget_support",
      measure: eur("1000"),
      sources,
    });
    expect(created.status).toBe(201);
    const path = "/v1/commitments/gb-workflow-line";
    const event = await request("POST", "/v1/events", editor.headers, {
      id: "gb-workflow-delivery",
      commitment: "gb-workflow-line",
      stage: "delivered",
      date: "2025-02",
      measure: eur("400"),
      confidence: "reported_by_donor",
      sources,
    });
    expect(event.status).toBe(201);
    expect((await body(event)).data).toMatchObject({ status: "draft", disputed: false });

    // The public sees nothing of it; the ministry sees its drafts when it asks; another ministry never.
    await expectError(await ctx.app.request(path), 404);
    await expectError(await ctx.app.request(`${path}?drafts=include`), 404);
    await expectError(await ctx.app.request(`${path}/history`), 404);
    const listed = await body(await ctx.app.request("/v1/commitments?donor=GB&limit=200"));
    expect(listed.data.map((c: { id: string }) => c.id)).not.toContain("gb-workflow-line");
    const own = await body(await request("GET", `${path}?drafts=include`, editor.headers));
    expect(own.data.commitment.status).toBe("draft");
    expect(own.data.events.map((e: { id: string }) => e.id)).toEqual(["gb-workflow-delivery"]);
    await expectError(await request("GET", `${path}?drafts=include`, other.headers), 404);
    expect(await series()).toBe(seriesBefore);

    // An approver publishes what was submitted, not a draft; an editor never publishes.
    await expectError(await step(path, "published", 1, approver), 403);
    expect((await step(path, "submitted", 1, editor.headers)).status).toBe(200);
    await expectError(await step(path, "published", 2, editor.headers), 403);
    // An edit sends a submitted record back to draft: the approver approves what will be published.
    const edited = await request(
      "PATCH",
      path,
      { ...editor.headers, "if-match": '"2"' },
      { set: { title: "A ministry's funding line, retitled" }, reason: "the title in the ministry's report" },
    );
    expect((await body(edited)).data.commitment.status).toBe("draft");
    expect((await step(path, "submitted", 3, editor.headers)).status).toBe(200);
    expect((await step(path, "published", 4, approver)).status).toBe(200);
    expect((await body(await ctx.app.request(path))).data.commitment).toMatchObject({
      status: "published",
      version: 5,
    });

    // The delivery is still a draft: not in the series, and not publishable before it is submitted.
    expect(await series()).toBe(seriesBefore);
    const eventPath = "/v1/events/gb-workflow-delivery";
    expect((await step(eventPath, "submitted", 1, editor.headers)).status).toBe(200);
    expect((await step(eventPath, "published", 2, approver)).status).toBe(200);
    expect(await series()).not.toBe(seriesBefore);
    expect((await body(await ctx.app.request(eventPath))).data.status).toBe("published");

    // Every step is in the ministry's history, by who took it; the public's lists the published version only.
    const history = await historyOf(ctx.app, path, editor.headers);
    expect(history.versions.map((v) => v.action)).toEqual([
      "create",
      "submit",
      "update",
      "submit",
      "publish",
    ]);
    expect(history.versions.map((v) => v.actor)).toEqual([
      'GB ministry (API token "tests")',
      'GB ministry (API token "tests")',
      'GB ministry (API token "tests")',
      'GB ministry (API token "tests")',
      "GB ministry (GB approver)",
    ]);
    const shown = await historyOf(ctx.app, path);
    expect(shown.versions.map((v) => [v.version, v.action])).toEqual([[5, "publish"]]);
  });

  it("corrects a published record with a reason, through its approver, and never unpublishes it", async () => {
    const path = "/v1/commitments/gb-workflow-line";
    // The detail is the stable key a client says the refusal by, in its own words.
    const unpublish = await expectError(await step(path, "draft", 5, approver), 409);
    expect(unpublish.details).toEqual([
      { location: "json", path: "status", message: "not a step from published" },
    ]);
    await expectError(await step(path, "submitted", 5, editor.headers), 409);
    // A ministry's correction of a published record is a proposal: the public sees version 5 until it is published.
    const proposed = await request(
      "PATCH",
      path,
      { ...editor.headers, "if-match": '"5"' },
      { set: { measure: eur("1200") }, reason: "the ministry's second report corrects the figure" },
    );
    expect(proposed.status).toBe(202);
    const proposal = (await body(proposed)).data;
    expect(proposed.headers.get("location")).toBe(`/v1/proposals/${proposal.id}`);
    expect((await body(await ctx.app.request(path))).data.commitment).toMatchObject({ version: 5 });
    const published = await request("POST", `/v1/proposals/${proposal.id}/status`, approver, {
      status: "published",
      reason: "the second report is signed",
    });
    expect((await body(published)).data).toMatchObject({ status: "published" });
    expect((await body(await ctx.app.request(path))).data.commitment).toMatchObject({
      status: "published",
      version: 6,
      measure: eur("1200"),
    });
    const last = (await historyOf(ctx.app, path)).versions.at(-1);
    expect(last).toMatchObject({
      action: "update",
      reason: "the ministry's second report corrects the figure",
      actor: 'GB ministry (GB approver), publishing the proposal of GB ministry (API token "tests")',
      proposal: proposal.id,
    });
    // Another donor's ministry can neither correct it nor move its own records onto it.
    await expectError(
      await request(
        "PATCH",
        path,
        { ...other.headers, "if-match": '"6"' },
        { set: { title: "Taken over" }, reason: "an attempt on another donor's record" },
      ),
      403,
    );
  });

  it("publishes a tranche or event only under a published commitment", async () => {
    await request("POST", "/v1/commitments", editor.headers, {
      id: "gb-unpublished-line",
      donor: "GB",
      title: "Not yet published",
      category: "funding.budget_support",
      measure: eur("10"),
      sources,
    });
    await request("POST", "/v1/tranches", editor.headers, {
      id: "gb-unpublished-line-t1",
      commitment: "gb-unpublished-line",
      position: 0,
      due: "2026",
      measure: eur("10"),
    });
    const trancheSteps = "/v1/tranches/gb-unpublished-line-t1";
    expect((await step(trancheSteps, "submitted", 1, editor.headers)).status).toBe(200);
    const refused = await expectError(await step(trancheSteps, "published", 2, approver), 409);
    expect(refused.message).toBe('Publish its commitment "Not yet published" first');
    expect(refused.details).toEqual([
      { location: "json", path: "status", message: "its commitment is not published" },
    ]);
  });

  it("lets a ministry neither state that its recipient confirmed a figure nor keep that confidence on a changed one", async () => {
    const body = {
      commitment: "gb-workflow-line",
      stage: "delivered",
      date: "2025-03",
      measure: eur("50"),
      sources,
    };
    const refused = await expectError(
      await request("POST", "/v1/events", editor.headers, { ...body, confidence: "confirmed_by_recipient" }),
      403,
    );
    expect(refused.details?.[0]).toMatchObject({ location: "json", path: "confidence" });
    const synthetic = await expectError(
      await request("POST", "/v1/events", editor.headers, {
        ...body,
        confidence: "estimated",
        synthetic: true,
      }),
      403,
    );
    expect(synthetic.details?.[0]).toMatchObject({ location: "json", path: "synthetic" });
  });
});
