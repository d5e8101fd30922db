import { randomBytes } from "node:crypto";
import { schema } from "@commitments/db";
import { describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  okJson,
  signInAs,
  type TestAccount,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

type App = ReturnType<typeof useApp>["app"];

interface SessionBody {
  data: {
    user: { id: string; name: string; email: string } | null;
    organisation: { id: string; name: string; kind: string; party: string | null; demo: boolean };
    roles: string[];
    csrfToken: string | null;
    expiresAt: string | null;
  } | null;
}

/** Signs in, answering with whatever the API answers. */
async function signIn(app: App, email: string, password: string, base = "http://localhost") {
  return app.request(`${base}/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

/** The session cookie a sign-in set: its name, value and attributes. */
function sessionCookieOf(response: Response) {
  const cookies = response.headers.getSetCookie().filter((c) => /^(__Host-)?ct_session=/.test(c));
  expect(cookies).toHaveLength(1);
  const [pair = "", ...attributes] = (cookies[0] ?? "").split(/; */);
  const at = pair.indexOf("=");
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

/** A request with the session cookie and, unless left out, a JSON body. */
function withCookie(
  app: App,
  method: string,
  path: string,
  cookie: string,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  return app.request(path, {
    method,
    headers: {
      cookie,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function currentUser(app: App, cookie: string) {
  const response = await app.request("/v1/session", { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as SessionBody).data;
}

const strongPassword = () => `pw-${randomBytes(12).toString("base64url")}`;

describe.each(testTargets())("session on $name", (target) => {
  const ctx = useApp(target);
  const account = (roles: ("ngo_analyst" | "ministry_editor" | "ministry_approver")[] = ["ngo_analyst"]) =>
    roles.includes("ngo_analyst")
      ? createTestAccount(ctx.database.db, { kind: "ngo", name: "Watchdog", roles })
      : createTestAccount(ctx.database.db, { kind: "partner_ministry", name: "MoD", party: "GB", roles });

  it("signs in with the right password: an HttpOnly, SameSite=Strict cookie, the roles and a CSRF token", async () => {
    const ngo = await account();
    const response = await signIn(ctx.app, ngo.user.email.toUpperCase(), ngo.password);
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie.name).toBe("ct_session");
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(cookie.attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Path=/"]));
    expect(cookie.attributes).not.toContain("Secure");
    const { data } = (await response.json()) as SessionBody;
    expect(data).toMatchObject({
      user: { id: ngo.user.id, email: ngo.user.email },
      organisation: { id: ngo.organisation.id, kind: "ngo", name: "Watchdog" },
      roles: ["ngo_analyst"],
    });
    expect(data?.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(data?.csrfToken).not.toBe(cookie.value);
    expect(Date.parse(data?.expiresAt ?? "")).toBeGreaterThan(Date.now());
  });

  it("over TLS names the cookie __Host-ct_session, Secure, for the whole site", async () => {
    const ngo = await account();
    const response = await signIn(ctx.app, ngo.user.email, ngo.password, "https://localhost");
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie.name).toBe("__Host-ct_session");
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(["HttpOnly", "SameSite=Strict", "Secure", "Path=/"]),
    );
    expect(cookie.attributes.some((a) => a.toLowerCase().startsWith("domain="))).toBe(false);
    const { data } = (await response.json()) as SessionBody;

    // The browser sends it back under the same name, and it authenticates, writes included.
    const cookieHeader = `__Host-ct_session=${cookie.value}`;
    const me = await ctx.app.request("https://localhost/v1/session", { headers: { cookie: cookieHeader } });
    expect(((await me.json()) as SessionBody).data?.user?.id).toBe(ngo.user.id);
    const signOut = await ctx.app.request("https://localhost/v1/session", {
      method: "DELETE",
      headers: {
        cookie: cookieHeader,
        "x-csrf-token": data?.csrfToken ?? "",
        origin: "https://localhost",
      },
    });
    expect(signOut.status).toBe(200);
    expect(await signOut.json()).toEqual({ data: { signedOut: true } });
    const cleared = signOut.headers.getSetCookie().find((c) => c.startsWith("__Host-ct_session="));
    expect(cleared).toMatch(/Max-Age=0/);
  });

  it("refuses a wrong password and an unknown e-mail alike (401), setting no cookie", async () => {
    const ngo = await account();
    const wrong = await signIn(ctx.app, ngo.user.email, `${ngo.password}x`);
    const wrongError = await expectError(wrong, 401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await signIn(
      ctx.app,
      `nobody-${randomBytes(4).toString("hex")}@example.org`,
      ngo.password,
    );
    const unknownError = await expectError(unknown, 401);
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect(unknownError.message).toBe(wrongError.message);
    expect(unknownError.details).toEqual(wrongError.details);
    // Malformed credentials are a 400, not a guess.
    await expectError(
      await ctx.app.request("/v1/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: ngo.user.email }),
      }),
      400,
    );
  });

  it("says who is signed in: the user with the cookie, the token's organisation with a token, null for the public", async () => {
    const ngo = await account();
    const session = await signInAs(ctx.app, ngo);
    const data = await currentUser(ctx.app, session.cookie);
    expect(data).toMatchObject({
      user: { id: ngo.user.id, email: ngo.user.email, name: ngo.user.name },
      organisation: { id: ngo.organisation.id },
      roles: ["ngo_analyst"],
      csrfToken: session.csrfToken,
    });
    expect(await okJson(await ctx.client.v1.session.$get())).toEqual({ data: null });
    // A cookie that is no session is the public's, and is cleared.
    const stale = await ctx.app.request("/v1/session", { headers: { cookie: "ct_session=not-a-session" } });
    expect(await stale.json()).toEqual({ data: null });
    expect(stale.headers.getSetCookie().some((c) => /^ct_session=;.*Max-Age=0/.test(c))).toBe(true);
    const byToken = await ctx.app.request("/v1/session", { headers: ngo.headers });
    expect(((await byToken.json()) as SessionBody).data).toMatchObject({
      user: null,
      organisation: { id: ngo.organisation.id },
      csrfToken: null,
    });
  });

  it("refuses cookie-borne writes without the CSRF token, with a wrong one or from another site; writes nothing", async () => {
    const ngo = await account();
    const session = await signInAs(ctx.app, ngo);
    const [commitment] = (await okJson(await ctx.client.v1.commitments.$get({ query: { limit: "1" } }))).data;
    if (!commitment) throw new Error("no commitment");
    const note = {
      target: { kind: "commitment", id: commitment.id },
      text: "Delivery slower than announced (test)",
    };
    const before = await ctx.changeSets();
    const csrfRefusals = async () =>
      (await ctx.database.db.select().from(schema.authEvents)).filter(
        (e) => e.kind === "forbidden" && e.detail?.includes("X-CSRF-Token"),
      ).length;
    const refusalsBefore = await csrfRefusals();
    const tokensBefore = await okJson(
      await ctx.client.v1.tokens.$get(undefined, { headers: { cookie: session.cookie } }),
    );

    const missing = await expectError(
      await withCookie(ctx.app, "POST", "/v1/annotations", session.cookie, {}, note),
      403,
    );
    expect(missing.details?.[0]).toMatchObject({ location: "header", path: "x-csrf-token" });
    const wrong = await expectError(
      await withCookie(
        ctx.app,
        "POST",
        "/v1/annotations",
        session.cookie,
        { "x-csrf-token": "A".repeat(43) },
        note,
      ),
      403,
    );
    expect(wrong.details?.[0]).toMatchObject({ location: "header", path: "x-csrf-token" });
    const foreign = await expectError(
      await withCookie(
        ctx.app,
        "POST",
        "/v1/annotations",
        session.cookie,
        { "x-csrf-token": session.csrfToken, origin: "https://evil.example" },
        note,
      ),
      403,
    );
    expect(foreign.details?.[0]).toMatchObject({ location: "header", path: "origin" });
    // Another session's CSRF token is no good either.
    const other = await signInAs(ctx.app, ngo);
    await expectError(
      await withCookie(
        ctx.app,
        "POST",
        "/v1/tokens",
        session.cookie,
        { "x-csrf-token": other.csrfToken },
        { name: "uploads", scopes: ["read"], expiresInDays: 30 },
      ),
      403,
    );
    await expectError(
      await withCookie(
        ctx.app,
        "POST",
        "/v1/tokens",
        session.cookie,
        {},
        { name: "uploads", scopes: ["read"], expiresInDays: 30 },
      ),
      403,
    );
    expect(await ctx.changeSets()).toBe(before);
    expect(
      await okJson(await ctx.client.v1.tokens.$get(undefined, { headers: { cookie: session.cookie } })),
    ).toEqual(tokensBefore);
    // Each refusal is logged as an auth event (the cross-site one with its own reason).
    expect(await csrfRefusals()).toBe(refusalsBefore + 4);

    // With the right token (and this site's Origin, or none) the same writes go through.
    const annotated = await withCookie(
      ctx.app,
      "POST",
      "/v1/annotations",
      session.cookie,
      { "x-csrf-token": session.csrfToken, origin: "http://localhost" },
      note,
    );
    expect(annotated.status).toBe(201);
    expect(await ctx.changeSets()).toBe(before + 1);
    const created = await withCookie(
      ctx.app,
      "POST",
      "/v1/tokens",
      session.cookie,
      { "x-csrf-token": session.csrfToken },
      { name: "uploads", scopes: ["read"], expiresInDays: 30 },
    );
    expect(created.status).toBe(201);
  });

  it("signs out: the cookie no longer authenticates", async () => {
    const ngo = await account();
    const session = await signInAs(ctx.app, ngo);
    const other = await signInAs(ctx.app, ngo);
    // Signing out is a write: it needs the CSRF token too.
    await expectError(await withCookie(ctx.app, "DELETE", "/v1/session", session.cookie), 403);
    expect((await currentUser(ctx.app, session.cookie))?.user?.id).toBe(ngo.user.id);

    const out = await withCookie(ctx.app, "DELETE", "/v1/session", session.cookie, {
      "x-csrf-token": session.csrfToken,
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ data: { signedOut: true } });
    expect(out.headers.getSetCookie().some((c) => /^ct_session=;.*Max-Age=0/.test(c))).toBe(true);
    expect(await currentUser(ctx.app, session.cookie)).toBeNull();
    await expectError(
      await withCookie(
        ctx.app,
        "POST",
        "/v1/tokens",
        session.cookie,
        { "x-csrf-token": session.csrfToken },
        { name: "after sign-out", scopes: ["read"], expiresInDays: 1 },
      ),
      401,
    );
    // The other session lives on.
    expect((await currentUser(ctx.app, other.cookie))?.user?.id).toBe(ngo.user.id);
    // Signing out without a session is harmless.
    expect(await (await ctx.app.request("/v1/session", { method: "DELETE" })).json()).toEqual({
      data: { signedOut: false },
    });
  });

  it("signs out everywhere: every session of the user ends, others' stay", async () => {
    const ngo = await account();
    const bystander = await account();
    const first = await signInAs(ctx.app, ngo);
    const second = await signInAs(ctx.app, ngo);
    const theirs = await signInAs(ctx.app, bystander);

    await expectError(
      await ctx.app.request("/v1/session/sign-out-everywhere", { method: "POST", headers: ngo.headers }),
      403,
    );
    await expectError(await ctx.app.request("/v1/session/sign-out-everywhere", { method: "POST" }), 401);
    const everywhere = await withCookie(ctx.app, "POST", "/v1/session/sign-out-everywhere", first.cookie, {
      "x-csrf-token": first.csrfToken,
    });
    expect(everywhere.status).toBe(200);
    expect(await everywhere.json()).toEqual({ data: { revoked: 2 } });
    expect(await currentUser(ctx.app, first.cookie)).toBeNull();
    expect(await currentUser(ctx.app, second.cookie)).toBeNull();
    expect((await currentUser(ctx.app, theirs.cookie))?.user?.id).toBe(bystander.user.id);
    // The user's API token is no session: it still works.
    const byToken = await ctx.app.request("/v1/session", { headers: ngo.headers });
    expect(((await byToken.json()) as SessionBody).data?.organisation.id).toBe(ngo.organisation.id);
  });

  it("changes the password: wrong current 403, weak new 400, right 200 and every session ends", async () => {
    const ngo = await account();
    const first = await signInAs(ctx.app, ngo);
    const second = await signInAs(ctx.app, ngo);
    const change = (body: unknown, headers: Record<string, string> = { "x-csrf-token": first.csrfToken }) =>
      withCookie(ctx.app, "POST", "/v1/session/password", first.cookie, headers, body);
    const next = strongPassword();

    const wrong = await expectError(await change({ current: `${ngo.password}x`, next }), 403);
    expect(wrong.details?.[0]).toMatchObject({ location: "json", path: "current" });
    const weak = await expectError(await change({ current: ngo.password, next: "short" }), 400);
    expect(weak.details?.[0]).toMatchObject({ location: "json", path: "next" });
    const samey = await expectError(await change({ current: ngo.password, next: "abababababababab" }), 400);
    expect(samey.details?.[0]).toMatchObject({ location: "json", path: "next" });
    await expectError(await change({ current: ngo.password, next }, {}), 403);
    await expectError(
      await ctx.app.request("/v1/session/password", {
        method: "POST",
        headers: { ...ngo.headers, "content-type": "application/json" },
        body: JSON.stringify({ current: ngo.password, next }),
      }),
      403,
    );
    // None of the refusals changed it, or ended a session.
    expect((await currentUser(ctx.app, second.cookie))?.user?.id).toBe(ngo.user.id);
    await expectError(await signIn(ctx.app, ngo.user.email, next), 401);

    const changed = await change({ current: ngo.password, next });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ data: { changed: true } });
    expect(await currentUser(ctx.app, first.cookie)).toBeNull();
    expect(await currentUser(ctx.app, second.cookie)).toBeNull();
    await expectError(await signIn(ctx.app, ngo.user.email, ngo.password), 401);
    const again = await signInAs(ctx.app, { user: ngo.user, password: next });
    expect((await currentUser(ctx.app, again.cookie))?.user?.id).toBe(ngo.user.id);
  });

  it("records failed sign-ins with the e-mail, never the password", async () => {
    const ngo = await account();
    const guess = `guess-${randomBytes(9).toString("base64url")}`;
    const unknownEmail = `Nobody-${randomBytes(4).toString("hex")}@Example.org`;
    await expectError(await signIn(ctx.app, ngo.user.email, guess), 401);
    await expectError(await signIn(ctx.app, unknownEmail, guess), 401);
    await signInAs(ctx.app, ngo);

    const events = await ctx.database.db.select().from(schema.authEvents);
    const failed = events.filter((e) => e.kind === "sign_in_failed");
    expect(failed.map((e) => e.email)).toEqual(
      expect.arrayContaining([ngo.user.email, unknownEmail.toLowerCase()]),
    );
    expect(events.filter((e) => e.kind === "signed_in").map((e) => e.email)).toContain(ngo.user.email);
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(guess);
    expect(stored).not.toContain(ngo.password);
  });
});

describe.each(testTargets())("sign-in rate limits on $name", (target) => {
  const ctx = useApp(target, {
    limits: {
      // Long waits and windows, so that none runs out during the test.
      signInBackoff: { freeFailures: 3, baseDelaySeconds: 60 * 60, maxDelaySeconds: 24 * 60 * 60 },
      signInPerAddress: { limit: 8, windowSeconds: 24 * 60 * 60 },
    },
  });
  let ngo: TestAccount;

  it("slows the 4th attempt for one account from one address (429, Retry-After), even with the right password", async () => {
    ngo = await createTestAccount(ctx.database.db, { kind: "ngo", name: "Watchdog", roles: ["ngo_analyst"] });
    for (let attempt = 0; attempt < 3; attempt++) {
      await expectError(await signIn(ctx.app, ngo.user.email, `wrong-${attempt}`), 401);
    }
    // Whatever the e-mail's case or spacing: it is one account.
    const limited = await signIn(ctx.app, ` ${ngo.user.email.toUpperCase()}`, ngo.password);
    const error = await expectError(limited, 429);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    expect(error.message).toContain(`${retryAfter} seconds`);
    expect(limited.headers.getSetCookie()).toEqual([]);
    // Asked again meanwhile: still slowed, recorded once.
    await expectError(await signIn(ctx.app, ngo.user.email, ngo.password), 429);

    const events = await ctx.database.db.select().from(schema.authEvents);
    expect(events.filter((e) => e.kind === "sign_in_failed" && e.email === ngo.user.email)).toHaveLength(3);
    expect(events.filter((e) => e.kind === "rate_limited")).toHaveLength(1);
    expect(events.some((e) => e.kind === "signed_in")).toBe(false);
  });

  it("caps failed sign-ins from one address across accounts; successful ones never count", async () => {
    // 3 failures so far from this (in-process) address (the slowed attempts were not password checks).
    const other = await createTestAccount(ctx.database.db, {
      kind: "ngo",
      name: "Other",
      roles: ["ngo_analyst"],
    });
    for (let attempt = 0; attempt < 10; attempt++) await signInAs(ctx.app, other);
    for (let attempt = 0; attempt < 5; attempt++) {
      await expectError(await signIn(ctx.app, `someone-${attempt}@example.org`, "wrong-password"), 401);
    }
    const limited = await signIn(ctx.app, "someone-else@example.org", "wrong-password");
    await expectError(limited, 429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe.each(testTargets())("behind a reverse proxy on $name", (target) => {
  const trusting = useApp(target, { trustProxy: true });
  const direct = useApp(target);
  const viaProxy = { "x-forwarded-proto": "https", "x-forwarded-host": "tracker.example.org" };

  const signInVia = (app: App, account: TestAccount, headers: Record<string, string>) =>
    app.request("http://10.0.0.5:3000/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email: account.user.email, password: account.password }),
    });

  it("takes TLS and the site's origin from a trusted proxy's headers, and from nobody else", async () => {
    const account = await createTestAccount(trusting.database.db, {
      kind: "ngo",
      name: "NGO",
      roles: ["ngo_analyst"],
    });
    const signedIn = await signInVia(trusting.app, account, viaProxy);
    const cookie = sessionCookieOf(signedIn);
    expect(cookie.name).toBe("__Host-ct_session");
    expect(cookie.attributes).toContain("Secure");
    const { data } = (await signedIn.json()) as SessionBody;
    // The browser's Origin is the public site's, which the proxy's headers name.
    const write = await trusting.app.request("http://10.0.0.5:3000/v1/annotations", {
      method: "POST",
      headers: {
        ...viaProxy,
        "content-type": "application/json",
        cookie: `${cookie.name}=${cookie.value}`,
        origin: "https://tracker.example.org",
        "x-csrf-token": data?.csrfToken ?? "",
      },
      body: JSON.stringify({
        target: { kind: "agreement", id: "uk-ukraine-security-cooperation-2024" },
        text: "A note.",
      }),
    });
    expect(write.status).toBe(201);

    // Without TRUST_PROXY the same headers change nothing: a client cannot claim TLS or another origin.
    const other = await createTestAccount(direct.database.db, {
      kind: "ngo",
      name: "NGO",
      roles: ["ngo_analyst"],
    });
    expect(sessionCookieOf(await signInVia(direct.app, other, viaProxy)).name).toBe("ct_session");
  });
});
