import {
  type Action,
  confidenceAllowed,
  type RecordRef,
  remarkTargetKinds,
  type Target,
  type WorkflowStatus,
} from "@commitments/core";
import {
  type ChangeSet,
  commitmentEntity,
  type Db,
  type Entity,
  findIdempotencyKey,
  getRecord,
  type HistoryEntry,
  LedgerError,
  liveDependents,
  openChangeSet,
  type Placement,
  recordHistory,
  remarkHistory,
  replaceRecord,
  retractRecord,
  type StoredResponse,
  storeIdempotencyKey,
  writeTransaction,
} from "@commitments/db";
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { z } from "zod";
import { allow, isAdministrator, principalOf, visibilityOf } from "./auth.ts";
import type { AppEnv, Principal } from "./context.ts";
import { ApiError, checkStorable, placingFields, validationError } from "./errors.ts";
import type { AppRouteHandler } from "./handler.ts";
import { canonicalJson, requestHash } from "./idempotency.ts";

/**
 * Who may write a kind of record: the tracker's administrators only (reference data: parties, agreements,
 * provisions), or a ministry for its own donor's records (commitments, tranches, events), which then pass
 * draft → submitted → published.
 */
export type Access<R> =
  | { kind: "reference" }
  | {
      kind: "donor";
      /** The fields a ministry may set in a request; anything else is refused (no mass assignment). */
      fields: readonly string[];
      /** The donor and recipient the record belongs to (a tranche's or event's through its commitment). */
      target(tx: Db, record: R): Promise<Target>;
    };

/** The donor and recipient of a tranche or event: its commitment's, whatever that commitment's status. */
export async function commitmentTarget(tx: Db, commitment: string): Promise<Target> {
  const found = await getRecord(tx, commitmentEntity, commitment);
  if (!found || found.retracted)
    throw new LedgerError("REFERENCE_NOT_FOUND", `no commitment "${commitment}"`, "commitment");
  return { donor: found.record.donor, recipient: found.record.recipient };
}

/** How the API writes and shows one kind of ledger record. */
export interface LedgerResource<R extends { id: string }, Body, View> {
  /** The record's name in messages: "agreement". */
  noun: string;
  access: Access<R>;
  /** Its collection: "/v1/agreements". */
  path: string;
  entity: Entity<R>;
  /** The core schema every version must satisfy: an update's merged record is checked against it. */
  schema: z.ZodType<R>;
  /** Writes what a create body describes, in the change set and workflow place; returns the new record's id. */
  create(tx: Db, cs: ChangeSet, body: Body, placement: Placement): Promise<string>;
  /** The representation GET answers with, as it stands now, and the version its ETag names. */
  view(db: Db, id: string): Promise<{ version: number; data: View } | undefined>;
}

/** A write's answer: the representation, and the change set it was recorded in. */
export interface Written<View> {
  data: View;
  meta: { datasetVersion: number; asOf: string };
}

/** A record assembled from a create body, checked against its core schema; failures name the body's fields. */
export function checked<T>(schema: z.ZodType<T>, record: unknown): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw validationError(parsed.error, "json");
  return parsed.data;
}

// The default hook has checked validated bodies already; a write called otherwise is checked all the same.
function checkText(value: unknown): void {
  checkStorable(value, "json");
}

/** The fields that make a figure what it is: changing one unconfirms it. */
const figureFields = ["commitment", "stage", "date", "period", "measure"];

/** The change set of a write: who, through the API, and why. */
export function changeSetOf(principal: Principal, reason: string | undefined) {
  return {
    actor: principal.label,
    origin: "api" as const,
    reason,
    organisationId: principal.organisationId,
    userId: principal.userId,
    tokenId: principal.tokenId,
  };
}

/** Refuses fields the principal's role may not set, by name (administrators maintain every field). */
function checkSettable(principal: Principal, access: Access<never>, fields: string[], within = "") {
  if (access.kind !== "donor" || isAdministrator(principal.actor)) return;
  const refused = fields.filter((field) => !access.fields.includes(field));
  if (refused.length > 0) {
    throw new ApiError(
      "FORBIDDEN",
      `Not allowed: your role may not set ${refused.map((f) => `"${within}${f}"`).join(", ")}`,
      refused.map((field) => ({
        location: "json",
        path: `${within}${field}`,
        message: "not settable by your role",
      })),
    );
  }
}

