import type { Role } from "@commitments/core";
import {
  createApiToken,
  createOrganisation,
  createUser,
  type Organisation,
  writeFingerprint,
} from "@commitments/db";
import { beforeAll, describe, expect, it } from "vitest";
import { everyone, type Request, type World } from "../test/authorisation/fixtures.ts";
import { notAuthorisation, rows, someUserOf } from "../test/authorisation/rows.ts";
import { testTargets, useApp } from "../test/testing.ts";
import { operationsOf } from "./lib/openapi-operations.ts";

/*
 * The authorisation matrix: every write route, for every role, on a record of the principal's own donor (or
 * organisation) and on another's. Each cell runs against fresh records, asserts the status, and that a refusal
 * wrote nothing at all (no change set, no account row). The list of routes is checked against the OpenAPI
 * document, so a new write route without a row here fails the test. A record or proposal not published is its
 * organisation's own: to anyone else (signed in) it answers 404, as one that does not exist.
 */

describe.each(testTargets())("the authorisation matrix on $name", (target) => {
  const ctx = useApp(target);
  const world = {} as World;

  const send = (request: Request, headers: Record<string, string>) =>
    ctx.app.request(request.path, {
      method: request.method,
      headers: {
        "content-type": "application/json",
        ...headers,
        ...request.headers,
      },
      body: typeof request.body === "string" ? request.body : JSON.stringify(request.body),
    });

  async function person(organisation: Organisation, roles: Role[]) {
    const password = `matrix password ${organisation.id}`;
    const email = `${roles.join("-") || "reader"}.${organisation.id}@example.org`;
    await createUser(ctx.database.db, {
      organisationId: organisation.id,
      email,
      name: email,
      password,
      roles,
    });
    const response = await ctx.app.request("/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { data } = (await response.json()) as { data: { csrfToken: string } };
    return { cookie, "x-csrf-token": data.csrfToken };
  }

  beforeAll(async () => {
    const db = ctx.database.db;
    let counter = 0;
    const organisation = (o: Parameters<typeof createOrganisation>[1]) => createOrganisation(db, o);
    const own = await organisation({
      id: "matrix-gb",
      kind: "partner_ministry",
      name: "GB ministry",
      party: "GB",
    });
    const foreign = await organisation({
      id: "matrix-fr",
      kind: "partner_ministry",
      name: "FR ministry",
      party: "FR",
    });
    const ngo = await organisation({ id: "matrix-ngo", kind: "ngo", name: "An NGO" });
    const recipient = await organisation({
      id: "matrix-ua",
      kind: "beneficiary_ministry",
      name: "UA ministry",
      party: "UA",
    });
    const newsroom = await organisation({ id: "matrix-news", kind: "newsroom", name: "A newsroom" });
    await person(foreign, ["ministry_editor"]);
    const editor = await person(own, ["ministry_editor"]);
    const readToken = await createApiToken(db, {
      organisationId: own.id,
      name: "read only",
      scopes: ["read"],
      createdBy: await someUserOf(db, own.id),
    });
    const adminSession = await ctx.app.request("/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ctx.admin.user.email, password: ctx.admin.password }),
    });
    const adminCookie = (adminSession.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const adminCsrf = ((await adminSession.json()) as { data: { csrfToken: string } }).data.csrfToken;
    Object.assign(world, {
      db,
      own,
      foreign,
      ngo,
      recipient,
      next: () => ++counter,
      headers: {
        public: {},
        analyst: await person(ngo, ["ngo_analyst"]),
        editor,
        approver: await person(own, ["ministry_approver"]),
        verifier: await person(recipient, ["recipient_verifier"]),
        newsroom: await person(newsroom, []),
        admin: { cookie: adminCookie, "x-csrf-token": adminCsrf },
        readToken: { authorization: `Bearer ${readToken.token}` },
      },
      organisationOf: {
        public: undefined,
        analyst: ngo.id,
        editor: own.id,
        approver: own.id,
        verifier: recipient.id,
        newsroom: newsroom.id,
        admin: ctx.admin.organisation.id,
        readToken: own.id,
      },
      adminRequest: (request: Request) => send(request, ctx.admin.headers),
    });
  });

  it("has a row for every write route of the API", async () => {
    const writes = (await operationsOf(ctx.app))
      .filter((op) => op.method !== "get" && op.path.startsWith("/v1/"))
      .map((op) => `${op.method.toUpperCase()} ${op.path}`);
    const covered = new Set([...rows.map((row) => row.route), ...notAuthorisation]);
    expect(writes.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !writes.includes(route))).toEqual([]);
  });

  for (const row of rows) {
    for (const own of [true, false]) {
      it(`${row.route}${row.step ? ` (${row.step})` : ""} on ${own ? "own" : "another's"} records`, async () => {
        const outcomes: Record<string, number> = {};
        const expected: Record<string, number> = {};
        for (const who of everyone) {
          const request = await row.request(world, own, who);
          const before = await writeFingerprint(world.db);
          const response = await send(request, world.headers[who]);
          outcomes[who] = response.status;
          const allowed = (own ? row.allowed.own : row.allowed.foreign).includes(who);
          // Who sees an unpublished record: its own organisation (the GB ministry's people and token) only.
          const sees = own && ["editor", "approver", "readToken"].includes(who);
          expected[who] = allowed
            ? (row.successOf?.[who] ?? row.success)
            : who === "public"
              ? 401
              : row.hidden && !sees
                ? 404
                : !own && row.foreignRefusalOf?.[who]
                  ? row.foreignRefusalOf[who]
                  : !own && row.foreignRefusal && who !== "readToken"
                    ? row.foreignRefusal
                    : 403;
          if (!allowed) {
            const body = (await response.json()) as { error?: { code: string } };
            expect(body.error?.code, `${who}: the error contract`).toBeDefined();
            expect(await writeFingerprint(world.db), `${who}: a refusal writes nothing`).toBe(before);
          } else if (response.status !== expected[who]) {
            expect(await response.text(), `${who} should have succeeded`).toBe("");
          }
        }
        expect(outcomes).toEqual(expected);
      });
    }
  }
});
