import type { Role } from "@commitments/core";
import {
  commitmentEntity,
  createApiToken,
  createOrganisation,
  createRecord,
  createUser,
  type Db,
  disputeEntity,
  eventEntity,
  listUsers,
  type Organisation,
  type Placement,
  partyEntity,
  proposalEntity,
  trancheEntity,
  withChangeSet,
  writeFingerprint,
} from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { beforeAll, describe, expect, it } from "vitest";
import { testTargets, useApp } from "../test/testing.ts";
import { operationsOf } from "./lib/openapi-operations.ts";

/*
 * The authorisation matrix: every write route, for every role, on a record of the principal's own donor (or
 * organisation) and on another's. Each cell runs against fresh records, asserts the status, and that a refusal
 * wrote nothing at all (no change set, no account row). The list of routes is checked against the OpenAPI
 * document, so a new write route without a row here fails the test. A record or proposal not published is its
 * organisation's own: to anyone else (signed in) it answers 404, as one that does not exist.
 */

type Who = "public" | "analyst" | "editor" | "approver" | "verifier" | "newsroom" | "admin" | "readToken";
const everyone: Who[] = [
  "public",
  "analyst",
  "editor",
  "approver",
  "verifier",
  "newsroom",
  "admin",
  "readToken",
];
const signedInPeople: Who[] = ["analyst", "editor", "approver", "verifier", "newsroom", "admin"];

const sources = [{ title: "Authorisation matrix fixture", kind: "research" as const }];
const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });

interface World {
  db: Db;
  /** The donor ministry of "own" records (GB) and of "foreign" ones (FR). */
  own: Organisation;
  foreign: Organisation;
  ngo: Organisation;
  recipient: Organisation;
  /** Request headers of each principal. */
  headers: Record<Who, Record<string, string>>;
  organisationOf: Record<Who, string | undefined>;
  next(): number;
  /** A request as the tracker's administrator, to build fixtures through the API. */
  adminRequest(request: Request): Promise<Response>;
}