/** A figure's confidence says who vouches for it: a donor may not state that its recipient confirmed it. */
function checkConfidence(principal: Principal, record: object, path: string) {
  const confidence = (record as { confidence?: unknown }).confidence;
  if (typeof confidence === "string" && !confidenceAllowed(principal.actor, confidence)) {
    throw new ApiError("FORBIDDEN", `Not allowed: your role may not state the confidence "${confidence}"`, [
      {
        location: "json",
        path,
        message:
          confidence === "disputed"
            ? "opening a dispute marks a figure disputed"
            : "not a confidence your role vouches for",
      },
    ]);
  }
}

/** Checks `action` on a record, as it is and (for an update) as it would become. */
async function authoriseOn<R>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  action: Action,
  record: R,
  placement: Placement,
) {
  if (access.kind === "reference") return allow(principal, "reference.edit");
  const target = await access.target(tx, record);
  allow(principal, action, {
    ...target,
    status: placement.status,
    organisation: placement.organisation ?? undefined,
  });
}

/** Where a new record starts: the tracker's own are published as written; a ministry's start as its drafts. */
function placementFor(principal: Principal): Placement {
  return isAdministrator(principal.actor)
    ? { status: "published", organisation: principal.organisationId }
    : { status: "draft", organisation: principal.organisationId };
}

/** The version an update is based on, from If-Match (already checked to be one quoted version number). */
export function basedOn(ifMatch: string | undefined): number {
  if (ifMatch === undefined) {
    throw new ApiError(
      "PRECONDITION_REQUIRED",
      'If-Match is required: send the ETag you read, e.g. If-Match: "3"',
      [{ location: "header", path: "if-match", message: "missing" }],
    );
  }
  return Number(ifMatch.slice(1, -1));
}

/** A write's response, as sent and as kept for an idempotent replay. */
async function respond<V>(
  tx: Db,
  resource: LedgerResource<{ id: string }, never, V>,
  id: string,
  cs: ChangeSet,
  status: 200 | 201 = 200,
): Promise<StoredResponse> {
  const shown = await resource.view(tx, id);
  if (!shown) throw new Error(`${resource.noun} "${id}" was written but cannot be read back`);
  const body: Written<V> = {
    data: shown.data,
    meta: { datasetVersion: cs.id, asOf: cs.recordedAt.toISOString() },
  };
  return {
    status,
    body: JSON.stringify(body),
    headers: {
      ...(status === 201 ? { Location: `${resource.path}/${encodeURIComponent(id)}` } : {}),
      ETag: `"${shown.version}"`,
    },
  };
}

function answer<V>(c: Context<AppEnv>, response: StoredResponse): Written<V> {
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  // c.json serialises with JSON.stringify, which gives back exactly the stored text.
  return JSON.parse(response.body) as Written<V>;
}

/**
 * Creates a record. With an Idempotency-Key, the key is looked up under the write lock, so of any number of
 * concurrent retries exactly one writes and the others replay its response; the same key with another body is
 * refused. Only a successful create is kept: a refused one wrote nothing, and may be retried as it was.
 */
