import {
  commitmentEntity,
  createApiToken,
  type createRecord,
  createUser,
  eventEntity,
  type Placement,
  proposalEntity,
  trancheEntity,
} from "@commitments/db";
import { writeTemplateCsv } from "@commitments/importers";
import { send, type TestAccount, type TestSession, type useApp } from "../testing.ts";
import type { Json } from "./json-schema.ts";

/* Each write operation's plan for hostile-writes.test.ts: who sends it, its valid example, its fixtures. */

// --- The operations: who sends them, their valid example, and what is malformed about them ------------------------

export const sources = [
  { title: "Hostile-input fixture", kind: "research", publisher: "Tests", published: "2025-01" },
];
export const eur = (amount: string) => ({ kind: "money", amount, currency: "EUR" });

export interface World {
  ctx: ReturnType<typeof useApp>;
  next(): number;
  /** Writes a record straight into the ledger, in the workflow place a route needs. */
  ledger<R extends { id: string }>(
    entity: Parameters<typeof createRecord<R>>[2],
    record: R,
    status?: Placement["status"],
  ): Promise<string>;
  /** A fresh administrator of the maintainers, signed in: account routes act on their own person. */
  person(): Promise<{ account: TestAccount; session: TestSession }>;
}

export interface Prepared {
  path: string;
  headers?: Record<string, string>;
  /** The valid example; its faults are what is sent. */
  body?: Json | string;
  /** How the route is addressed: as the administrator's token (default), its session, or nobody (sign-in). */
  as?: { authorization: string } | TestSession | "public";
  /** Ids the path's junk must never equal (path and CSRF kinds). */
  real?: string;
}

export type PlanKind = "json" | "rates-csv" | "import" | "path" | "csrf";

export interface Plan {
  kind?: PlanKind;
  prepare(world: World): Promise<Prepared>;
  /** The status of the valid example. */
  success: number;
}

export const accord = (n: number) => ({
  id: `hostile-accord-${n}`,
  title: `A hostile-input accord ${n}`,
  shortTitle: `Accord ${n}`,
  summary: "An accord the hostile-input tests write.",
  guarantors: ["GB", "FR"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "political_agreement",
    parties: "bilateral",
    legallyBinding: false,
    cooperationAreas: ["training", "intelligence"],
    mutualDefenceClause: false,
  },
  signed: "2025-03",
  durationYears: 10,
  statusHistory: [{ status: "signed", date: "2025-03", sources }],
  sources,
  reason: "hostile-input fixture",
});

export async function agreement(world: World): Promise<string> {
  const body = accord(world.next());
  const response = await send(world.ctx.app, "POST", "/v1/agreements", body);
  if (response.status !== 201) throw new Error(`fixture agreement: ${await response.text()}`);
  return body.id;
}

export async function provision(world: World): Promise<string> {
  const parent = await agreement(world);
  const id = `${parent}-p`;
  const response = await send(world.ctx.app, "POST", "/v1/provisions", {
    id,
    agreement: parent,
    position: 0,
    provision: { kind: "mutual_defence", present: false, text: "None.", sources },
  });
  if (response.status !== 201) throw new Error(`fixture provision: ${await response.text()}`);
  return id;
}

export async function commitment(world: World, status: Placement["status"] = "published"): Promise<string> {
  const n = world.next();
  return world.ledger(
    commitmentEntity,
    {
      id: `hostile-commitment-${n}`,
      donor: "GB",
      recipient: "UA",
      title: `Hostile-input commitment ${n}`,
      category: "funding.budget_support",
      measure: { kind: "money", amount: "1000", currency: "EUR" },
      measureBasis: "total",
      conditions: [],
      sources: [{ title: "Hostile-input fixture", kind: "research" }],
      synthetic: false,
    },
    status,
  );
}

export async function tranche(world: World, status: Placement["status"] = "published"): Promise<string> {
  const parent = await commitment(world);
  return world.ledger(
    trancheEntity,
    {
      id: `${parent}-t1`,
      commitment: parent,
      position: 0,
      due: "2025-06",
      measure: { kind: "money", amount: "500", currency: "EUR" },
    },
    status,
  );
}

