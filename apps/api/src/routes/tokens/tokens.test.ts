import { randomBytes } from "node:crypto";
import { createApiToken, schema } from "@commitments/db";
import { describe, expect, it } from "vitest";
import {
  createTestAccount,
  expectError,
  signInAs,
  type TestSession,
  testTargets,
  useApp,
} from "../../../test/testing.ts";

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const sources = [{ title: "Test fixture", kind: "research" }];
/** A British commitment to Ukraine, as a ministry's upload would send it. */
const upload = (title = `Air defence support ${randomBytes(3).toString("hex")} (test)`) => ({
  donor: "GB",
  recipient: "UA",
  title,
  category: "funding.budget_support",
  measure: { kind: "money", amount: "250000000", currency: "GBP" },
  period: { start: "2025", end: "2026" },
  sources,
});

describe.each(testTargets())("API tokens on $name", (target) => {
  const ctx = useApp(target);

  const request = (
    method: "GET" | "POST",
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Response> =>
    Promise.resolve(
      ctx.app.request(path, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function listTokens(session: TestSession): Promise<TokenView[]> {
    const response = await request("GET", "/v1/tokens", { cookie: session.cookie });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: TokenView[] }).data;
  }

  async function createToken(
    session: TestSession,
    body: { name: string; scopes: string[]; expiresInDays: number },
  ): Promise<TokenView & { token: string }> {
    const response = await request("POST", "/v1/tokens", session.headers, body);
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: TokenView & { token: string } }).data;
  }

  async function uploadWith(token: string, body = upload()) {
    return request("POST", "/v1/commitments", bearer(token), body);
  }

  /** A GB ministry with a user of the given roles, signed in. */
  async function ministry(roles: ("ministry_editor" | "ministry_approver")[]) {
    const account = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: `UK Ministry of Defence ${randomBytes(3).toString("hex")}`,
      party: "GB",
      roles,
    });
    return { account, session: await signInAs(ctx.app, account) };
  }

  it("lets a ministry editor create a token, upload drafts with it, and revoke it", async () => {
    // The administrator sets up the ministry and its editor.
    const organisation = await request("POST", "/v1/organisations", ctx.authorised, {
      kind: "partner_ministry",
      name: "UK Ministry of Defence",
      party: "GB",
    });
    expect(organisation.status).toBe(201);
    const { data: org } = (await organisation.json()) as { data: { id: string } };
    const password = `pw-${randomBytes(12).toString("base64url")}`;
    const email = `editor-${randomBytes(4).toString("hex")}@mod.example`;
    const user = await request("POST", `/v1/organisations/${org.id}/users`, ctx.authorised, {
      email,
      name: "Test Editor",
      roles: ["ministry_editor"],
      password,
    });
    expect(user.status).toBe(201);
    const { data: editor } = (await user.json()) as { data: { id: string; initialPassword: string | null } };
    expect(editor.initialPassword).toBeNull();

    // The editor signs in and creates a write token: shown once, in full.
    const session = await signInAs(ctx.app, { user: { email }, password });
    expect(await listTokens(session)).toEqual([]);
    const created = await createToken(session, {
      name: "Nightly upload",
      scopes: ["read", "write"],
      expiresInDays: 90,
    });
    expect(created.token).toMatch(/^ct_[\w-]{43}$/);
    expect(created).toMatchObject({
      name: "Nightly upload",
      prefix: created.token.slice(0, 8),
      scopes: ["read", "write"],
      createdBy: editor.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    const expiresIn = Date.parse(created.expiresAt ?? "") - Date.now();
    expect(expiresIn).toBeGreaterThan(89 * 24 * 60 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(90 * 24 * 60 * 60 * 1000);

    // Listed, never shown again.
    const listed = await listTokens(session);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual({ ...created, token: undefined });
    expect(listed[0]).not.toHaveProperty("token");
    const listing = await (await request("GET", "/v1/tokens", { cookie: session.cookie })).text();
    expect(listing).not.toContain(created.token);
    expect(listing).not.toContain(created.token.slice(3));

    // An upload with it is the ministry's draft, not public.
    const before = await ctx.changeSets();
    const uploaded = await uploadWith(created.token);
    expect(uploaded.status).toBe(201);
    const { data } = (await uploaded.json()) as { data: { commitment: { id: string; status: string } } };
    expect(data.commitment).toMatchObject({ donor: "GB", recipient: "UA", status: "draft" });
    expect(await ctx.changeSets()).toBe(before + 1);
    await expectError(await ctx.app.request(`/v1/commitments/${data.commitment.id}`), 404);
    const draft = await request(
      "GET",
      `/v1/commitments/${data.commitment.id}?drafts=include`,
      bearer(created.token),
    );
    expect(draft.status).toBe(200);

    const [used] = await listTokens(session);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(Date.parse(used?.lastUsedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(created.createdAt));

    // Revoked: refused from then on, and nothing written.
    const revoked = await request("POST", `/v1/tokens/${created.id}/revoke`, session.headers);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ data: { revoked: true } });
    const afterRevoke = await ctx.changeSets();
    const refused = await uploadWith(created.token);
    const error = await expectError(refused, 401);
    expect(error.details?.[0]).toMatchObject({ location: "header", path: "authorization" });
    expect(refused.headers.get("www-authenticate")).toMatch(/invalid_token/);
    expect(await ctx.changeSets()).toBe(afterRevoke);
    const [dead] = await listTokens(session);
    expect(dead?.revokedAt).not.toBeNull();
    // Revoking twice finds no open token.
    await expectError(await request("POST", `/v1/tokens/${created.id}/revoke`, session.headers), 404);

    // The refusal is in the auth log, by the token's prefix only.
    const events = await ctx.database.db.select().from(schema.authEvents);
    const refusals = events.filter((e) => e.kind === "token_refused");
    expect(refusals.map((e) => e.tokenPrefix)).toContain(created.prefix);
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(events.filter((e) => e.kind === "token_created" || e.kind === "token_revoked")).toHaveLength(2);
  });

  it("refuses an expired token (401), on reads as well as writes", async () => {
    const { account } = await ministry(["ministry_editor"]);
    const expired = await createApiToken(ctx.database.db, {
      organisationId: account.organisation.id,
      name: "last year's",
      scopes: ["read", "write"],
      createdBy: account.user.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    const before = await ctx.changeSets();
    await expectError(await uploadWith(expired.token), 401);
    await expectError(await request("GET", "/v1/commitments", bearer(expired.token)), 401);
    expect(await ctx.changeSets()).toBe(before);
    // The account's live token still works.
    expect((await uploadWith(account.token)).status).toBe(201);
  });

  it("refuses unknown and malformed tokens (401)", async () => {
    const before = await ctx.changeSets();
    const unknown = `ct_${randomBytes(32).toString("base64url")}`;
    await expectError(await uploadWith(unknown), 401);
    await expectError(await uploadWith("not-a-token"), 401);
    await expectError(
      await request("POST", "/v1/commitments", { authorization: "Basic eDp5" }, upload()),
      401,
    );
    expect(await ctx.changeSets()).toBe(before);
  });

  it("lets a read-only token read (drafts included) but not write (403)", async () => {
    const { account, session } = await ministry(["ministry_editor"]);
    const reader = await createToken(session, { name: "dashboard", scopes: ["read"], expiresInDays: 30 });
    const draft = await uploadWith(account.token);
    expect(draft.status).toBe(201);
    const { data } = (await draft.json()) as { data: { commitment: { id: string } } };

    const before = await ctx.changeSets();
    const refused = await expectError(await uploadWith(reader.token), 403);
    expect(refused.message).toMatch(/only read/);
    await expectError(
      await request(
        "POST",
        `/v1/commitments/${data.commitment.id}/status`,
        {
          ...bearer(reader.token),
          "content-type": "application/json",
          "if-match": '"1"',
        },
        { status: "submitted" },
      ),
      403,
    );
    expect(await ctx.changeSets()).toBe(before);

    expect((await request("GET", "/v1/commitments?donor=GB", bearer(reader.token))).status).toBe(200);
    const drafts = await request("GET", "/v1/commitments?donor=GB&drafts=include", bearer(reader.token));
    expect(drafts.status).toBe(200);
    const { data: listed } = (await drafts.json()) as { data: { id: string }[] };
    expect(listed.map((c) => c.id)).toContain(data.commitment.id);
  });

  it("does not let a token manage tokens (403)", async () => {
    const { account, session } = await ministry(["ministry_editor"]);
    const [own] = await listTokens(session);
    if (!own) throw new Error("the account has a token");
    const create = await expectError(
      await request("POST", "/v1/tokens", bearer(account.token), {
        name: "offspring",
        scopes: ["read", "write"],
        expiresInDays: 1,
      }),
      403,
    );
    expect(create.message).toMatch(/signed-in person/);
    await expectError(await request("GET", "/v1/tokens", bearer(account.token)), 403);
    await expectError(await request("POST", `/v1/tokens/${own.id}/revoke`, bearer(account.token)), 403);
    expect(await listTokens(session)).toHaveLength(1);
    // The public may not either.
    await expectError(await request("GET", "/v1/tokens", {}), 401);
  });

  it("does not let another organisation revoke a token (404); the token stays usable", async () => {
    const gb = await ministry(["ministry_editor"]);
    const [target] = await listTokens(gb.session);
    if (!target) throw new Error("the account has a token");
    const other = await createTestAccount(ctx.database.db, {
      kind: "partner_ministry",
      name: "Bundesministerium der Verteidigung",
      party: "DE",
      roles: ["ministry_editor"],
    });
    const theirs = await signInAs(ctx.app, other);
    const refused = await expectError(
      await request("POST", `/v1/tokens/${target.id}/revoke`, theirs.headers),
      404,
    );
    // Its existence is not confirmed: the same answer as for an id that does not exist.
    const nowhere = crypto.randomUUID();
    const missing = await expectError(
      await request("POST", `/v1/tokens/${nowhere}/revoke`, theirs.headers),
      404,
    );
    expect(refused.message.replace(target.id, "…")).toBe(missing.message.replace(nowhere, "…"));
    expect((await listTokens(theirs)).map((t) => t.id)).not.toContain(target.id);
    const [still] = await listTokens(gb.session);
    expect(still?.revokedAt).toBeNull();
    expect((await uploadWith(gb.account.token)).status).toBe(201);
  });

  it("never publishes: an editor and approver's token submits, but only the person publishes", async () => {
    const { account, session } = await ministry(["ministry_editor", "ministry_approver"]);
    const token = await createToken(session, {
      name: "uploads",
      scopes: ["read", "write"],
      expiresInDays: 7,
    });
    const me = await request("GET", "/v1/session", bearer(token.token));
    expect(((await me.json()) as { data: { roles: string[] } }).data.roles).toEqual(["ministry_editor"]);

    const uploaded = await uploadWith(token.token);
    expect(uploaded.status).toBe(201);
    const { data } = (await uploaded.json()) as { data: { commitment: { id: string } } };
    const path = `/v1/commitments/${data.commitment.id}/status`;
    const step = (headers: Record<string, string>, status: string, version: number) =>
      request("POST", path, { ...headers, "if-match": `"${version}"` }, { status });

    // Straight from draft to published: refused.
    const before = await ctx.changeSets();
    await expectError(await step(bearer(token.token), "published", 1), 403);
    const submitted = await step(bearer(token.token), "submitted", 1);
    expect(submitted.status).toBe(200);
    expect(
      ((await submitted.json()) as { data: { commitment: { status: string } } }).data.commitment.status,
    ).toBe("submitted");
    const etag = submitted.headers.get("etag") ?? "";
    const version = Number(etag.replaceAll('"', ""));
    const publish = await expectError(await step(bearer(token.token), "published", version), 403);
    expect(publish.message).toMatch(/approver/);
    expect(await ctx.changeSets()).toBe(before + 1);
    await expectError(await ctx.app.request(`/v1/commitments/${data.commitment.id}`), 404);

    // The person behind it, signed in, publishes.
    const published = await step(session.headers, "published", version);
    expect(published.status).toBe(200);
    expect(
      ((await published.json()) as { data: { commitment: { status: string } } }).data.commitment.status,
    ).toBe("published");
    expect((await ctx.app.request(`/v1/commitments/${data.commitment.id}`)).status).toBe(200);
    expect(account.user.roles).toContain("ministry_approver");
  });
});
