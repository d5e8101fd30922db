import { createApiToken, createUser, type Db, listUsers, type Placement } from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { expect } from "vitest";
import {
  commitment,
  dispute,
  eur,
  event,
  party,
  patch,
  proposal,
  type Row,
  retract,
  signedInPeople,
  sources,
  status,
  tranche,
  type World,
} from "./fixtures.ts";

/* The rows of the authorisation matrix: each write route, who may send it on their own and on another's record, and what it answers. */

export const donorWrite = { own: ["editor", "admin"], foreign: ["admin"] } satisfies Row["allowed"];
// A ministry's change of a published record is a proposal for its approver; the administrators' is direct.
export const proposed = { editor: 202 } satisfies Row["successOf"];
export const adminOnly = { own: ["admin"], foreign: ["admin"] } satisfies Row["allowed"];

/** A donor-owned kind of record: create, correct, retract, submit, publish and return. */
export function donorRows(
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

export const rows: Row[] = [
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
  // Notices: each person marks their own read; there is no one else's to mark. A token is no person.
  {
    route: "POST /v1/notices/read",
    request: async () => ({
      method: "POST",
      path: "/v1/notices/read",
      body: { upTo: new Date().toISOString() },
    }),
    allowed: { own: signedInPeople, foreign: signedInPeople },
    success: 200,
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

export function referenceRows(): Row[] {
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

export async function importFile(world: World, own: boolean): Promise<string> {
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

export async function someUserOf(db: Db, organisationId: string): Promise<string> {
  const [user] = await listUsers(db, organisationId);
  if (!user) throw new Error(`no user in ${organisationId}`);
  return user.id;
}

// Sign-in rows are not about authorisation: they are what makes a principal. They have their own tests. The
// classifier is a computation anyone may ask for: it writes nothing.
export const notAuthorisation = [
  "POST /v1/session",
  "DELETE /v1/session",
  "POST /v1/session/sign-out-everywhere",
  "POST /v1/session/password",
  "POST /v1/gradation/classify",
];
