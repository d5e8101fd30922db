import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountError,
  authenticateToken,
  createApiToken,
  createOrganisation,
  createSession,
  createUser,
  hashPassword,
  listApiTokens,
  passwordMatches,
  recordAuthEvent,
  revokeAllSessions,
  revokeApiToken,
  sessionUser,
  tokenPrefix,
  verifyPassword,
} from "./accounts.ts";
import { rowsOf } from "./entities.ts";
import { apiTokens, sessions, users } from "./schema.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

// Made up per run: no password is written down anywhere in the repository.
const password = `pw-${crypto.randomUUID()}`;

describe("password hashes", () => {
  it("round-trip, refuse a wrong password, and salt every hash", async () => {
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain(password);
    expect(await passwordMatches(password, stored)).toBe(true);
    expect(await passwordMatches(`${password}x`, stored)).toBe(false);
    expect(await passwordMatches(password, "scrypt$garbage")).toBe(false);
    expect(await hashPassword(password)).not.toBe(stored);
  });
});

describe.each(testTargets())("accounts on $name", (target) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it("signs in with the right password only, whatever the e-mail's case", async () => {
    const { db } = handle;
    const ngo = await createOrganisation(db, { kind: "ngo", name: "Watchdog" });
    const user = await createUser(db, {
      organisationId: ngo.id,
      email: "Analyst@Example.org",
      name: "Test User",
      password,
      roles: ["ngo_analyst"],
    });
    expect(user.email).toBe("analyst@example.org");
    expect(user).not.toHaveProperty("passwordHash");

    const signedIn = await verifyPassword(db, { email: "ANALYST@example.org ", password });
    expect(signedIn?.user.id).toBe(user.id);
    expect(signedIn?.organisation.kind).toBe("ngo");
    expect(await verifyPassword(db, { email: "analyst@example.org", password: `${password}!` })).toBeNull();
    expect(await verifyPassword(db, { email: "nobody@example.org", password })).toBeNull();

    await expect(
      createUser(db, {
        organisationId: ngo.id,
        email: "analyst@example.org",
        name: "Twin",
        password,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
  });

  it("refuses weak passwords and roles the organisation's kind may not hand out", async () => {
    const { db } = handle;
    const ministry = await createOrganisation(db, { kind: "partner_ministry", name: "MoD", party: "DE" });
    const attempt = (roles: Parameters<typeof createUser>[1]["roles"], pw = password) =>
      createUser(db, {
        organisationId: ministry.id,
        email: `${crypto.randomUUID()}@mod.example`,
        name: "Editor",
        password: pw,
        roles,
      });

    await expect(attempt(["recipient_verifier"])).rejects.toMatchObject({ code: "ROLE_NOT_ALLOWED" });
    await expect(attempt(["ministry_editor", "administrator"])).rejects.toMatchObject({
      code: "ROLE_NOT_ALLOWED",
    });
    await expect(attempt(["ministry_editor"], "short-pw")).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    await expect(attempt(["ministry_editor"], "aaaaaaaaaaaaaaaa")).rejects.toBeInstanceOf(AccountError);
    expect((await attempt(["ministry_editor", "ministry_approver"])).roles).toEqual([
      "ministry_editor",
      "ministry_approver",
    ]);

    // A ministry without the party it speaks for is refused by the function and by the table itself.
    await expect(createOrganisation(db, { kind: "beneficiary_ministry", name: "MoF" })).rejects.toMatchObject(
      {
        code: "INVALID",
      },
    );
    await expect(
      db.execute(
        sql`insert into organisations (id, kind, name) values ('x', 'partner_ministry', 'No party')`,
      ),
    ).rejects.toThrow();
  });

  it("keeps sessions until they expire or are revoked everywhere", async () => {
    const { db } = handle;
    const org = await createOrganisation(db, { kind: "maintainers", name: "Maintainers" });
    const user = await createUser(db, {
      organisationId: org.id,
      email: "admin@example.org",
      name: "Test User",
      password,
      roles: ["administrator"],
    });
    const first = await createSession(db, { userId: user.id });
    const second = await createSession(db, { userId: user.id });
    expect(first.token).not.toBe(second.token);

    const before = (await db.select().from(sessions).where(eq(sessions.userId, user.id)))[0]?.lastSeenAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const found = await sessionUser(db, first.token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.user.roles).toEqual(["administrator"]);
    expect(found?.organisation.id).toBe(org.id);
    const after = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(Math.max(...after.map((s) => s.lastSeenAt.getTime()))).toBeGreaterThan(before?.getTime() ?? 0);

    const expired = await createSession(db, { userId: user.id, ttlMs: -1000 });
    expect(await sessionUser(db, expired.token)).toBeNull();
    expect(await sessionUser(db, "not-a-token")).toBeNull();

    expect(await revokeAllSessions(db, user.id)).toBe(3);
    expect(await sessionUser(db, first.token)).toBeNull();
    expect(await sessionUser(db, second.token)).toBeNull();
  });

  it("authenticates API tokens until revoked or expired, and never lists their hashes", async () => {
    const { db } = handle;
    const org = await createOrganisation(db, { kind: "partner_ministry", name: "Ministry", party: "GB" });
    const other = await createOrganisation(db, { kind: "newsroom", name: "Other newsroom" });
    const creator = await createUser(db, {
      organisationId: org.id,
      email: "uploads@example.org",
      name: "Uploader",
      password,
      roles: ["ministry_editor", "ministry_approver"],
    });
    const { token, info } = await createApiToken(db, {
      organisationId: org.id,
      name: "charts",
      scopes: ["read"],
      createdBy: creator.id,
    });
    expect(token).toMatch(/^ct_[\w-]{43}$/);
    expect(info.prefix).toBe(token.slice(0, 8));
    expect(info.lastUsedAt).toBeNull();

    const found = await authenticateToken(db, token);
    // The token acts with its creator's roles, less approval: uploads still need a person to publish them.
    expect(found).toMatchObject({
      tokenId: info.id,
      scopes: ["read"],
      organisation: { id: org.id },
      roles: ["ministry_editor"],
    });
    const [used] = await db.select().from(apiTokens).where(eq(apiTokens.id, info.id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await authenticateToken(db, altered)).toBeNull();

    const listed = await listApiTokens(db, org.id);
    expect(listed.map((t) => t.id)).toEqual([info.id]);
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(JSON.stringify(listed)).not.toContain(token);

    // Another organisation cannot revoke it; its own can.
    expect(await revokeApiToken(db, { id: info.id, organisationId: other.id })).toBe(false);
    expect(await authenticateToken(db, token)).not.toBeNull();
    expect(await revokeApiToken(db, { id: info.id, organisationId: org.id })).toBe(true);
    expect(await authenticateToken(db, token)).toBeNull();

    const expired = await createApiToken(db, {
      organisationId: org.id,
      name: "old",
      scopes: ["read", "write"],
      expiresAt: new Date(Date.now() - 1000),
      createdBy: creator.id,
    });
    expect(await authenticateToken(db, expired.token)).toBeNull();
    await expect(
      createApiToken(db, { organisationId: org.id, name: "none", scopes: [], createdBy: creator.id }),
    ).rejects.toMatchObject({ code: "INVALID" });

    // A token dies with its creator's account.
    const live = await createApiToken(db, {
      organisationId: org.id,
      name: "live",
      scopes: ["write"],
      createdBy: creator.id,
    });
    expect(await authenticateToken(db, live.token)).not.toBeNull();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, creator.id));
    expect(await authenticateToken(db, live.token)).toBeNull();
  });

  it("stores no password, session token or API token in clear anywhere in the database", async () => {
    const { db } = handle;
    const org = await createOrganisation(db, { kind: "ngo", name: "Secrets test" });
    const user = await createUser(db, {
      organisationId: org.id,
      email: "s@example.org",
      name: "Test User",
      password,
      roles: [],
    });
    const session = await createSession(db, { userId: user.id });
    const api = await createApiToken(db, {
      organisationId: org.id,
      name: "t",
      scopes: ["write"],
      createdBy: user.id,
    });
    // Exercise every path that writes: sign-in, failed sign-in, token use, and the event log.
    await verifyPassword(db, { email: "s@example.org", password });
    await sessionUser(db, session.token);
    await authenticateToken(db, api.token);
    await recordAuthEvent(db, { kind: "sign_in_failed", email: "s@example.org", address: "192.0.2.1" });
    await recordAuthEvent(db, {
      kind: "token_refused",
      tokenPrefix: tokenPrefix(api.token),
      detail: "revoked",
    });

    const tables = rowsOf<{ name: string }>(
      await db.execute(
        sql`select table_name as name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "sessions", "api_tokens"]));
    let dumped = "";
    for (const { name } of tables) {
      const rows = rowsOf<{ row: string }>(
        await db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`),
      );
      dumped += rows.map((r) => r.row).join("\n");
    }
    expect(dumped).toContain("s@example.org");
    expect(dumped).toContain(tokenPrefix(api.token));
    for (const secret of [password, session.token, api.token, api.token.slice(3)]) {
      expect(dumped.includes(secret)).toBe(false);
    }
  });
});
