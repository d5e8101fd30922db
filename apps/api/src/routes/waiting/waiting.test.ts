import { commitmentEntity, createRecords, eventEntity, withChangeSet } from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  signedInPerson,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * What waits, counted: an approver's submissions and proposals of their own organisation, a verifier's deliveries
 * to confirm (the ministries' reports, not a publisher's dataset); null for work a person's roles do not give.
 */

const sources = [{ title: "Waiting fixture", kind: "official" }];

describe.each(testTargets())("what waits on $name", (target) => {
  const ctx = useApp(target);
  let editor: Record<string, string>;
  let approver: Record<string, string>;
  let otherApprover: Record<string, string>;
  let verifier: Record<string, string>;

  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const waiting = async (headers: Record<string, string>) =>
    ((await okJson(await request("GET", "/v1/waiting", headers))) as { data: Record<string, number | null> })
      .data;
  const step = async (path: string, status: string, headers: Record<string, string>) => {
    const etag = (await request("GET", `${path}?drafts=include`, headers)).headers.get("etag") ?? "";
    const response = await request("POST", `${path}/status`, { ...headers, "if-match": etag }, { status });
    expect(response.status, await response.clone().text()).toBe(200);
  };

  beforeAll(async () => {
    const db = ctx.database.db;
    const ministry = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "FI ministry",
      party: "FI",
      roles: ["ministry_editor"],
    });
    const other = await createTestAccount(db, {
      kind: "partner_ministry",
      name: "EE ministry",
      party: "EE",
      roles: ["ministry_editor"],
    });
    const recipient = await createTestAccount(db, {
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
      roles: ["recipient_verifier"],
    });
    editor = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: ministry.organisation.id,
      name: "Aino Editor",
      roles: ["ministry_editor"],
    });
    approver = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: ministry.organisation.id,
      name: "Eero Approver",
      roles: ["ministry_approver"],
    });
    otherApprover = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: other.organisation.id,
      name: "Kadri Approver",
      roles: ["ministry_approver"],
    });
    verifier = await signedInPerson(ctx.app, ctx.database.db, {
      organisationId: recipient.organisation.id,
      name: "Oksana Verifier",
      roles: ["recipient_verifier"],
    });
    // A publisher's delivery to Ukraine: confirmed from its commitment's page, never queued.
    await withChangeSet(db, { actor: "Waiting tests", origin: "import" }, async (tx, cs) => {
      await createRecords(tx, cs, commitmentEntity, [
        {
          id: "kiel-fi-line",
          donor: "FI",
          recipient: "UA",
          title: "Kiel's line",
          category: "military",
          measure: { kind: "money", amount: "1000000", currency: "EUR" },
          measureBasis: "total",
          conditions: [],
          sources,
          synthetic: false,
          sourceDataset: "kiel",
        } as never,
      ]);
      await createRecords(tx, cs, eventEntity, [
        {
          id: "kiel-fi-line-delivered",
          commitment: "kiel-fi-line",
          stage: "delivered",
          date: "2025-03",
          measure: { kind: "money", amount: "1000000", currency: "EUR" },
          confidence: "reported_by_donor",
          sources,
          synthetic: false,
        } as never,
      ]);
    });
  });

  it("counts an approver's submissions and proposals, their own organisation's only, and nothing for others", async () => {
    expect(await waiting(approver)).toEqual({ submitted: 0, proposals: 0, toConfirm: null });
    expect(await waiting(editor)).toEqual({ submitted: null, proposals: null, toConfirm: null });
    const money = { kind: "money", amount: "3000000", currency: "EUR" };
    const created = await request("POST", "/v1/commitments", editor, {
      id: "fi-waiting-line",
      donor: "FI",
      title: "Winter equipment",
      category: "military",
      measure: money,
      sources,
      schedule: [{ due: "2025-06", measure: { ...money, amount: "1000000" } }],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const delivered = await request("POST", "/v1/events", editor, {
      id: "fi-waiting-delivered",
      commitment: "fi-waiting-line",
      stage: "delivered",
      date: "2025-05",
      measure: { ...money, amount: "500000" },
      confidence: "reported_by_donor",
      sources,
    });
    expect(delivered.status, await delivered.clone().text()).toBe(201);
    // Drafts wait for no one.
    expect((await waiting(approver)).submitted).toBe(0);
    await step("/v1/commitments/fi-waiting-line", "submitted", editor);
    await step("/v1/events/fi-waiting-delivered", "submitted", editor);
    expect(await waiting(approver)).toEqual({ submitted: 2, proposals: 0, toConfirm: null });
    expect(await waiting(otherApprover)).toEqual({ submitted: 0, proposals: 0, toConfirm: null });

    await step("/v1/commitments/fi-waiting-line", "published", approver);
    await step("/v1/events/fi-waiting-delivered", "published", approver);
    const etag = (await request("GET", "/v1/commitments/fi-waiting-line", editor)).headers.get("etag") ?? "";
    const corrected = await request(
      "PATCH",
      "/v1/commitments/fi-waiting-line",
      { ...editor, "if-match": etag },
      { set: { title: "Winter equipment, first package" }, reason: "The decree's title" },
    );
    expect(corrected.status, await corrected.clone().text()).toBe(202);
    expect(await waiting(approver)).toEqual({ submitted: 0, proposals: 1, toConfirm: null });
  });

  it("counts a verifier's deliveries to confirm, a ministry's reports only, until confirmed", async () => {
    expect(await waiting(verifier)).toEqual({ submitted: null, proposals: null, toConfirm: 1 });
    const etag =
      (await request("GET", "/v1/events/fi-waiting-delivered", verifier)).headers.get("etag") ?? "";
    const confirmed = await request(
      "POST",
      "/v1/events/fi-waiting-delivered/confirmations",
      { ...verifier, "if-match": etag },
      { received: "2025-05-20" },
    );
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
    expect(await waiting(verifier)).toEqual({ submitted: null, proposals: null, toConfirm: 0 });
  });

  it("is a signed-in reader's, never cached", async () => {
    await expectError(await request("GET", "/v1/waiting", {}), 401);
    const response = await request("GET", "/v1/waiting", approver);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
