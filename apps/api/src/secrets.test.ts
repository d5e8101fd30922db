import { randomBytes } from "node:crypto";
import { rowsOf } from "@commitments/db";
import { describe, expect, it } from "vitest";
import { expectError, signInAs, type TestSession, testTargets, useApp } from "../test/testing.ts";
import { createLogger } from "./lib/logger.ts";

/*
 * Passwords and tokens are never stored or logged in clear. Every path that handles a secret is exercised with a
 * logger that keeps every line, down to debug; then every table of the database and every log line are searched
 * for each secret. E-mails and token prefixes must be found, so the search is known to look in the right places.
 */
describe.each(testTargets())("secrets on $name", (target) => {
  const lines: string[] = [];
  const ctx = useApp(target, { logger: createLogger("debug", (line) => lines.push(line)) });

  const request = (path: string, method: string, headers: Record<string, string>, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const random = (bytes = 12) => randomBytes(bytes).toString("base64url");

  it("are never stored or logged in clear", async () => {
    const secrets: Record<string, string> = { "the administrator's password": ctx.admin.password };
    const addToken = (label: string, token: string) => {
      secrets[label] = token;
      secrets[`${label} without its prefix`] = token.slice(3);
    };
    addToken("the administrator's token", ctx.admin.token);
    const addSession = (label: string, session: TestSession) => {
      secrets[`${label}'s session token`] = session.sessionToken;
      secrets[`${label}'s CSRF token`] = session.csrfToken;
    };

    // The administrator creates a ministry with an editor whose password is given, and an NGO whose analyst
    // gets a generated one; a weak password is refused.
    const ministry = await request("/v1/organisations", "POST", ctx.authorised, {
      kind: "partner_ministry",
      name: "UK Ministry of Defence",
      party: "GB",
    });
    expect(ministry.status).toBe(201);
    const ministryId = ((await ministry.json()) as { data: { id: string } }).data.id;
    const ngo = await request("/v1/organisations", "POST", ctx.authorised, { kind: "ngo", name: "Watchdog" });
    expect(ngo.status).toBe(201);
    const ngoId = ((await ngo.json()) as { data: { id: string } }).data.id;

    const editor = { user: { email: `editor-${randomBytes(4).toString("hex")}@mod.example` }, password: "" };
    editor.password = `given-${random()}`;
    secrets["the given password"] = editor.password;
    const weak = `wk${randomBytes(3).toString("hex")}`;
    secrets["a refused weak password"] = weak;
    await expectError(
      await request(`/v1/organisations/${ministryId}/users`, "POST", ctx.authorised, {
        email: editor.user.email,
        name: "Test Editor",
        roles: ["ministry_editor", "ministry_approver"],
        password: weak,
      }),
      422,
    );
    const createdEditor = await request(`/v1/organisations/${ministryId}/users`, "POST", ctx.authorised, {
      email: editor.user.email,
      name: "Test Editor",
      roles: ["ministry_editor", "ministry_approver"],
      password: editor.password,
    });
    expect(createdEditor.status).toBe(201);
    const analyst = {
      user: { email: `analyst-${randomBytes(4).toString("hex")}@ngo.example` },
      password: "",
    };
    const createdAnalyst = await request(`/v1/organisations/${ngoId}/users`, "POST", ctx.authorised, {
      email: analyst.user.email,
      name: "Test Analyst",
      roles: ["ngo_analyst"],
    });
    expect(createdAnalyst.status).toBe(201);
    const generated = ((await createdAnalyst.json()) as { data: { initialPassword: string | null } }).data
      .initialPassword;
    if (!generated) throw new Error("no password was generated");
    analyst.password = generated;
    secrets["the generated password"] = generated;

    // Sign-in: wrong passwords, for a known and an unknown e-mail, and the right one.
    const wrong = `wrong-${random()}`;
    secrets["a wrong password"] = wrong;
    await expectError(
      await request("/v1/session", "POST", {}, { email: editor.user.email, password: wrong }),
      401,
    );
    await expectError(
      await request("/v1/session", "POST", {}, { email: "nobody@example.org", password: editor.password }),
      401,
    );
    const editorSession = await signInAs(ctx.app, editor);
    addSession("the editor", editorSession);

    // The cookie in use, and cookie-borne writes refused for their CSRF token or origin.
    expect((await request("/v1/session", "GET", { cookie: editorSession.cookie })).status).toBe(200);
    expect((await request("/v1/tokens", "GET", { cookie: editorSession.cookie })).status).toBe(200);
    const tokenBody = { name: "uploads", scopes: ["read", "write"], expiresInDays: 30 };
    await expectError(await request("/v1/tokens", "POST", { cookie: editorSession.cookie }, tokenBody), 403);
    const wrongCsrf = random(32);
    secrets["a wrong CSRF token"] = wrongCsrf;
    await expectError(
      await request(
        "/v1/tokens",
        "POST",
        { cookie: editorSession.cookie, "x-csrf-token": wrongCsrf },
        tokenBody,
      ),
      403,
    );
    await expectError(
      await request(
        "/v1/tokens",
        "POST",
        { ...editorSession.headers, origin: "https://evil.example" },
        tokenBody,
      ),
      403,
    );

    // Tokens: created, used to write and read, refused for lack of scope, revoked and refused, unknown.
    const created = await request("/v1/tokens", "POST", editorSession.headers, tokenBody);
    expect(created.status).toBe(201);
    const writer = ((await created.json()) as { data: { id: string; token: string; prefix: string } }).data;
    addToken("the write token", writer.token);
    const readOnly = await request("/v1/tokens", "POST", editorSession.headers, {
      name: "dashboard",
      scopes: ["read"],
      expiresInDays: 1,
    });
    expect(readOnly.status).toBe(201);
    const reader = ((await readOnly.json()) as { data: { token: string; prefix: string } }).data;
    addToken("the read token", reader.token);

    const commitment = {
      donor: "GB",
      recipient: "UA",
      title: "Secrets test upload",
      category: "funding.budget_support",
      measure: { kind: "money", amount: "1000000", currency: "GBP" },
      period: { start: "2025", end: "2025" },
      sources: [{ title: "Test fixture", kind: "research" }],
    };
    expect((await request("/v1/commitments", "POST", bearer(writer.token), commitment)).status).toBe(201);
    expect((await request("/v1/commitments?drafts=include", "GET", bearer(reader.token))).status).toBe(200);
    await expectError(await request("/v1/commitments", "POST", bearer(reader.token), commitment), 403);
    await expectError(await request("/v1/tokens", "POST", bearer(writer.token), tokenBody), 403);
    expect((await request(`/v1/tokens/${writer.id}/revoke`, "POST", editorSession.headers)).status).toBe(200);
    await expectError(await request("/v1/commitments", "POST", bearer(writer.token), commitment), 401);
    const unknown = `ct_${random(32)}`;
    addToken("an unknown token", unknown);
    await expectError(await request("/v1/commitments", "GET", bearer(unknown)), 401);
    const malformed = `not-a-token-${random()}`;
    secrets["a malformed token"] = malformed;
    await expectError(await request("/v1/commitments", "POST", bearer(malformed), commitment), 401);

    // The analyst signs in with the generated password and changes it: a wrong current one and a weak new one
    // are refused first. Then signs in with the new one, and out.
    const analystSession = await signInAs(ctx.app, analyst);
    addSession("the analyst", analystSession);
    const next = `next-${random()}`;
    secrets["the new password"] = next;
    const wrongCurrent = `wrong-current-${random()}`;
    secrets["a wrong current password"] = wrongCurrent;
    const change = (body: unknown) => request("/v1/session/password", "POST", analystSession.headers, body);
    await expectError(await change({ current: wrongCurrent, next }), 403);
    const weakNext = `wn${randomBytes(3).toString("hex")}`;
    secrets["a refused weak new password"] = weakNext;
    await expectError(await change({ current: analyst.password, next: weakNext }), 400);
    expect((await change({ current: analyst.password, next })).status).toBe(200);
    await expectError(
      await request("/v1/session", "POST", {}, { email: analyst.user.email, password: analyst.password }),
      401,
    );
    const again = await signInAs(ctx.app, { user: analyst.user, password: next });
    addSession("the analyst's second", again);
    expect((await request("/v1/session", "DELETE", again.headers)).status).toBe(200);
    expect((await request("/v1/session/sign-out-everywhere", "POST", editorSession.headers)).status).toBe(
      200,
    );

    // Every row of every table, and every log line.
    const db = ctx.database.db;
    const tables = rowsOf<{ name: string }>(
      await db.execute(
        `select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "users",
        "sessions",
        "api_tokens",
        "auth_events",
        "rate_limits",
        "change_sets",
      ]),
    );
    let dumped = "";
    for (const { name } of tables) {
      const rows = rowsOf<{ row: string }>(
        await db.execute(`select row_to_json(t)::text as row from "${name.replaceAll('"', '""')}" t`),
      );
      dumped += `${rows.map((r) => r.row).join("\n")}\n`;
    }
    const logged = lines.join("");

    // The search looks where the secrets would be: the e-mails and token prefixes are there.
    for (const email of [editor.user.email, analyst.user.email]) {
      expect(dumped).toContain(email);
    }
    for (const prefix of [writer.prefix, reader.prefix, unknown.slice(0, 8), malformed.slice(0, 8)]) {
      expect(dumped).toContain(prefix);
    }
    expect(logged).toContain('"message":"refused"');
    expect(logged).toContain('"status":401');
    expect(logged).toContain('"status":403');
    expect(lines.length).toBeGreaterThan(30);

    const found = Object.entries(secrets).flatMap(([label, secret]) => [
      ...(dumped.includes(secret) ? [`${label} in the database`] : []),
      ...(logged.includes(secret) ? [`${label} in the log`] : []),
    ]);
    expect(Object.keys(secrets).length).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });
});
