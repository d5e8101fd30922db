import {
  commitmentEntity,
  createRecord,
  type Db,
  disputeEntity,
  eventEntity,
  type Organisation,
  type Placement,
  partyEntity,
  proposalEntity,
  trancheEntity,
  withChangeSet,
} from "@commitments/db";

/* Who asks and the records they ask about, for the authorisation matrix (authorisation.test.ts). */

export type Who =
  | "public"
  | "analyst"
  | "editor"
  | "approver"
  | "verifier"
  | "newsroom"
  | "admin"
  | "readToken";
export const everyone: Who[] = [
  "public",
  "analyst",
  "editor",
  "approver",
  "verifier",
  "newsroom",
  "admin",
  "readToken",
];
export const signedInPeople: Who[] = ["analyst", "editor", "approver", "verifier", "newsroom", "admin"];

export const sources = [{ title: "Authorisation matrix fixture", kind: "research" as const }];
export const eur = (amount: string) => ({ kind: "money" as const, amount, currency: "EUR" });

export interface World {
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
export interface Request {
  method: "POST" | "PATCH";
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Row {
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
export async function write<R extends { id: string }>(
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

export async function commitment(world: World, own: boolean, status: Placement["status"] = "published") {
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

export async function tranche(world: World, own: boolean, status: Placement["status"] = "published") {
  const parent = await commitment(world, own);
  return write(
    world,
    trancheEntity,
    { id: `${parent}-t1`, commitment: parent, position: 0, due: "2025-06", measure: eur("500") },
    { status, organisation: (own ? world.own : world.foreign).id },
  );
}

export async function event(world: World, own: boolean, status: Placement["status"] = "published") {
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

export async function party(world: World) {
  const n = world.next();
  return write(
    world,
    partyEntity,
    { id: `MATRIX_${n}`, kind: "organisation", name: `Matrix party ${n}` },
    { status: "published", organisation: null },
  );
}

/** A ministry's proposed correction of a published commitment of its donor, waiting for its approver. */
export async function proposal(world: World, own: boolean) {
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

export async function dispute(world: World, organisation: string) {
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

export const patch = (path: string, set: Record<string, unknown>): Request => ({
  method: "PATCH",
  path,
  body: { set, reason: "matrix correction" },
  headers: { "if-match": '"1"' },
});
export const retract = (path: string): Request => ({
  method: "POST",
  path: `${path}/retract`,
  body: { reason: "matrix retraction" },
  headers: { "if-match": '"1"' },
});
export const status = (path: string, to: string): Request => ({
  method: "POST",
  path: `${path}/status`,
  body: { status: to, reason: "matrix step" },
  headers: { "if-match": '"1"' },
});

// Ministries write their own donor's records; the tracker's administrators any.