export async function createVia<R extends { id: string }, Body, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, Body, V>,
  body: Body & { reason?: string | undefined },
  idempotencyKey: string | undefined,
): Promise<Written<V>> {
  checkText(body);
  const principal = principalOf(c);
  const { reason, ...record } = body;
  // The fields the client sent, not those the schema's defaults filled in.
  const sent = (await c.req.json()) as Record<string, unknown>;
  checkSettable(
    principal,
    resource.access as Access<never>,
    Object.keys(sent).filter((field) => field !== "reason"),
  );
  checkConfidence(principal, record, "confidence");
  // Keys are the organisation's own: another organisation's key never replays someone else's response.
  const scope = `POST ${resource.path} ${principal.organisationId}`;
  const hash = idempotencyKey === undefined ? "" : requestHash(sent);
  const placement = placementFor(principal);
  const outcome = await writeTransaction(c.get("db"), async (tx) => {
    await authoriseOn(tx, principal, resource.access, "record.create", record as unknown as R, placement);
    if (idempotencyKey !== undefined) {
      const stored = await findIdempotencyKey(tx, scope, idempotencyKey);
      if (stored && stored.requestHash !== hash) {
        throw new ApiError("UNPROCESSABLE", "Idempotency-Key reused with a different body", [
          { location: "header", path: "idempotency-key", message: "already used for another request" },
        ]);
      }
      if (stored) return { replayed: true, response: stored.response };
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, reason));
    const id = await resource.create(tx, cs, record as Body, placement);
    const response = await respond(tx, resource, id, cs, 201);
    if (idempotencyKey !== undefined) {
      await storeIdempotencyKey(tx, { scope, key: idempotencyKey, requestHash: hash, response });
    }
    return { replayed: false, response };
  });
  if (outcome.replayed) c.header("Idempotency-Replayed", "true");
  return answer(c, outcome.response);
}

/** The current version of a record, if the caller's If-Match still names it. Checked under the write lock. */
async function current<R extends { id: string }>(
  tx: Db,
  resource: LedgerResource<R, unknown, unknown>,
  id: string,
  expected: number,
) {
  const found = await getRecord(tx, resource.entity, id);
  if (!found) throw new LedgerError("NOT_FOUND", `no ${resource.noun} "${id}"`);
  if (found.version !== expected) {
    throw new LedgerError(
      "VERSION_MISMATCH",
      `${resource.noun} "${id}" is at version ${found.version}, not ${expected}`,
    );
  }
  if (found.retracted) throw new LedgerError("RETRACTED", `${resource.noun} "${id}" was retracted`);
  return found;
}

/** The record as stored would give it back: amounts normalised, absent fields absent. */
function stored<R extends { id: string }>(entity: Entity<R>, record: R): string {
  return canonicalJson(entity.fromRow(entity.toRow(record)));
}

/**
 * Corrects a record: the fields in `set` replace the current ones (null removes an optional field), the
 * result is checked against the record's schema, and becomes the next version.
 */
export async function updateVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { set: object; reason: string },
): Promise<Written<V>> {
  checkText(body);
  const expected = basedOn(ifMatch);
  const principal = principalOf(c);
  checkSettable(principal, resource.access as Access<never>, Object.keys(body.set), "set.");
  checkConfidence(principal, body.set, "set.confidence");
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await current(tx, resource, id, expected);
    // A published record is corrected, with the reason shown in its history; a draft is simply edited.
    const action = before.status === "published" ? "record.correct" : "record.update";
    await authoriseOn(tx, principal, resource.access, action, before.record, before);
    const merged: Record<string, unknown> = { ...before.record };
    for (const [field, value] of Object.entries(body.set)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    // A figure changed by someone who may not vouch for its confidence becomes their own report again: a
    // recipient's confirmation confirmed the figure as it was, not as it was later corrected. A note is no figure.
    const figureChanged = figureFields.some((field) => field in body.set);
    if (figureChanged && !("confidence" in body.set) && typeof merged.confidence === "string") {
      if (!confidenceAllowed(principal.actor, merged.confidence)) merged.confidence = "reported_by_donor";
    }
    const parsed = resource.schema.safeParse(merged);
    if (!parsed.success) throw validationError(parsed.error, "json", ["set"]);
    if (stored(resource.entity, parsed.data) === stored(resource.entity, before.record)) {
      throw new ApiError("UNPROCESSABLE", "The update changes nothing", [
        { location: "json", path: "set", message: "every field already has this value" },
      ]);
    }
    // The record as corrected must still be the principal's to write: no moving a record to another donor.
    await placingFields("set.", () =>
      authoriseOn(tx, principal, resource.access, action, parsed.data, before),
    );
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    // Editing a submitted draft sends it back to draft: the approver approves what they will publish.
    const placement: Partial<Placement> | undefined =
      before.status === "submitted" && !isAdministrator(principal.actor) ? { status: "draft" } : undefined;
    await placingFields("set.", () =>
      replaceRecord(tx, cs, resource.entity, id, expected, parsed.data, placement),
    );
    return respond(tx, resource, id, cs);
  });
  return answer(c, response);
}

