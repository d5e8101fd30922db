import { commitmentEntity, createRecords, eventEntity, trancheEntity, withChangeSet } from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError, okJson, testTargets, useApp } from "../../../test/testing.ts";

const sources = [{ title: "Test fixture, not a real figure", kind: "research" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });
const line = {
  id: "test-fulfilment-line",
  donor: "PL",
  recipient: "UA",
  title: "A test funding line",
  category: "funding.grants" as const,
  measure: eur("1000"),
  measureBasis: "total" as const,
  conditions: [],
  sources,
  synthetic: true,
};
const event = (id: string, stage: "committed" | "delivered", date: string, amount: string) => ({
  id,
  commitment: line.id,
  stage,
  date,
  measure: eur(amount),
  confidence: "reported_by_donor" as const,
  sources,
  synthetic: true,
});

describe.each(testTargets())("fulfilment on $name", (target) => {
  const ctx = useApp(target);
  let beforeEvents = "";
  beforeAll(async () => {
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, async (tx, cs) => {
      await createRecords(tx, cs, commitmentEntity, [line]);
      await createRecords(tx, cs, trancheEntity, [
        { id: "test-fulfilment-t1", commitment: line.id, position: 0, due: "2024-01", measure: eur("500") },
        { id: "test-fulfilment-t2", commitment: line.id, position: 1, due: "2024-06", measure: eur("500") },
      ]);
    });
    beforeEvents = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await withChangeSet(ctx.database.db, { actor: "test", origin: "api" }, (tx, cs) =>
      createRecords(tx, cs, eventEntity, [
        event("test-fulfilment-c", "committed", "2023-12-01", "1000"),
        event("test-fulfilment-d1", "delivered", "2024-02-15", "300"),
        event("test-fulfilment-d2", "delivered", "2024-04-30", "200"),
      ]),
    );
  });
  const one = async (query: Record<string, string>) =>
    (await okJson(await ctx.client.v1.commitments[":id"].fulfilment.$get({ param: { id: line.id }, query })))
      .data;

  it("gives a commitment's ratio, adherence, delay and projected completion in its own measure", async () => {
    const row = await one({ on: "2024-07-01" });
    expect(row).toMatchObject({ commitment: line.id, donor: "PL", measure: eur("1000"), problem: null });
    expect(row.fulfilment).toEqual({
      on: "2024-07-01",
      promised: "1000",
      delivered: "500",
      ratio: 0.5,
      excess: "0",
      scheduled: "1000",
      adherence: 0.5,
      // The June tranche (due by 2024-06-30) is not covered: one day late on 1 July.
      delayDays: 1,
      // 500 delivered in the 137 days since the first delivery: the other 500 in 137 more.
      completion: { date: "2024-11-15", projected: true },
    });
  });

  it("takes another stage pair, and reads the ledger as of a moment", async () => {
    const committed = await one({ on: "2024-07-01", promised: "committed", delivered: "committed" });
    expect(committed.fulfilment).toMatchObject({
      ratio: 1,
      completion: { date: "2023-12-01", projected: false },
    });
    const earlier = await one({ on: "2024-07-01", asOf: beforeEvents });
    expect(earlier.fulfilment).toMatchObject({ promised: "0", delivered: "0", ratio: null, delayDays: 152 });
  });

  it("lists one row per commitment, filtered and paginated", async () => {
    const page = await okJson(
      await ctx.client.v1.fulfilment.$get({ query: { donor: "PL", category: "funding", on: "2024-07-01" } }),
    );
    expect(page.data.map((r) => r.commitment)).toContain(line.id);
    expect(page.data.every((r) => r.donor === "PL")).toBe(true);
    expect(page.data.find((r) => r.commitment === line.id)?.fulfilment?.ratio).toBe(0.5);
    const first = await okJson(await ctx.client.v1.fulfilment.$get({ query: { limit: "1" } }));
    expect(first.data).toHaveLength(1);
    expect(first.page.next).toBe(first.data[0]?.commitment);
  });

  it("answers 404 and 400 in the error contract, naming the field", async () => {
    await expectError(await ctx.app.request("/v1/commitments/no-such-line/fulfilment"), 404);
    const on = await expectError(
      await ctx.app.request(`/v1/commitments/${line.id}/fulfilment?on=2024-02-30`),
      400,
    );
    expect(on.details?.[0]).toMatchObject({ location: "query", path: "on" });
    const stage = await expectError(await ctx.app.request("/v1/fulfilment?delivered=shipped"), 400);
    expect(stage.details?.[0]).toMatchObject({ location: "query", path: "delivered" });
  });
});
