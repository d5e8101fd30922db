import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  historyOf,
  okJson,
  send,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

/*
 * The right of reply: an NGO disputes a delivery with its own figure and source, the recipient confirms another,
 * and both show in the record's representation (figures side by side) and in its history.
 */

const sources = [{ title: "Dispute fixture", kind: "official" }];
const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });

// biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
const body = async (response: Response): Promise<{ data: any }> => okJson(response) as never;

describe.each(testTargets())("disputes and confirmations on $name", (target) => {
  const ctx = useApp(target);
  let analyst: TestAccount;
  let verifier: TestAccount;
  let otherNgo: TestAccount;
  const event = "/v1/events/disputed-delivery";

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

  beforeAll(async () => {
    const db = ctx.database.db;
    analyst = await createTestAccount(db, { kind: "ngo", name: "Watchdog NGO", roles: ["ngo_analyst"] });
    otherNgo = await createTestAccount(db, { kind: "ngo", name: "Another NGO", roles: ["ngo_analyst"] });
    verifier = await createTestAccount(db, {
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
      roles: ["recipient_verifier"],
    });
    // The tracker's administrator records a donor's published figures.
    for (const [path, record] of [
      [
        "/v1/commitments",
        {
          id: "disputed-line",
          donor: "FR",
          title: "Artillery shells",
          category: "ammunition",
          measure: eur("1000000"),
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "disputed-delivery",
          commitment: "disputed-line",
          stage: "delivered",
          date: "2024-05",
          measure: eur("800000"),
          confidence: "reported_by_donor",
          sources,
        },
      ],
      [
        "/v1/events",
        {
          id: "confirmed-delivery",
          commitment: "disputed-line",
          stage: "delivered",
          date: "2024-06",
          measure: eur("100000"),
          confidence: "reported_by_donor",
          sources,
        },
      ],
    ] as const) {
      expect((await send(ctx.app, "POST", path, record)).status).toBe(201);
    }
  });

  it("shows a dispute beside the disputed figure and in the record's history, until it is resolved", async () => {
    const opened = await post("/v1/disputes", analyst, {
      id: "watchdog-disputes-delivery",
      target: { kind: "event", id: "disputed-delivery" },
      statement: "Our count of delivered shells puts the value at EUR 500,000.",
      figure: eur("500000"),
      sources: [{ title: "Watchdog NGO delivery count", kind: "research" }],
    });
    expect(opened.status).toBe(201);
    expect((await body(opened)).data).toMatchObject({
      status: "open",
      organisation: analyst.organisation.id,
      by: { name: "Watchdog NGO", kind: "ngo" },
    });

    // Both figures, side by side, in the public representation of the record and of its commitment.
    const shown = (await body(await ctx.app.request(event))).data;
    expect(shown).toMatchObject({ measure: eur("800000"), disputed: true });
    expect(shown.disputes).toEqual([
      expect.objectContaining({
        id: "watchdog-disputes-delivery",
        figure: eur("500000"),
        statement: "Our count of delivered shells puts the value at EUR 500,000.",
        by: expect.objectContaining({ name: "Watchdog NGO" }),
      }),
    ]);
    const detail = (await body(await ctx.app.request("/v1/commitments/disputed-line"))).data;
    expect(detail.events.find((e: { id: string }) => e.id === "disputed-delivery").disputed).toBe(true);

    // A figure measured unlike the record's cannot stand beside it; another organisation cannot withdraw it.
    const unlike = await expectError(
      await post("/v1/disputes", analyst, {
        target: { kind: "event", id: "disputed-delivery" },
        statement: "Counted in shells.",
        figure: { kind: "quantity", count: "1000", unit: "rounds", item: "155 mm shells" },
        sources,
      }),
      422,
    );
    expect(unlike.details?.[0]).toMatchObject({ path: "figure" });
    await expectError(
      await post(
        "/v1/disputes/watchdog-disputes-delivery/withdraw",
        otherNgo,
        { resolution: "not ours to withdraw" },
        '"1"',
      ),
      403,
    );

    // The administrator resolves it: the dispute stays in the representation and history, no longer open.
    const resolved = await send(
      ctx.app,
      "POST",
      "/v1/disputes/watchdog-disputes-delivery/resolve",
      { outcome: "upheld", resolution: "The donor's own later report gives EUR 500,000" },
      { "if-match": '"1"' },
    );
    expect((await body(resolved)).data).toMatchObject({ status: "upheld", version: 2 });
    const after = (await body(await ctx.app.request(event))).data;
    expect(after.disputed).toBe(false);
    expect(after.disputes[0]).toMatchObject({ status: "upheld" });
    await expectError(
      await send(
        ctx.app,
        "POST",
        "/v1/disputes/watchdog-disputes-delivery/resolve",
        { outcome: "rejected", resolution: "twice" },
        { "if-match": '"2"' },
      ),
      409,
    );

    const history = await historyOf(ctx.app, event);
    const remarks = (history as unknown as { remarks: { kind: string; action: string; actor: string }[] })
      .remarks;
    expect(remarks.map((r) => [r.kind, r.action])).toEqual([
      ["dispute", "create"],
      ["dispute", "update"],
    ]);
    expect(remarks[0]?.actor).toBe('Watchdog NGO (API token "tests")');
  });

  it("records the recipient's confirmation, raising the delivery's confidence, in representation and history", async () => {
    const path = "/v1/events/confirmed-delivery";
    const confirmed = await post(
      `${path}/confirmations`,
      verifier,
      { received: "2024-06-20", note: "Received at the depot" },
      '"1"',
    );
    expect(confirmed.status).toBe(201);
    expect((await body(confirmed)).data).toMatchObject({ event: "confirmed-delivery", eventVersion: 1 });

    const shown = (await body(await ctx.app.request(path))).data;
    expect(shown).toMatchObject({ confidence: "confirmed_by_recipient", version: 2 });
    expect(shown.confirmations).toEqual([
      expect.objectContaining({
        received: "2024-06-20",
        by: expect.objectContaining({ name: "UA ministry" }),
      }),
    ]);
    const history = await historyOf(ctx.app, path);
    expect(history.versions.at(-1)).toMatchObject({
      action: "update",
      changes: [{ field: "confidence", before: "reported_by_donor", after: "confirmed_by_recipient" }],
      actor: 'UA ministry (API token "tests")',
    });
    const remarks = history.remarks;
    expect(remarks).toEqual([expect.objectContaining({ kind: "confirmation" })]);
    // One change set holds the confirmation and the raised confidence.
    expect(remarks[0]?.changeSet).toBe(history.versions.at(-1)?.changeSet);

    // A stale version is not confirmed; only deliveries are; and only the recipient's verifiers confirm.
    await expectError(await post(`${path}/confirmations`, verifier, {}, '"1"'), 412);
    await expectError(await post(`${path}/confirmations`, analyst, {}, '"2"'), 403);

    // The donor's ministry may correct its confirmed figure's note and keep the confirmation, but a changed figure
    // is its own report again. Its corrections of a published record are proposals for its approver: what each
    // would publish says so.
    const ministry = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
      roles: ["ministry_editor"],
    });
    const correct = (set: object, version: number) =>
      ctx.app.request(path, {
        method: "PATCH",
        headers: { "content-type": "application/json", "if-match": `"${version}"`, ...ministry.headers },
        body: JSON.stringify({ set, reason: "the ministry's later report" }),
      });
    const noted = await correct({ note: "Handed over at the border" }, 2);
    expect(noted.status).toBe(202);
    expect((await body(noted)).data.record.confidence).toBe("confirmed_by_recipient");
    const changed = await correct({ measure: eur("90000") }, 2);
    expect(changed.status).toBe(202);
    expect((await body(changed)).data.record.confidence).toBe("reported_by_donor");
  });

  it("refuses a dispute of a draft, which is not public yet: to others it does not exist", async () => {
    const ministry = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
      roles: ["ministry_editor"],
    });
    const draft = await post("/v1/events", ministry, {
      id: "draft-delivery",
      commitment: "disputed-line",
      stage: "delivered",
      date: "2024-07",
      measure: eur("1"),
      confidence: "reported_by_donor",
      sources,
    });
    expect(draft.status).toBe(201);
    const dispute = { target: { kind: "event", id: "draft-delivery" }, statement: "Premature.", sources };
    const hidden = await expectError(await post("/v1/disputes", analyst, dispute), 422);
    expect(hidden.message).toBe('No event "draft-delivery"');
    // The ministry that wrote it sees it, and is told why.
    const own = await expectError(await post("/v1/disputes", ministry, dispute), 409);
    expect(own.message).toBe('event "draft-delivery" is not published');
  });
});