/** Retracts a record, unless live records still refer to it: those are named, to be retracted first. */
export async function retractVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { reason: string },
): Promise<Written<V>> {
  checkText(body);
  const expected = basedOn(ifMatch);
  const principal = principalOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await current(tx, resource, id, expected);
    await authoriseOn(tx, principal, resource.access, "record.retract", before.record, before);
    const dependents = await liveDependents(tx, resource.entity, id);
    if (dependents.length > 0) {
      const named = dependents.map((d) => `${d.entity} "${d.id}"`);
      throw new ApiError(
        "CONFLICT",
        `${resource.noun} "${id}" cannot be retracted while live records refer to it: ${named.join(", ")}. Retract them first.`,
        named.map((name) => ({ location: "param", path: "id", message: `${name} refers to it` })),
      );
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    await retractRecord(tx, cs, resource.entity, id, expected);
    return respond(tx, resource, id, cs);
  });
  return answer(c, response);
}

const transitions: Record<WorkflowStatus, Partial<Record<WorkflowStatus, Action>>> = {
  draft: { submitted: "record.submit", published: "record.publish" },
  submitted: { published: "record.publish", draft: "record.return" },
  published: {},
};

/**
 * Moves a ministry's record along draft → submitted → published (or a submitted one back to draft). The step is
 * a version of its own, by who took it and why. Published stays published: it is corrected, never unpublished.
 * A tranche or event is published only under a published commitment, so the public never sees an orphan.
 */
export async function transitionVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { status: WorkflowStatus; reason?: string | undefined },
): Promise<Written<V>> {
  checkText(body);
  const expected = basedOn(ifMatch);
  const principal = principalOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await current(tx, resource, id, expected);
    const action = transitions[before.status][body.status];
    if (!action) {
      throw new ApiError(
        "CONFLICT",
        before.status === "published"
          ? `${resource.noun} "${id}" is published: correct it instead, giving the reason`
          : `a ${before.status} ${resource.noun} cannot become ${body.status}`,
        [{ location: "json", path: "status", message: `not a step from ${before.status}` }],
      );
    }
    await authoriseOn(tx, principal, resource.access, action, before.record, before);
    const parent = (before.record as { commitment?: string }).commitment;
    if (body.status === "published" && parent !== undefined) {
      const commitment = await getRecord(tx, commitmentEntity, parent);
      if (commitment?.status !== "published") {
        throw new ApiError("CONFLICT", `Publish commitment "${parent}" first`, [
          { location: "json", path: "status", message: "its commitment is not published" },
        ]);
      }
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    await replaceRecord(tx, cs, resource.entity, id, expected, before.record, { status: body.status });
    return respond(tx, resource, id, cs);
  });
  return answer(c, response);
}

/**
 * Every version of a record, oldest first, and for each field its successive values with the version that
 * brought each in: the record's whole story, readable field by field. Disputes, confirmations and annotations of
 * the record follow with their own versions. A draft's history is shown only to those who may see the draft.
 */
export async function historyOf<R extends { id: string }>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, unknown>,
  id: string,
) {
  const db = c.get("db");
  const now = await getRecord(db, resource.entity, id, undefined, visibilityOf(c.get("principal")));
  if (!now) throw new ApiError("NOT_FOUND", `No ${resource.noun} with id "${id}"`);
  const entries = await recordHistory(db, resource.entity, id);
  const names = [...new Set(entries.flatMap((e) => Object.keys(e.record)))];
  const fields: Record<string, { value: unknown; version: number; recordedAt: string }[]> =
    Object.fromEntries(names.map((name) => [name, []]));
  for (const entry of entries) {
    // A retraction repeats the data of the version it withdraws; no field changes with it.
    if (entry.action === "retract") continue;
    for (const name of names) {
      const value = (entry.record as Record<string, unknown>)[name] ?? null;
      const values = fields[name] ?? [];
      const last = values.at(-1);
      if (last ? canonicalJson(last.value) === canonicalJson(value) : value === null) continue;
      values.push({ value, version: entry.version, recordedAt: entry.recordedAt.toISOString() });
    }
  }
  const kind = resource.entity.name;
  const remarks = remarkTargetKinds.includes(kind as RecordRef["kind"])
    ? await remarkHistory(db, { kind: kind as RecordRef["kind"], id })
    : [];
  return {
    data: {
      id,
      versions: entries.map((e) => ({ ...historyEntry(e), status: e.status, record: e.record })),
      fields,
      remarks: remarks.map(({ kind, entry }) => ({
        kind,
        id: entry.record.id,
        ...historyEntry(entry),
        record: entry.record,
      })),
    },
  };
}

