import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestAccount, expectError, testTargets, useApp } from "../test/testing.ts";

/*
 * Regressions of an independent probe of the running tracker (findings 4–8 of "Hold under valid-but-extreme values
 * and at every authority boundary"): two ministries of one country, their approvers, an analyst, the public.
 * Each test is the probe's finding, reproduced, and what must hold instead.
 */

describe.each(testTargets())("hardening on $name", (target) => {
  // The built web app: its page, a script, and a source map a build might have left beside it.
  const dist = mkdtempSync(join(tmpdir(), "ct-web-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(
    join(dist, "index.html"),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dist, "assets/app.js"), "console.log('app');\n//# sourceMappingURL=app.js.map\n");
  writeFileSync(
    join(dist, "assets/app.js.map"),
    '{"version":3,"sources":["../src/main.tsx"],"sourcesContent":["secret"]}',
  );
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const ctx = useApp(target, {
    webDistDir: dist,
    trustProxy: true,
    publicOrigin: "https://tracker.example.org",
  });

  it("8a: every page the app serves carries a Content-Security-Policy", async () => {
    const policies: Record<string, string | null> = {};
    for (const path of [
      "/",
      "/?view=workspace",
      "/some/client/route",
      "/reference",
      "/embed/series?donor=GB",
      "/v1/charts/series.svg",
    ]) {
      const response = await ctx.app.request(path);
      expect(response.status, path).toBe(200);
      policies[path] = response.headers.get("content-security-policy");
    }
    for (const [path, policy] of Object.entries(policies)) {
      expect(policy, path).not.toBeNull();
      expect(policy, path).toMatch(/default-src '(self|none)'/);
      // No inline script, anywhere.
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
    expect(policies["/"]).toContain("script-src 'self'");
    expect(policies["/"]).toContain("frame-ancestors 'self'");
    expect(policies["/"]).not.toContain("unsafe-inline");
    expect(policies["/embed/series?donor=GB"]).toContain("frame-ancestors *");
  });

  it("8b: serves no source maps", async () => {
    expect((await ctx.app.request("/assets/app.js")).status).toBe(200);
    await expectError(await ctx.app.request("/assets/app.js.map"), 404);
  });

  it("8c: failed sign-ins slow an attacker's address, never lock the account holder out; successes never count", async () => {
    const holder = await createTestAccount(ctx.database.db, {
      kind: "ngo",
      name: "Holder",
      roles: ["ngo_analyst"],
    });
    const signIn = (password: string, address: string) =>
      ctx.app.request("/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ email: holder.user.email, password }),
      });
    // The probe: ten wrong passwords, from an address of the attacker's.
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(`wrong-${i}`, "203.0.113.9")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    // The account holder, from their own address, signs in at once.
    expect((await signIn(holder.password, "198.51.100.20")).status).toBe(200);
    // Successful sign-ins count toward nothing: more than the address may fail, in a row, then a wrong one is just wrong.
    for (let i = 0; i < 32; i++) expect((await signIn(holder.password, "198.51.100.20")).status).toBe(200);
    expect((await signIn("wrong-again", "198.51.100.20")).status).toBe(401);
  });

  it("8d: never copies Host or X-Forwarded-Host into links: the configured origin is named", async () => {
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const exported = await ctx.app.request("http://evil.example/v1/exports/records.csv?donor=GB", {
      headers: forged,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("x-citation")).toContain(
      "https://tracker.example.org/v1/exports/records.csv?donor=GB",
    );
    expect(exported.headers.get("link")).toBe(
      '<https://tracker.example.org/v1/exports/dictionary>; rel="describedby"',
    );
    const embed = await ctx.app.request("http://evil.example/embed/series?donor=GB", { headers: forged });
    const page = await embed.text();
    expect(page).toContain("https://tracker.example.org/v1/exports/records.csv?donor=GB");
    for (const text of [page, exported.headers.get("x-citation"), exported.headers.get("link")])
      expect(text).not.toContain("evil.example");
  });
});
