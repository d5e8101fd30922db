import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimSignInAttempt, forgetSignInFailures } from "./sign-in-backoff.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

describe.each(testTargets())("sign-in back-off on $name", (target) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  const backoff = { freeFailures: 3, baseDelaySeconds: 1, maxDelaySeconds: 60 };
  const at = Date.parse("2026-01-01T12:00:00Z");
  const claim = (address: string, now: number, email = "holder@example.org") =>
    claimSignInAttempt(handle.db, email, address, backoff, now);

  it("lets the free failures through, then doubles the wait from the last failure, up to the cap", async () => {
    for (let i = 0; i < 3; i++) expect(await claim("192.0.2.1", at)).toEqual({ allowed: true });
    // Three failures: the fourth attempt waits 1 s, then 2 s after the fourth, 4 s after the fifth.
    expect(await claim("192.0.2.1", at)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await claim("192.0.2.1", at + 1000)).toEqual({ allowed: true });
    expect(await claim("192.0.2.1", at + 1500)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(await claim("192.0.2.1", at + 3000)).toEqual({ allowed: true });
    expect(await claim("192.0.2.1", at + 3000)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    let now = at + 3000;
    for (let i = 0; i < 10; i++) {
      const refused = await claim("192.0.2.1", now);
      if (refused.allowed) throw new Error("expected a wait");
      now += refused.retryAfterSeconds * 1000;
      expect(await claim("192.0.2.1", now)).toEqual({ allowed: true });
    }
    expect(await claim("192.0.2.1", now)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("never slows the same account from another address, nor another account from the same one", async () => {
    expect(await claim("198.51.100.7", at)).toEqual({ allowed: true });
    expect(await claim("192.0.2.1", at + 3000, "someone-else@example.org")).toEqual({ allowed: true });
  });

  it("forgets an address's failures on a successful sign-in, and every failure after a day", async () => {
    await forgetSignInFailures(handle.db, "holder@example.org", "192.0.2.1");
    for (let i = 0; i < 3; i++) expect(await claim("192.0.2.1", at)).toEqual({ allowed: true });
    expect((await claim("192.0.2.1", at)).allowed).toBe(false);
    expect(await claim("192.0.2.1", at + 24 * 60 * 60 * 1000 + 1000)).toEqual({ allowed: true });
  });
});