function historyEntry(e: HistoryEntry<unknown>) {
  return {
    version: e.version,
    action: e.action,
    recordedAt: e.recordedAt.toISOString(),
    supersededAt: e.supersededAt?.toISOString() ?? null,
    actor: e.actor,
    origin: e.origin,
    reason: e.reason,
    changeSet: e.changeSet,
    changes: e.changes,
  };
}

/** The create, update, retract and history routes of one kind of record, as `ledgerRoutes` makes them. */
interface LedgerRouteSet {
  create: RouteConfig;
  update: RouteConfig;
  retract: RouteConfig;
  history: RouteConfig;
}

/**
 * The four write-side handlers of a ledger resource, bound to its routes: every resource writes, corrects,
 * retracts and tells its history the same way, through the functions above. The routes' schemas have already
 * validated the input, so the handlers only read it back.
 */
export function ledgerHandlers<R extends { id: string }, Body, V, W extends LedgerRouteSet>(
  resource: LedgerResource<R, Body, V>,
  _routes: W,
) {
  // Each route validated its own parts (a create has no path id), so each handler reads only those it has.
  const json = (c: Context<AppEnv>) => c.req.valid("json" as never) as unknown;
  const header = (c: Context<AppEnv>, name: string) =>
    (c.req.valid("header" as never) as Record<string, string | undefined>)[name];
  const id = (c: Context<AppEnv>) => (c.req.valid("param" as never) as { id: string }).id;
  const updatable = resource as unknown as LedgerResource<R, never, V>;
  const create = async (c: Context<AppEnv>) =>
    c.json(
      await createVia(c, resource, json(c) as Body & { reason?: string }, header(c, "idempotency-key")),
      201,
    );
  const update = async (c: Context<AppEnv>) =>
    c.json(
      await updateVia(c, updatable, id(c), header(c, "if-match"), json(c) as { set: object; reason: string }),
      200,
    );
  const retract = async (c: Context<AppEnv>) =>
    c.json(await retractVia(c, updatable, id(c), header(c, "if-match"), json(c) as { reason: string }), 200);
  const history = async (c: Context<AppEnv>) =>
    c.json(await historyOf(c, updatable as LedgerResource<R, never, unknown>, id(c)), 200);
  // The typed client takes its types from the routes; these casts only bind the shared handlers to them.
  return {
    create: create as unknown as AppRouteHandler<W["create"]>,
    update: update as unknown as AppRouteHandler<W["update"]>,
    retract: retract as unknown as AppRouteHandler<W["retract"]>,
    history: history as unknown as AppRouteHandler<W["history"]>,
  };
}

/** The handler of a ministry record's workflow route (see `workflowRoute`). */
export function workflowHandler<R extends { id: string }, V, W extends RouteConfig>(
  resource: LedgerResource<R, never, V>,
  _route: W,
) {
  const handler = async (c: Context<AppEnv>) => {
    const { id } = c.req.valid("param" as never) as { id: string };
    const headers = c.req.valid("header" as never) as Record<string, string | undefined>;
    const body = c.req.valid("json" as never) as { status: WorkflowStatus; reason?: string };
    return c.json(await transitionVia(c, resource, id, headers["if-match"], body), 200);
  };
  return handler as unknown as AppRouteHandler<W>;
}
