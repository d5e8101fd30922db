import { createUser } from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  historyOf,
  signInAs,
  type TestAccount,
  testTargets,
  useApp,
} from "../test/testing.ts";

/*
 * Regressions of an independent probe of the running tracker (findings 4–8 of "Hold under valid-but-extreme values
 * and at every authority boundary"): two ministries of one country, their approvers, an analyst, the public.
 * Each test is the probe's finding, reproduced, and what must hold instead.
 */

const sources = [{ title: "Authority boundary fixture", kind: "official" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
// biome-ignore lint/suspicious/noExplicitAny: test reads of untyped responses
type Body = { data: any; error?: { code: string; message: string; details?: unknown } };

describe.each(testTargets())("authority boundaries on $name", (target) => {
  const ctx = useApp(target);
  // Two ministries of the same country (GB), each with an editor (an API token) and an approver (signed in).
  let defence: TestAccount;
  let finance: TestAccount;
  let france: TestAccount;
  let analyst: TestAccount;
  let verifier: TestAccount;
  let defenceApprover: Record<string, string>;
  let financeApprover: Record<string, string>;

  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
  const json = async (response: Response) => (await response.json()) as Body;
  const ok = async (response: Response, status = 200) => {
    expect(response.status, await response.clone().text()).toBe(status);
    return json(response);
  };
  const step = (path: string, status: string, version: number, headers: Record<string, string>) =>
    request("POST", `${path}/status`, { ...headers, "if-match": `"${version}"` }, { status });

  async function approverOf(account: TestAccount, name: string) {
    const person = {
      user: await createUser(ctx.database.db, {
        organisationId: account.organisation.id,
        email: `${name}@example.org`,
        name,
        password: `${name} password, long enough`,
        roles: ["ministry_approver"],
      }),
      password: `${name} password, long enough`,
    };
    return (await signInAs(ctx.app, person)).headers;
  }

  /** A commitment of ministry A's, drafted, submitted and published by its approver (version 3). */
  async function published(id: string, amount = "1000000") {
    await ok(
      await request("POST", "/v1/commitments", defence.headers, {
        id,
        donor: "GB",
        title: `Air defence line ${id}`,
        category: "air_defence.systems",
        measure: eur(amount),
        sources,
      }),
      201,
    );
    const path = `/v1/commitments/${id}`;
    await ok(await step(path, "submitted", 1, defence.headers));
    await ok(await step(path, "published", 2, defenceApprover));
    return path;
  }

  beforeAll(async () => {
    const db = ctx.database.db;
    const ministry = (name: string, party: string) =>
      createTestAccount(db, { kind: "partner_ministry", name, party, roles: ["ministry_editor"] });
    defence = await ministry("GB defence ministry", "GB");
    finance = await ministry("GB finance ministry", "GB");
    france = await ministry("FR ministry", "FR");
    analyst = await createTestAccount(db, { kind: "ngo", name: "Watchdog", roles: ["ngo_analyst"] });
    verifier = await createTestAccount(db, {
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
      roles: ["recipient_verifier"],
    });
    defenceApprover = await approverOf(defence, "defence-approver");
    financeApprover = await approverOf(finance, "finance-approver");
  });

  it("4: a ministry's correction or retraction of a published record waits for its own approver", async () => {
    const path = await published("gb-boundary-line");
    await ok(
      await request("POST", "/v1/events", defence.headers, {
        id: "gb-boundary-delivery",
        commitment: "gb-boundary-line",
        stage: "delivered",
        date: "2025-03",
        measure: eur("400000"),
        confidence: "reported_by_donor",
        sources,
      }),
      201,
    );
    const eventPath = "/v1/events/gb-boundary-delivery";
    await ok(await step(eventPath, "submitted", 1, defence.headers));
    await ok(await step(eventPath, "published", 2, defenceApprover));

    // The probe: the editor's write token sets 1,000,000 EUR to 1 EUR and retracts the delivery.
    const correction = await ok(
      await request(
        "PATCH",
        path,
        { ...defence.headers, "if-match": '"3"' },
        { set: { measure: eur("1") }, reason: "the ministry's report says 1 EUR" },
      ),
      202,
    );
    expect(correction.data).toMatchObject({
      target: { kind: "commitment", id: "gb-boundary-line" },
      kind: "correction",
      status: "submitted",
      baseVersion: 3,
      decided: null,
    });
    const retraction = await ok(
      await request(
        "POST",
        `${eventPath}/retract`,
        { ...defence.headers, "if-match": '"3"' },
        { reason: "the delivery did not happen" },
      ),
      202,
    );
    expect(retraction.data).toMatchObject({ kind: "retraction", status: "submitted" });

    // The public sees the published record until a person approves.
    const shown = await ok(await ctx.app.request(path));
    expect(shown.data.commitment).toMatchObject({ version: 3, measure: eur("1000000") });
    expect((await ok(await ctx.app.request(eventPath))).data).toMatchObject({ version: 3, retracted: false });

    // The approver sees what waits, and what it would change.
    const waiting = await ok(await request("GET", "/v1/proposals?status=submitted", defenceApprover));
    expect(waiting.data.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([correction.data.id, retraction.data.id]),
    );
    const detail = await ok(await request("GET", `/v1/proposals/${correction.data.id}`, defenceApprover));
    expect(detail.data).toMatchObject({
      current: true,
      changes: [{ field: "measure", before: eur("1000000"), after: eur("1") }],
    });

    // Nobody else decides it: not the editor's token, not another ministry of the same country.
    const decision = { status: "published", reason: "checked against the signed report" };
    await expectError(
      await request("POST", `/v1/proposals/${correction.data.id}/status`, defence.headers, decision),
      403,
    );
    await expectError(
      await request("POST", `/v1/proposals/${correction.data.id}/status`, financeApprover, decision),
      404,
    );
    await expectError(await request("GET", `/v1/proposals/${correction.data.id}`, finance.headers), 404);
    await expectError(await ctx.app.request(`/v1/proposals/${correction.data.id}`), 404);

    // The approver publishes the correction and returns the retraction, each with a reason.
    const decided = await ok(
      await request("POST", `/v1/proposals/${correction.data.id}/status`, defenceApprover, decision),
    );
    expect(decided.data).toMatchObject({
      status: "published",
      decision: "checked against the signed report",
      proposed: { by: 'GB defence ministry (API token "tests")', reason: "the ministry's report says 1 EUR" },
      decided: { by: "GB defence ministry (defence-approver)", reason: "checked against the signed report" },
    });
    await ok(
      await request("POST", `/v1/proposals/${retraction.data.id}/status`, defenceApprover, {
        status: "returned",
        reason: "the delivery is in the recipient's records",
      }),
    );
    expect((await ok(await ctx.app.request(path))).data.commitment).toMatchObject({
      version: 4,
      measure: eur("1"),
    });
    expect((await ok(await ctx.app.request(eventPath))).data).toMatchObject({ version: 3, retracted: false });

    // The history names who proposed and who published, and why; the returned retraction is the ministry's own.
    const history = await historyOf(ctx.app, path);
    expect(history.versions.at(-1)).toMatchObject({
      version: 4,
      actor:
        'GB defence ministry (defence-approver), publishing the proposal of GB defence ministry (API token "tests")',
      reason: "the ministry's report says 1 EUR",
      proposal: correction.data.id,
    });
    const publicEvent = await ok(await ctx.app.request(`${eventPath}/history`));
    expect(publicEvent.data.proposals).toEqual([]);
    const ownEvent = await ok(await request("GET", `${eventPath}/history`, defence.headers));
    expect(ownEvent.data.proposals).toMatchObject([
      {
        id: retraction.data.id,
        status: "returned",
        decided: { reason: "the delivery is in the recipient's records" },
      },
    ]);

    // A proposal based on a version that is no longer current is refused, and writes nothing.
    const stale = await ok(
      await request(
        "PATCH",
        path,
        { ...defence.headers, "if-match": '"4"' },
        { set: { title: "Retitled by the ministry" }, reason: "the title of the signed agreement" },
      ),
      202,
    );
    await ok(
      await request(
        "PATCH",
        path,
        { ...ctx.authorised, "if-match": '"4"' },
        { set: { title: "Retitled by the maintainers" }, reason: "the maintainers' correction, direct" },
      ),
    );
    const before = await ctx.changeSets();
    await expectError(
      await request("POST", `/v1/proposals/${stale.data.id}/status`, defenceApprover, decision),
      412,
    );
    expect(await ctx.changeSets()).toBe(before);
  });

  it("5: a draft belongs to the organisation that wrote it, not to every ministry of its country", async () => {
    const path = "/v1/commitments/gb-defence-draft";
    await ok(
      await request("POST", "/v1/commitments", defence.headers, {
        id: "gb-defence-draft",
        donor: "GB",
        title: "The defence ministry's own words",
        category: "air_defence.systems",
        measure: eur("2000"),
        sources,
      }),
      201,
    );
    // The other ministry of the same country neither sees, edits nor submits it.
    await expectError(await request("GET", `${path}?drafts=include`, finance.headers), 404);
    await expectError(await request("GET", `${path}/history`, finance.headers), 404);
    const listed = await ok(
      await request("GET", "/v1/commitments?donor=GB&drafts=include&limit=200", finance.headers),
    );
    expect(listed.data.map((c: { id: string }) => c.id)).not.toContain("gb-defence-draft");
    const edit = {
      set: { title: "Words the finance ministry wrote" },
      reason: "an edit by another ministry",
    };
    await expectError(await request("PATCH", path, { ...finance.headers, "if-match": '"1"' }, edit), 404);
    await expectError(await step(path, "submitted", 1, finance.headers), 404);

    // Once submitted, it still cannot edit and resubmit it, nor can its approver publish it.
    await ok(await step(path, "submitted", 1, defence.headers));
    await expectError(await request("PATCH", path, { ...finance.headers, "if-match": '"2"' }, edit), 404);
    await expectError(await step(path, "published", 2, financeApprover), 404);
    await expectError(
      await request(
        "POST",
        `${path}/retract`,
        { ...finance.headers, "if-match": '"2"' },
        { reason: "not ours" },
      ),
      404,
    );
    const published = await ok(await step(path, "published", 2, defenceApprover));
    expect(published.data.commitment).toMatchObject({
      title: "The defence ministry's own words",
      status: "published",
      version: 3,
    });
  });

  it("6: a record the caller may not see answers exactly as one that does not exist, before any comparison", async () => {
    const hidden = "gb-hidden-line";
    await ok(
      await request("POST", "/v1/commitments", defence.headers, {
        id: hidden,
        donor: "GB",
        title: "The hidden title",
        category: "air_defence.systems",
        measure: eur("3000"),
        sources,
      }),
      201,
    );
    await ok(
      await request("POST", "/v1/events", defence.headers, {
        id: `${hidden}-delivered`,
        commitment: hidden,
        stage: "delivered",
        date: "2025-04",
        measure: eur("300"),
        confidence: "reported_by_donor",
        sources,
      }),
      201,
    );
    const absent = "gb-absent-line";
    /** A response with the id at stake (and the request id) taken out: what is left may reveal nothing. */
    const seen = async (response: Response, id: string) => {
      const text = (await response.text()).replaceAll(id, "ID").replace(/"requestId":"[^"]*"/, "");
      return `${response.status} ${text}`;
    };
    const same = async (make: (id: string) => Response | Promise<Response>, label: string) => {
      const forHidden = await seen(await make(hidden), hidden);
      const forAbsent = await seen(await make(absent), absent);
      expect(forHidden, label).toBe(forAbsent);
      return forHidden;
    };
    for (const [who, headers] of [
      ["another GB ministry", finance.headers],
      ["the FR ministry", france.headers],
      ["an analyst", analyst.headers],
    ] as const) {
      const patched = await same(
        (id) =>
          request(
            "PATCH",
            `/v1/commitments/${id}`,
            { ...headers, "if-match": '"7"' },
            { set: { title: "A guess" }, reason: "probing the version" },
          ),
        `${who}: PATCH with a wrong If-Match`,
      );
      expect(patched).toMatch(/^404 /);
      await same((id) => step(`/v1/commitments/${id}`, "submitted", 7, headers), `${who}: status`);
      await same((id) => step(`/v1/commitments/${id}`, "published", 1, headers), `${who}: publish`);
      await same(
        (id) =>
          request(
            "POST",
            `/v1/commitments/${id}/retract`,
            { ...headers, "if-match": '"1"' },
            { reason: "probing" },
          ),
        `${who}: retract`,
      );
      await same((id) => request("GET", `/v1/commitments/${id}/history`, headers), `${who}: history`);
      await same(
        (id) =>
          request("POST", "/v1/disputes", headers, {
            target: { kind: "commitment", id },
            statement: "Probing whether it exists.",
            sources,
          }),
        `${who}: dispute`,
      );
      await same(
        (id) =>
          request("POST", "/v1/annotations", headers, {
            target: { kind: "commitment", id },
            text: "Probing.",
          }),
        `${who}: annotation`,
      );
      await same(
        (id) =>
          request("POST", "/v1/events", headers, {
            commitment: id,
            stage: "delivered",
            date: "2025-05",
            measure: eur("1"),
            confidence: "reported_by_donor",
            sources,
          }),
        `${who}: an event under it`,
      );
    }
    await same(
      (id) =>
        request(
          "POST",
          `/v1/events/${id}-delivered/confirmations`,
          { ...verifier.headers, "if-match": '"1"' },
          { received: "2025-04" },
        ),
      "the recipient: a confirmation",
    );

    // A dry-run import never compares the file with a record its importer may not see: a guessed title is
    // answered exactly as a wrong one, and no field is named.
    const file = async (title: string | null, commitment = hidden) => {
      let text = "";
      for await (const line of writeTemplateCsv([
        {
          commitments:
            title === null
              ? []
              : [
                  {
                    id: hidden,
                    donor: "GB",
                    recipient: "UA",
                    title,
                    category: "air_defence.systems",
                    measure: eur("3000"),
                    measureBasis: "total",
                    conditions: [],
                    sources,
                    synthetic: false,
                  },
                ],
          tranches: [],
          events: [
            {
              id: "gb-probe-event",
              commitment,
              stage: "delivered",
              date: "2025-04",
              measure: eur("300"),
              confidence: "reported_by_donor",
              sources,
              synthetic: false,
            },
          ],
        },
      ]))
        text += line;
      return text;
    };
    const dryRun = async (text: string) => {
      const response = await request(
        "POST",
        "/v1/imports?format=template-csv&dryRun=true",
        { ...finance.headers, "content-type": "text/csv" },
        text,
      );
      const body = (await response.json()) as {
        data: { problems: { row: number; column?: string; message: string }[] };
      };
      return body.data.problems;
    };
    const guessed = await dryRun(await file("The hidden title"));
    const wrong = await dryRun(await file("A wrong guess"));
    expect(guessed).toEqual(wrong);
    expect(guessed).toEqual([
      { row: 2, column: "id", value: hidden, message: "this id is taken: choose another" },
    ]);
    expect(JSON.stringify(guessed)).not.toMatch(/title|measure|hidden title/);
    // An event of the file under the hidden commitment: as under one that does not exist.
    const under = async (commitment: string) =>
      (await dryRun(await file(null, commitment))).map((p) => `${p.column}: ${p.message}`);
    expect(await under(hidden)).toEqual(await under("gb-no-such-line"));
    expect(await under(hidden)).toEqual([
      "commitment: no commitment with this id, in the file or the ledger",
    ]);
  });

  it("7: the public history lists published versions only, and never names who edited a draft", async () => {
    const path = "/v1/commitments/gb-history-line";
    await ok(
      await request("POST", "/v1/commitments", defence.headers, {
        id: "gb-history-line",
        donor: "GB",
        title: "A first, unpublished title",
        category: "air_defence.systems",
        measure: eur("5000"),
        sources,
      }),
      201,
    );
    await ok(
      await request(
        "PATCH",
        path,
        { ...defence.headers, "if-match": '"1"' },
        { set: { title: "The published title" }, reason: "the title of the signed agreement" },
      ),
    );
    await ok(await step(path, "submitted", 2, defence.headers));
    await ok(await step(path, "published", 3, defenceApprover));

    for (const headers of [{}, finance.headers, analyst.headers]) {
      const history = await ok(await request("GET", `${path}/history`, headers));
      const text = JSON.stringify(history);
      expect(text).not.toContain("A first, unpublished title");
      expect(text).not.toContain("API token");
      expect(
        history.data.versions.map((v: { version: number; status: string; actor: string }) => [
          v.version,
          v.status,
          v.actor,
        ]),
      ).toEqual([[4, "published", "GB defence ministry (defence-approver)"]]);
      expect(history.data.fields.title).toEqual([
        expect.objectContaining({ value: "The published title", version: 4 }),
      ]);
    }
    // The ministry that wrote it, and the tracker's administrators, see every version.
    for (const headers of [defence.headers, ctx.authorised]) {
      const history = await ok(await request("GET", `${path}/history`, headers));
      expect(history.data.versions.map((v: { action: string }) => v.action)).toEqual([
        "create",
        "update",
        "submit",
        "publish",
      ]);
      expect(history.data.versions[0].record.title).toBe("A first, unpublished title");
    }
  });
});