/** What a cell sends. */
interface Request {
  method: "POST" | "PATCH";
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

interface Row {
  /** The route, as the OpenAPI document names it: "POST /v1/commitments/{id}/status". */
  route: string;
  /** Which step of the route, where one route takes several (the status route submits and publishes). */
  step?: string;
  /** Builds fresh records for one cell and the request; `own` says whose they are. */
  request(world: World, own: boolean, who: Who): Promise<Request>;
  /** Who succeeds on the principal's own records, and on another's. */
  allowed: { own: Who[]; foreign: Who[] };
  success: number;
  /** The success of some principals, where it is not `success`: a ministry's correction is a proposal (202). */
  successOf?: Partial<Record<Who, number>>;
  /**
   * The record acted on is not published: only its own organisation (on "own" records: the GB ministry's editor,
   * approver and token) and the administrators see it; any other signed-in principal is answered 404.
   */
  hidden?: true;
  /** The status of a refusal on another's record, where it is not 403 (a token of another: not found). */
  foreignRefusal?: number;
  /** The same for some principals only: an editor's import of another donor's rows is answered 422, row by row. */
  foreignRefusalOf?: Partial<Record<Who, number>>;
}

// Fixtures are written straight into the ledger, in the workflow place each cell needs.
async function write<R extends { id: string }>(
  world: World,
  entity: Parameters<typeof createRecord<R>>[2],
  record: R,
  placement: Placement,
): Promise<string> {
  await withChangeSet(world.db, { actor: "matrix fixture", origin: "api" }, (tx, cs) =>
    createRecord(tx, cs, entity, record, placement),
  );
  return record.id;
}

async function commitment(world: World, own: boolean, status: Placement["status"] = "published") {
  const n = world.next();
  return write(
    world,
    commitmentEntity,
    {
      id: `matrix-commitment-${n}`,
      donor: own ? "GB" : "FR",
      recipient: "UA",
      title: `Matrix commitment ${n}`,
      category: "funding.budget_support",
      measure: eur("1000"),
      measureBasis: "total",
      conditions: [],
      sources,
      synthetic: false,
    },
    { status, organisation: (own ? world.own : world.foreign).id },
  );
}

async function tranche(world: World, own: boolean, status: Placement["status"] = "published") {
  const parent = await commitment(world, own);
  return write(
    world,
    trancheEntity,
    { id: `${parent}-t1`, commitment: parent, position: 0, due: "2025-06", measure: eur("500") },
    { status, organisation: (own ? world.own : world.foreign).id },
  );
}

async function event(world: World, own: boolean, status: Placement["status"] = "published") {
  const parent = await commitment(world, own);
  return write(
    world,
    eventEntity,
    {
      id: `${parent}-delivered`,
      commitment: parent,
      stage: "delivered",
      date: "2025-03",
      measure: eur("400"),
      confidence: "reported_by_donor",
      sources,
      synthetic: false,
    },
    { status, organisation: (own ? world.own : world.foreign).id },
  );
}

async function party(world: World) {
  const n = world.next();
  return write(
    world,
    partyEntity,
    { id: `MATRIX_${n}`, kind: "organisation", name: `Matrix party ${n}` },
    { status: "published", organisation: null },
  );
}

/** A ministry's proposed correction of a published commitment of its donor, waiting for its approver. */
async function proposal(world: World, own: boolean) {
  const target = await commitment(world, own);
  const organisation = (own ? world.own : world.foreign).id;
  return write(
    world,
    proposalEntity,
    {
      id: `proposal-${target}`,
      target: { kind: "commitment", id: target },
      baseVersion: 1,
      kind: "correction",
      record: {
        id: target,
        donor: own ? "GB" : "FR",
        recipient: "UA",
        title: "A proposed title",
        category: "funding.budget_support",
        measure: eur("1000"),
        measureBasis: "total",
        conditions: [],
        sources,
        synthetic: false,
      },
      organisation,
      reason: "the ministry's second report",
      status: "submitted",
    },
    { status: "published", organisation: null },
  );
}

async function dispute(world: World, organisation: string) {
  const target = await event(world, true);
  return write(
    world,
    disputeEntity,
    {
      id: `dispute-${target}`,
      target: { kind: "event", id: target },
      organisation,
      statement: "The delivery was smaller.",
      figure: eur("300"),
      sources,
      status: "open",
    },
    { status: "published", organisation: null },
  );
}

const patch = (path: string, set: Record<string, unknown>): Request => ({
  method: "PATCH",
  path,
  body: { set, reason: "matrix correction" },
  headers: { "if-match": '"1"' },
});
const retract = (path: string): Request => ({
  method: "POST",
  path: `${path}/retract`,
  body: { reason: "matrix retraction" },
  headers: { "if-match": '"1"' },
});
const status = (path: string, to: string): Request => ({
  method: "POST",
  path: `${path}/status`,
  body: { status: to, reason: "matrix step" },
  headers: { "if-match": '"1"' },
});

// Ministries write their own donor's records; the tracker's administrators any.
const donorWrite = { own: ["editor", "admin"], foreign: ["admin"] } satisfies Row["allowed"];
// A ministry's change of a published record is a proposal for its approver; the administrators' is direct.
const proposed = { editor: 202 } satisfies Row["successOf"];
const adminOnly = { own: ["admin"], foreign: ["admin"] } satisfies Row["allowed"];

/** A donor-owned kind of record: create, correct, retract, submit, publish and return. */
function donorRows(
  path: string,
  make: (world: World, own: boolean, status?: Placement["status"]) => Promise<string>,
  create: (world: World, own: boolean) => Promise<unknown>,
  set: Record<string, unknown>,
): Row[] {
  const one = `${path}/{id}`;
  return [
    {
      route: `POST ${path}`,
      request: async (world, own) => ({ method: "POST", path, body: await create(world, own) }),
      allowed: donorWrite,
      success: 201,
    },
    {
      route: `PATCH ${one}`,
      step: "draft",
      request: async (world, own) => patch(`${path}/${await make(world, own, "draft")}`, set),
      allowed: donorWrite,
      success: 200,
      hidden: true,
    },
    {
      route: `PATCH ${one}`,
      step: "published: a correction",
      request: async (world, own) => patch(`${path}/${await make(world, own)}`, set),
      allowed: donorWrite,
      success: 200,
      successOf: proposed,
    },
    {
      route: `POST ${one}/retract`,
      step: "draft",
      request: async (world, own) => retract(`${path}/${await make(world, own, "draft")}`),
      allowed: donorWrite,
      success: 200,
      hidden: true,
    },
    {
      route: `POST ${one}/retract`,
      step: "published",
      request: async (world, own) => retract(`${path}/${await make(world, own)}`),
      allowed: donorWrite,
      success: 200,
      successOf: proposed,
    },
    {
      route: `POST ${one}/status`,
      step: "submit",
      request: async (world, own) => status(`${path}/${await make(world, own, "draft")}`, "submitted"),
      allowed: donorWrite,
      success: 200,
      hidden: true,
    },
    {
      route: `POST ${one}/status`,
      step: "publish",
      request: async (world, own) => status(`${path}/${await make(world, own, "submitted")}`, "published"),
      allowed: { own: ["approver", "admin"], foreign: ["admin"] },
      success: 200,
      hidden: true,
    },
    {
      route: `POST ${one}/status`,
      step: "return",
      request: async (world, own) => status(`${path}/${await make(world, own, "submitted")}`, "draft"),
      allowed: { own: ["approver", "admin"], foreign: ["admin"] },
      success: 200,
      hidden: true,
    },
  ];
}

const rows: Row[] = [
  ...donorRows(
    "/v1/commitments",
    commitment,
    async (_world, own) => ({
      donor: own ? "GB" : "FR",
      recipient: "UA",
      title: "A matrix funding line",
      category: "funding.budget_support",
      measure: eur("1000"),
      sources,
    }),
    { title: "A matrix funding line, corrected" },
  ),
  ...donorRows(
    "/v1/tranches",
    tranche,
    async (world, own) => ({
      commitment: await commitment(world, own),
      position: 0,
      due: "2026",
      measure: eur("100"),
    }),
    { note: "moved" },
  ),
  ...donorRows(
    "/v1/events",
    event,
    async (world, own) => ({
      commitment: await commitment(world, own),
      stage: "delivered",
      date: "2025-05",
      measure: eur("100"),
      confidence: "reported_by_donor",
      sources,
    }),
    { note: "a corrected note" },
  ),
  // Proposals: "own" is one the principal's ministry (GB) made; its approver (a person) decides it.
  ...(["published", "returned"] as const).map(
    (decision): Row => ({
      route: "POST /v1/proposals/{id}/status",
      step: decision,
      request: async (world, own) => ({
        method: "POST",
        path: `/v1/proposals/${await proposal(world, own)}/status`,
        body: { status: decision, reason: "checked against the signed report" },
      }),
      allowed: { own: ["approver", "admin"], foreign: ["admin"] },
      success: 200,
      hidden: true,
    }),
  ),
  {
    // The recipient confirms deliveries to its country, whoever the donor.
    route: "POST /v1/events/{id}/confirmations",
    request: async (world, own) => ({
      method: "POST",
      path: `/v1/events/${await event(world, own)}/confirmations`,
      body: { received: "2025-04", note: "received" },
      headers: { "if-match": '"1"' },
    }),
    allowed: { own: ["verifier", "admin"], foreign: ["verifier", "admin"] },
    success: 201,
  },
  {
    route: "POST /v1/disputes",
    request: async (world, own) => ({
      method: "POST",
      path: "/v1/disputes",
      body: {
        target: { kind: "event", id: await event(world, own) },
        statement: "The delivery was smaller than reported.",
        figure: eur("300"),
        sources,
      },
    }),
    allowed: {
      own: ["analyst", "editor", "verifier", "admin"],
      foreign: ["analyst", "editor", "verifier", "admin"],
    },
    success: 201,
  },
  {
    route: "POST /v1/disputes/{id}/resolve",
    request: async (world) => ({
      method: "POST",
      path: `/v1/disputes/${await dispute(world, world.ngo.id)}/resolve`,
      body: { outcome: "upheld", resolution: "The donor's later report agrees" },
      headers: { "if-match": '"1"' },
    }),
    allowed: adminOnly,
    success: 200,
  },
  {
    // "Own" is a dispute the principal's organisation opened.
    route: "POST /v1/disputes/{id}/withdraw",
    request: async (world, own, who) => {
      const mine = world.organisationOf[who];
      const opener = own && mine ? mine : world.recipient.id === mine ? world.ngo.id : world.recipient.id;
      return {
        method: "POST",
        path: `/v1/disputes/${await dispute(world, opener)}/withdraw`,
        body: { resolution: "Settled with the donor" },
        headers: { "if-match": '"1"' },
      };
    },
    allowed: { own: signedInPeople, foreign: ["admin"] },
    success: 200,
  },
  {
    route: "POST /v1/annotations",
    request: async (world, own) => ({
      method: "POST",
      path: "/v1/annotations",
      body: { target: { kind: "event", id: await event(world, own) }, text: "Matches the donor's report." },
    }),
    allowed: { own: ["analyst", "admin"], foreign: ["analyst", "admin"] },
    success: 201,
  },
  // Reference data: nobody's donor records, the tracker's administrators' to keep.
  {
    route: "POST /v1/parties",
    request: async (world) => ({
      method: "POST",
      path: "/v1/parties",
      body: { id: `MATRIX_NEW_${world.next()}`, kind: "organisation", name: "A new party" },
    }),
    allowed: adminOnly,
    success: 201,
  },
  {
    route: "PATCH /v1/parties/{id}",
    request: async (world) => patch(`/v1/parties/${await party(world)}`, { name: "Renamed" }),
    allowed: adminOnly,
    success: 200,
  },
  {
    route: "POST /v1/parties/{id}/retract",
    request: async (world) => retract(`/v1/parties/${await party(world)}`),
    allowed: adminOnly,
    success: 200,
  },
  ...referenceRows(),
  {
    route: "POST /v1/rates",
    request: async (world) => ({
      method: "POST",
      path: "/v1/rates",
      body: [
        {
          date: `2024-01-${String((world.next() % 28) + 1).padStart(2, "0")}`,
          currency: "USD",
          perEur: "1.1",
        },
      ],
    }),
    allowed: adminOnly,
    success: 200,
  },
  {
    route: "POST /v1/rates/csv",
    request: async (world) => ({
      method: "POST",
      path: "/v1/rates/csv",
      body: `Date,USD\n2023-02-${String((world.next() % 28) + 1).padStart(2, "0")},1.2\n`,
      headers: { "content-type": "text/csv" },
    }),
    allowed: adminOnly,
    success: 200,
  },
  {
    // A file of one fresh commitment and its event: a ministry imports its own donor's records only.
    route: "POST /v1/imports",
    request: async (world, own) => ({
      method: "POST",
      path: "/v1/imports?format=template-csv",
      body: await importFile(world, own),
      headers: { "content-type": "text/csv" },
    }),
    allowed: donorWrite,
    success: 201,
    foreignRefusalOf: { editor: 422 },
  },
  // Accounts: people manage their own organisation's tokens; administrators, organisations and users.
  {
    route: "POST /v1/tokens",
    request: async () => ({
      method: "POST",
      path: "/v1/tokens",
      body: { name: "matrix", scopes: ["read"], expiresInDays: 30 },
    }),
    allowed: { own: signedInPeople, foreign: signedInPeople },
    success: 201,
  },
  {
    route: "POST /v1/tokens/{id}/revoke",
    request: async (world, own, who) => {
      const mine = world.organisationOf[who];
      const organisationId = own && mine ? mine : world.ngo.id === mine ? world.recipient.id : world.ngo.id;
      const creator = await someUserOf(world.db, organisationId);
      const { info } = await createApiToken(world.db, {
        organisationId,
        name: "matrix",
        scopes: ["read"],
        createdBy: creator,
      });
      return { method: "POST", path: `/v1/tokens/${info.id}/revoke`, body: {} };
    },
    allowed: { own: signedInPeople, foreign: [] },
    success: 200,
    // Another organisation's token is not ours to confirm: not found, not forbidden.
    foreignRefusal: 404,
  },
  {
    route: "POST /v1/organisations",
    request: async (world) => ({
      method: "POST",
      path: "/v1/organisations",
      body: { kind: "ngo", name: `Matrix NGO ${world.next()}` },
    }),
    allowed: adminOnly,
    success: 201,
  },
  {
    route: "POST /v1/organisations/{id}/users",
    request: async (world) => ({
      method: "POST",
      path: `/v1/organisations/${world.ngo.id}/users`,
      body: { email: `new-${world.next()}@example.org`, name: "New analyst", roles: ["ngo_analyst"] },
    }),
    allowed: adminOnly,
    success: 201,
  },
  {
    route: "POST /v1/users/{id}/disable",
    request: async (world) => {
      const user = await createUser(world.db, {
        organisationId: world.ngo.id,
        email: `leaver-${world.next()}@example.org`,
        name: "Leaver",
        password: "a long enough password",
        roles: ["ngo_analyst"],
      });
      return { method: "POST", path: `/v1/users/${user.id}/disable`, body: {} };
    },
    allowed: adminOnly,
    success: 200,
  },
];

function referenceRows(): Row[] {
  const accord = (n: number) => ({
    title: `A matrix accord ${n}`,
    shortTitle: `Matrix accord ${n}`,
    guarantors: ["GB"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: { form: "political_agreement", cooperationAreas: ["training"], mutualDefenceClause: false },
    signed: "2025-03",
    statusHistory: [{ status: "signed", date: "2025-03", sources }],
    sources,
  });
  const agreement = async (world: World) => {
    const n = world.next();
    const response = await world.adminRequest({
      method: "POST",
      path: "/v1/agreements",
      body: { ...accord(n), id: `matrix-accord-${n}` },
    });
    expect(response.status).toBe(201);
    return `matrix-accord-${n}`;
  };
  const provision = async (world: World) => {
    const id = await agreement(world);
    const response = await world.adminRequest({
      method: "POST",
      path: "/v1/provisions",
      body: {
        id: `${id}-p`,
        agreement: id,
        position: 0,
        provision: { kind: "mutual_defence", present: false, text: "None.", sources },
      },
    });
    expect(response.status).toBe(201);
    return `${id}-p`;
  };
  return [
    {
      route: "POST /v1/agreements",
      request: async (world) => ({ method: "POST", path: "/v1/agreements", body: accord(world.next()) }),
      allowed: adminOnly,
      success: 201,
    },
    {
      route: "PATCH /v1/agreements/{id}",
      request: async (world) => patch(`/v1/agreements/${await agreement(world)}`, { summary: "Corrected." }),
      allowed: adminOnly,
      success: 200,
    },
    {
      route: "POST /v1/agreements/{id}/retract",
      request: async (world) => retract(`/v1/agreements/${await agreement(world)}`),
      allowed: adminOnly,
      success: 200,
    },
    {
      route: "POST /v1/provisions",
      request: async (world) => ({
        method: "POST",
        path: "/v1/provisions",
        body: {
          agreement: await agreement(world),
          position: 0,
          provision: { kind: "mutual_defence", present: false, text: "None.", sources },
        },
      }),
      allowed: adminOnly,
      success: 201,
    },
    {
      route: "PATCH /v1/provisions/{id}",
      request: async (world) => patch(`/v1/provisions/${await provision(world)}`, { position: 1 }),
      allowed: adminOnly,
      success: 200,
    },
    {
      route: "POST /v1/provisions/{id}/retract",
      request: async (world) => retract(`/v1/provisions/${await provision(world)}`),
      allowed: adminOnly,
      success: 200,
    },
  ];
}

async function importFile(world: World, own: boolean): Promise<string> {
  const id = `matrix-import-${world.next()}`;
  const records = {
    commitments: [
      {
        id,
        donor: own ? "GB" : "FR",
        recipient: "UA",
        title: "An imported matrix line",
        category: "funding.budget_support" as const,
        measure: eur("1000"),
        measureBasis: "total" as const,
        conditions: [],
        sources,
        synthetic: false,
      },
    ],
    tranches: [],
    events: [
      {
        id: `${id}-delivered`,
        commitment: id,
        stage: "delivered" as const,
        date: "2025-03",
        measure: eur("400"),
        confidence: "reported_by_donor" as const,
        sources,
        synthetic: false,
      },
    ],
  };
  let text = "";
  for await (const line of writeTemplateCsv([records])) text += line;
  return text;
}

async function someUserOf(db: Db, organisationId: string): Promise<string> {
  const [user] = await listUsers(db, organisationId);
  if (!user) throw new Error(`no user in ${organisationId}`);
  return user.id;
}

// Sign-in rows are not about authorisation: they are what makes a principal. They have their own tests. The
// classifier is a computation anyone may ask for: it writes nothing.
const notAuthorisation = [
  "POST /v1/session",
  "DELETE /v1/session",
  "POST /v1/session/sign-out-everywhere",
  "POST /v1/session/password",
  "POST /v1/gradation/classify",
];

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
