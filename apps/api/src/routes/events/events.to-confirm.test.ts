import { beforeAll, describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  send,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

// The recipient's verifiers' list of deliveries to confirm: GET /v1/events?recipient=&stage=delivered&confirmed=false.

const sources = [{ title: "Test fixture", kind: "research" }];
const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });
const commitment = (id: string, recipient: string) => ({
  id,
  donor: "DE",
  recipient,
  title: `Test line ${id}`,
  category: "air_defence",
  measure: eur("1000000"),
  sources,
});
const event = (id: string, line: string, stage: string, confidence = "reported_by_donor") => ({
  id,
  commitment: line,
  stage,
  date: "2024-05",
  measure: eur("100000"),
  confidence,
  sources,
});

describe.each(testTargets())("deliveries awaiting confirmation on $name", (target) => {
  const ctx = useApp(target);
  let verifier: TestAccount;

  beforeAll(async () => {
    verifier = await createTestAccount(ctx.database.db, {
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
      roles: ["recipient_verifier"],
    });
    for (const line of [commitment("to-ua", "UA"), commitment("to-md", "MD")])
      expect((await send(ctx.app, "POST", "/v1/commitments", line)).status).toBe(201);
    for (const record of [
      event("ua-waiting", "to-ua", "delivered"),
      event("ua-estimated", "to-ua", "delivered", "estimated"),
      event("ua-verified", "to-ua", "delivered", "independently_verified"),
      event("ua-to-confirm", "to-ua", "delivered"),
      event("ua-pledge", "to-ua", "pledged"),
      event("md-waiting", "to-md", "delivered"),
    ])
      expect((await send(ctx.app, "POST", "/v1/events", record)).status).toBe(201);
  });

  const list = async (query: string) =>
    ((await okJson(await ctx.app.request(`/v1/events?${query}`))) as { data: { id: string }[] }).data.map(
      (e) => e.id,
    );

  it("lists a recipient's deliveries not yet confirmed, and drops one once its verifier confirms it", async () => {
    const waiting = "recipient=UA&stage=delivered&confirmed=false";
    expect(await list(waiting)).toEqual(["ua-estimated", "ua-to-confirm", "ua-waiting"]);
    expect(await list("recipient=UA&stage=delivered&confirmed=true")).toEqual(["ua-verified"]);

    const confirmed = await ctx.app.request("/v1/events/ua-to-confirm/confirmations", {
      method: "POST",
      headers: { "content-type": "application/json", "if-match": '"1"', ...verifier.headers },
      body: JSON.stringify({ received: "2024-06-01", note: "At the depot" }),
    });
    expect(confirmed.status).toBe(201);
    expect(await list(waiting)).toEqual(["ua-estimated", "ua-waiting"]);
    expect(await list("recipient=UA&stage=delivered&confirmed=true")).toEqual([
      "ua-to-confirm",
      "ua-verified",
    ]);
    expect(await list("recipient=MD&confirmed=false")).toEqual(["md-waiting"]);
  });

  it("refuses a confirmed filter that is not true or false, naming the field", async () => {
    for (const value of ["yes", "0", ""]) {
      const refused = await expectError(await ctx.app.request(`/v1/events?confirmed=${value}`), 400);
      expect(refused.details?.[0]).toMatchObject({ location: "query", path: "confirmed" });
    }
  });
});