export async function event(world: World, status: Placement["status"] = "published"): Promise<string> {
  const parent = await commitment(world);
  return world.ledger(
    eventEntity,
    {
      id: `${parent}-delivered`,
      commitment: parent,
      stage: "delivered",
      date: "2025-03",
      measure: { kind: "money", amount: "400", currency: "EUR" },
      confidence: "reported_by_donor",
      sources: [{ title: "Hostile-input fixture", kind: "research" }],
      synthetic: false,
    },
    status,
  );
}

export async function dispute(world: World): Promise<string> {
  const target = await event(world);
  const response = await send(world.ctx.app, "POST", "/v1/disputes", {
    target: { kind: "event", id: target },
    statement: "The delivery was smaller.",
    figure: eur("300"),
    sources,
  });
  if (response.status !== 201) throw new Error(`fixture dispute: ${await response.text()}`);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

export const ifMatch = { "if-match": '"1"' };
export const reason = "hostile-input fixture";

export function ledgerPlans(
  path: string,
  make: (world: World, status?: Placement["status"]) => Promise<string>,
  create: (world: World) => Promise<Json>,
  set: Json,
  workflow: boolean,
): Record<string, Plan> {
  const plans: Record<string, Plan> = {
    [`POST ${path}`]: { prepare: async (world) => ({ path, body: await create(world) }), success: 201 },
    [`PATCH ${path}/{id}`]: {
      prepare: async (world) => ({
        path: `${path}/${await make(world)}`,
        headers: ifMatch,
        body: { set, reason: "A correction the hostile-input tests make" },
      }),
      success: 200,
    },
    [`POST ${path}/{id}/retract`]: {
      prepare: async (world) => ({
        path: `${path}/${await make(world)}/retract`,
        headers: ifMatch,
        body: { reason },
      }),
      success: 200,
    },
  };
  if (workflow) {
    plans[`POST ${path}/{id}/status`] = {
      prepare: async (world) => ({
        path: `${path}/${await make(world, "draft")}/status`,
        headers: ifMatch,
        body: { status: "submitted", reason },
      }),
      success: 200,
    };
  }
  return plans;
}

export const plans: Record<string, Plan> = {
  "POST /v1/gradation/classify": {
    prepare: async () => ({
      path: "/v1/gradation/classify",
      body: {
        form: "political_agreement",
        parties: "multilateral",
        legallyBinding: true,
        ratified: false,
        mutualDefenceClause: false,
        cooperationAreas: ["training", "arms_supply"],
      },
    }),
    success: 200,
  },
  ...ledgerPlans(
    "/v1/agreements",
    agreement,
    async (world) => accord(world.next()),
    {
      summary: "Corrected.",
      guarantors: ["GB"],
      attributes: { form: "framework", ratified: true },
      signed: "2025-04",
    },
    false,
  ),
  ...ledgerPlans(
    "/v1/parties",
    async (world) => {
      const id = `HOSTILE_${world.next()}`;
      const response = await send(world.ctx.app, "POST", "/v1/parties", {
        id,
        kind: "organisation",
        name: id,
      });
      if (response.status !== 201) throw new Error(`fixture party: ${await response.text()}`);
      return id;
    },
    async (world) => ({
      id: `HOSTILE_NEW_${world.next()}`,
      kind: "organisation",
      name: "A hostile-input party",
      nameUk: "Сторона",
      alpha3: "HST",
      members: ["GB", "FR"],
      reason,
    }),
    { name: "Renamed", nameUk: "Перейменовано", members: ["GB"] },
    false,
  ),
  ...ledgerPlans(
    "/v1/commitments",
    commitment,
    async (world) => ({
      id: `hostile-new-commitment-${world.next()}`,
      donor: "GB",
      recipient: "UA",
      title: "A hostile-input funding line",
      category: "funding.budget_support",
      measure: eur("1000.50"),
      measureBasis: "total",
      period: { start: "2024", end: "2026-12" },
      conditions: ["subject to parliament's approval"],
      sources,
      synthetic: false,
      schedule: [
        { due: "2025-06", measure: eur("500"), note: "first" },
        { due: "2026", measure: eur("500.50") },
      ],
      reason,
    }),
    {
      title: "A corrected funding line",
      measure: eur("1200"),
      period: { start: "2024", end: "2027" },
      conditions: ["none"],
      sources,
    },
    true,
  ),
  ...ledgerPlans(
    "/v1/provisions",
    provision,
    async (world) => ({
      agreement: await agreement(world),
      position: 1,
      provision: {
        kind: "consultation",
        deadlineHours: 24,
        trigger: "an armed attack",
        text: "The parties consult within 24 hours.",
        sources,
      },
      reason,
    }),
    { position: 2, provision: { kind: "mutual_defence", present: false, text: "None.", sources } },
    false,
  ),
  ...ledgerPlans(
    "/v1/tranches",
    tranche,
    async (world) => ({
      commitment: await commitment(world),
      position: 1,
      due: "2026-03",
      measure: eur("100"),
      note: "second instalment",
      reason,
    }),
    { note: "moved", due: "2026-09", position: 2 },
    true,
  ),
  ...ledgerPlans(
    "/v1/events",
    event,
    async (world) => ({
      commitment: await commitment(world),
      stage: "delivered",
      date: "2025-05",
      period: { start: "2025-01", end: "2025-05" },
      measure: eur("100"),
      confidence: "reported_by_donor",
      sources,
      note: "a delivery",
      synthetic: false,
      reason,
    }),
    { note: "a corrected note", date: "2025-06", sources },
    true,
  ),
  "POST /v1/rates": {
    prepare: async (world) => {
      const day = String((world.next() % 28) + 1).padStart(2, "0");
      return {
        path: "/v1/rates",
        body: [
          { date: `2024-01-${day}`, currency: "USD", perEur: "1.0830" },
          { date: `2024-01-${day}`, currency: "GBP", perEur: "0.8551" },
        ],
      };
    },
    success: 200,
  },
  "POST /v1/rates/csv": {
    kind: "rates-csv",
    prepare: async () => ({
      path: "/v1/rates/csv",
      body: "Date,USD,GBP,JPY\n2023-03-01,1.0830,0.8551,145.20\n2023-03-02,1.0850,0.8560,N/A\n",
    }),
    success: 200,
  },
  "POST /v1/disputes": {
    prepare: async (world) => ({
      path: "/v1/disputes",
      body: {
        target: { kind: "event", id: await event(world) },
        statement: "The delivery was smaller than reported.",
        figure: eur("300"),
        sources,
      },
    }),
    success: 201,
  },
  "POST /v1/disputes/{id}/resolve": {
    prepare: async (world) => ({
      path: `/v1/disputes/${await dispute(world)}/resolve`,
      headers: ifMatch,
      body: { outcome: "upheld", resolution: "The donor's later report agrees" },
    }),
    success: 200,
  },
  "POST /v1/disputes/{id}/withdraw": {
    prepare: async (world) => ({
      path: `/v1/disputes/${await dispute(world)}/withdraw`,
      headers: ifMatch,
      body: { resolution: "Settled with the donor" },
    }),
    success: 200,
  },
  "POST /v1/annotations": {
    prepare: async (world) => ({
      path: "/v1/annotations",
      body: {
        target: { kind: "event", id: await event(world) },
        text: "Matches the donor's report.",
        sources,
      },
    }),
    success: 201,
  },
  "POST /v1/proposals/{id}/status": {
    prepare: async (world) => {
      const target = await commitment(world);
      const id = await world.ledger(proposalEntity, {
        id: `proposal-${target}`,
        target: { kind: "commitment", id: target },
        baseVersion: 1,
        kind: "retraction",
        organisation: world.ctx.admin.organisation.id,
        reason: "a ministry's proposed retraction",
        status: "submitted",
      });
      return {
        path: `/v1/proposals/${id}/status`,
        body: { status: "returned", reason: "The delivery is in the recipient's records" },
      };
    },
    success: 200,
  },
  "POST /v1/events/{id}/confirmations": {
    prepare: async (world) => ({
      path: `/v1/events/${await event(world)}/confirmations`,
      headers: ifMatch,
      body: { received: "2025-04", note: "received in full", sources },
    }),
    success: 201,
  },
  "POST /v1/session": {
    prepare: async (world) => {
      const { account } = await world.person();
      return {
        path: "/v1/session",
        as: "public",
        body: { email: account.user.email, password: account.password },
      };
    },
    success: 200,
  },
  "DELETE /v1/session": {
    kind: "csrf",
    prepare: async (world) => {
      const { session } = await world.person();
      return { path: "/v1/session", as: session, real: session.csrfToken };
    },
    success: 200,
  },
  "POST /v1/session/sign-out-everywhere": {
    kind: "csrf",
    prepare: async (world) => {
      const { session } = await world.person();
      return { path: "/v1/session/sign-out-everywhere", as: session, real: session.csrfToken };
    },
    success: 200,
  },
  "POST /v1/session/password": {
    prepare: async (world) => {
      const { account, session } = await world.person();
      return {
        path: "/v1/session/password",
        as: session,
        body: { current: account.password, next: "a new and long enough password" },
      };
    },
    success: 200,
  },
  "POST /v1/tokens": {
    prepare: async (world) => {
      const { session } = await world.person();
      return {
        path: "/v1/tokens",
        as: session,
        body: { name: "hostile", scopes: ["read", "write"], expiresInDays: 30 },
      };
    },
    success: 201,
  },
  "POST /v1/tokens/{id}/revoke": {
    kind: "path",
    prepare: async (world) => {
      const { account, session } = await world.person();
      const { info } = await createApiToken(world.ctx.database.db, {
        organisationId: account.organisation.id,
        name: "to revoke",
        scopes: ["read"],
        createdBy: account.user.id,
      });
      return { path: "/v1/tokens/{id}/revoke", as: session, real: info.id };
    },
    success: 200,
  },
  "POST /v1/notices/read": {
    prepare: async (world) => {
      const { session } = await world.person();
      return { path: "/v1/notices/read", as: session, body: { upTo: "2026-01-01T00:00:00Z", ids: [1, 2] } };
    },
    success: 200,
  },
  "POST /v1/organisations": {
    prepare: async (world) => ({
      path: "/v1/organisations",
      body: { kind: "partner_ministry", name: `Hostile-input ministry ${world.next()}`, party: "GB" },
    }),
    success: 201,
  },
  "POST /v1/organisations/{id}/users": {
    prepare: async (world) => ({
      path: `/v1/organisations/${world.ctx.admin.organisation.id}/users`,
      body: {
        email: `hostile-${world.next()}@example.org`,
        name: "A new analyst",
        roles: ["ngo_analyst", "administrator"],
        password: "a long enough password",
      },
    }),
    success: 201,
  },
  "POST /v1/users/{id}/disable": {
    kind: "path",
    prepare: async (world) => {
      const user = await createUser(world.ctx.database.db, {
        organisationId: world.ctx.admin.organisation.id,
        email: `leaver-${world.next()}@example.org`,
        name: "Leaver",
        password: "a long enough password",
        roles: ["ngo_analyst"],
      });
      return { path: "/v1/users/{id}/disable", real: user.id };
    },
    success: 200,
  },
  "POST /v1/imports": {
    kind: "import",
    prepare: async (world) => {
      const id = `hostile-import-${world.next()}`;
      let text = "";
      for await (const line of writeTemplateCsv([
        {
          commitments: [
            {
              id,
              donor: "GB",
              recipient: "UA",
              title: "An imported hostile-input line",
              category: "funding.budget_support",
              measure: { kind: "money", amount: "1000", currency: "EUR" },
              measureBasis: "total",
              conditions: [],
              sources: [{ title: "Hostile-input fixture", kind: "research" }],
              synthetic: false,
            },
          ],
          tranches: [],
          events: [],
        },
      ]))
        text += line;
      return { path: "/v1/imports", body: text };
    },
    success: 201,
  },
};
