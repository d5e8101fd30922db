import {
  type ChangeSet,
  type Db,
  type Entity,
  findIdempotencyKey,
  getRecord,
  LedgerError,
  liveDependents,
  openChangeSet,
  recordHistory,
  replaceRecord,
  retractRecord,
  type StoredResponse,
  storeIdempotencyKey,
  writeTransaction,
} from "@commitments/db";
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "./context.ts";
import { ApiError, placingFields, validationError } from "./errors.ts";
import type { AppRouteHandler } from "./handler.ts";
import { canonicalJson, requestHash } from "./idempotency.ts";

/** How the API writes and shows one kind of ledger record. */
export interface LedgerResource<R extends { id: string }, Body, View> {
  /** The record's name in messages: "agreement". */
  noun: string;
  /** Its collection: "/v1/agreements". */
  path: string;
  entity: Entity<R>;
  /** The core schema every version must satisfy: an update's merged record is checked against it. */
  schema: z.ZodType<R>;
  /** Writes what a create body describes, in the change set; returns the id of the record created. */
  create(tx: Db, cs: ChangeSet, body: Body): Promise<string>;
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

// PostgreSQL text holds no NUL character, and a lone surrogate is not text at all: both are refused by name
// rather than failing in the database or being silently replaced.
const unstorable = (text: string) => text.includes("\0") || /\p{Cs}/u.test(text);

function checkText(value: unknown, path: string[] = []): void {
  if (typeof value === "string" && unstorable(value)) {
    throw new ApiError("VALIDATION_FAILED", `Invalid json field "${path.join(".")}": not storable text`, [
      { location: "json", path: path.join("."), message: "contains a NUL character or a lone surrogate" },
    ]);
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) checkText(inner, [...path, key]);
  }
}

function actorOf(c: Context<AppEnv>): string {
  const actor = c.get("actor");
  if (!actor) throw new ApiError("UNAUTHORIZED", "Writes need an Authorization: Bearer <token> header");
  return actor;
}

/** The version an update is based on, from If-Match (already checked to be one quoted version number). */
function basedOn(ifMatch: string | undefined): number {
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
  const actor = actorOf(c);
  const { reason, ...record } = body;
  const scope = `POST ${resource.path}`;
  const hash = idempotencyKey === undefined ? "" : requestHash(await c.req.json());
  const outcome = await writeTransaction(c.get("db"), async (tx) => {
    if (idempotencyKey !== undefined) {
      const stored = await findIdempotencyKey(tx, scope, idempotencyKey);
      if (stored && stored.requestHash !== hash) {
        throw new ApiError("UNPROCESSABLE", "Idempotency-Key reused with a different body", [
          { location: "header", path: "idempotency-key", message: "already used for another request" },
        ]);
      }
      if (stored) return { replayed: true, response: stored.response };
    }
    const cs = await openChangeSet(tx, { actor, origin: "api", reason });
    const id = await resource.create(tx, cs, record as Body);
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
  const actor = actorOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await current(tx, resource, id, expected);
    const merged: Record<string, unknown> = { ...before.record };
    for (const [field, value] of Object.entries(body.set)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    const parsed = resource.schema.safeParse(merged);
    if (!parsed.success) throw validationError(parsed.error, "json", ["set"]);
    if (stored(resource.entity, parsed.data) === stored(resource.entity, before.record)) {
      throw new ApiError("UNPROCESSABLE", "The update changes nothing", [
        { location: "json", path: "set", message: "every field already has this value" },
      ]);
    }
    const cs = await openChangeSet(tx, { actor, origin: "api", reason: body.reason });
    await placingFields("set.", () => replaceRecord(tx, cs, resource.entity, id, expected, parsed.data));
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
  const actor = actorOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    await current(tx, resource, id, expected);
    const dependents = await liveDependents(tx, resource.entity, id);
    if (dependents.length > 0) {
      const named = dependents.map((d) => `${d.entity} "${d.id}"`);
      throw new ApiError(
        "CONFLICT",
        `${resource.noun} "${id}" cannot be retracted while live records refer to it: ${named.join(", ")}. Retract them first.`,
        named.map((name) => ({ location: "param", path: "id", message: `${name} refers to it` })),
      );
    }
    const cs = await openChangeSet(tx, { actor, origin: "api", reason: body.reason });
    await retractRecord(tx, cs, resource.entity, id, expected);
    return respond(tx, resource, id, cs);
  });
  return answer(c, response);
}

/**
 * Every version of a record, oldest first, and for each field its successive values with the version that
 * brought each in: the record's whole story, readable field by field.
 */
export async function historyOf<R extends { id: string }>(
  db: Db,
  resource: LedgerResource<R, never, unknown>,
  id: string,
) {
  const entries = await recordHistory(db, resource.entity, id);
  if (entries.length === 0) throw new ApiError("NOT_FOUND", `No ${resource.noun} with id "${id}"`);
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
  return {
    data: {
      id,
      versions: entries.map((e) => ({
        version: e.version,
        action: e.action,
        recordedAt: e.recordedAt.toISOString(),
        supersededAt: e.supersededAt?.toISOString() ?? null,
        actor: e.actor,
        origin: e.origin,
        reason: e.reason,
        changeSet: e.changeSet,
        changes: e.changes,
        record: e.record,
      })),
      fields,
    },
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
    c.json(await historyOf(c.get("db"), updatable as LedgerResource<R, never, unknown>, id(c)), 200);
  // The typed client takes its types from the routes; these casts only bind the shared handlers to them.
  return {
    create: create as unknown as AppRouteHandler<W["create"]>,
    update: update as unknown as AppRouteHandler<W["update"]>,
    retract: retract as unknown as AppRouteHandler<W["retract"]>,
    history: history as unknown as AppRouteHandler<W["history"]>,
  };
}
