import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "./entities.ts";
import { countRequest } from "./rate-limits.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

describe.each(testTargets())("rate limits on $name", (target) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  const minute = { limit: 3, windowSeconds: 60 };
  // 20 s into a minute, so 40 s remain of its window.
  const at = Date.parse("2026-01-01T12:00:20Z");

  it("allows the limit per bucket and window, then refuses with the seconds left", async () => {
    const decisions = [];
    for (let i = 0; i < 4; i++)
      decisions.push(await countRequest(handle.db, "address:192.0.2.1", minute, at));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.count)).toEqual([1, 2, 3, 4]);
    expect(decisions[3]?.retryAfterSeconds).toBe(40);
    // Another bucket, and the same bucket's next window, start afresh.
    expect((await countRequest(handle.db, "address:192.0.2.2", minute, at)).count).toBe(1);
    expect((await countRequest(handle.db, "address:192.0.2.1", minute, at + 60_000)).count).toBe(1);
  });

  it("sweeps the bucket's older windows, and every bucket's windows over a day old", async () => {
    const dayLater = at + 24 * 60 * 60 * 1000 + 60_000;
    await countRequest(handle.db, "address:192.0.2.3", minute, dayLater - 120_000);
    await countRequest(handle.db, "address:192.0.2.9", minute, dayLater);
    const left = rowsOf<{ bucket: string; window_start: string }>(
      await handle.db.execute(sql`select bucket, window_start from rate_limits order by bucket`),
    );
    // The windows of 12:00 and 12:01 a day earlier are gone; the one two minutes old is not.
    expect(left.map((row) => row.bucket)).toEqual(["address:192.0.2.3", "address:192.0.2.9"]);
  });
});
