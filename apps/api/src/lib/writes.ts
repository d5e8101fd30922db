import {
  type Action,
  authorise,
  confidenceAllowed,
  type ProposalTargetKind,
  type WorkflowStatus,
} from "@commitments/core";
import {
  type ChangeSet,
  checkReplacement,
  commitmentEntity,
  type Db,
  type Entity,
  findIdempotencyKey,
  getRecord,
  liveDependents,
  openChangeSet,
  type Placement,
  replaceRecord,
  retractRecord,
  type StoredResponse,
  storeIdempotencyKey,
  type Versioned,
  writeTransaction,
} from "@commitments/db";
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import { allow, isAdministrator, principalOf } from "./auth.ts";
import type { AppEnv, Principal } from "./context.ts";
import { ApiError, checkStorable, placingFields, validationError } from "./errors.ts";
import type { AppRouteHandler } from "./handler.ts";
import { historyOf } from "./history.ts";
import { canonicalJson, requestHash } from "./idempotency.ts";
import {
  type Access,
  changeSetOf,
  checkCurrent,
  type LedgerResource,
  precondition,
  targetOf,
  visibleRecord,
  type Written,
} from "./ledger-resource.ts";
import { propose } from "./proposals.ts";

// The default hook has checked validated bodies already; a write called otherwise is checked all the same.
function checkText(value: unknown): void {
  checkStorable(value, "json");
}

/** The fields that make a figure what it is: changing one unconfirms it. */
const figureFields = ["commitment", "stage", "date", "period", "measure"];

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
async function authoriseOn<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  action: Action,
  record: R,
  placement: Placement,
) {
  if (access.kind === "reference") return allow(principal, "reference.edit");
  allow(principal, action, await targetOf(tx, principal, access, record, placement));
}

/**
 * How a change of an existing record goes: a draft is edited (or retracted) by its own organisation; a published
 * record is changed directly by the tracker's administrators, and through a proposal by a ministry. Refuses, with
 * core's reason, whoever may do neither.
 */
async function routeOf<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  draftAction: "record.update" | "record.retract",
  before: Versioned<R>,
): Promise<"direct" | "proposal"> {
  if (access.kind === "reference" || before.status !== "published") {
    await authoriseOn(tx, principal, access, draftAction, before.record, before);
    return "direct";
  }
  const target = await targetOf(tx, principal, access, before.record, before);
  if (authorise(principal.actor, "record.correct", target).allowed) return "direct";
  allow(principal, "record.propose", target);
  return "proposal";
}

/** Where a new record starts: the tracker's own are published as written; a ministry's start as its drafts. */
function placementFor(principal: Principal): Placement {
  return isAdministrator(principal.actor)
    ? { status: "published", organisation: principal.organisationId }
    : { status: "draft", organisation: principal.organisationId };
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

/** Sends a write's response as it was made: the record (200), or the proposal it became (202). */
function sent(c: Context<AppEnv>, response: StoredResponse) {
  return c.json(answer<unknown>(c, response), response.status as 200 | 202);
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

/** The record as stored would give it back: amounts normalised, absent fields absent. */
function stored<R extends { id: string }>(entity: Entity<R>, record: R): string {
  return canonicalJson(entity.fromRow(entity.toRow(record)));
}

/**
 * Corrects a record: the fields in `set` replace the current ones (null removes an optional field), the
 * result is checked against the record's schema, and becomes the next version; or, for a ministry's change of a
 * published record, a proposal its approver publishes (202). A record the caller may not see is not found, before
 * its version is compared.
 */
export async function updateVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { set: object; reason: string },
): Promise<StoredResponse> {
  checkText(body);
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  checkSettable(principal, resource.access as Access<never>, Object.keys(body.set), "set.");
  checkConfidence(principal, body.set, "set.confidence");
  return writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
    const route = await routeOf(tx, principal, resource.access, "record.update", before);
    const expected = checkCurrent(resource, before, based);
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
    const action =
      route === "proposal"
        ? "record.propose"
        : before.status === "published"
          ? "record.correct"
          : "record.update";
    await placingFields("set.", () =>
      authoriseOn(tx, principal, resource.access, action, parsed.data, before),
    );
    if (route === "proposal") {
      // Checked now as it will be when published: references, measures alike, nothing written.
      await placingFields("set.", () => checkReplacement(tx, resource.entity, parsed.data));
      const target = { kind: resource.entity.name as ProposalTargetKind, id };
      return propose(
        tx,
        principal,
        target,
        expected,
        { kind: "correction", record: parsed.data },
        body.reason,
      );
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    // Editing a submitted draft sends it back to draft: the approver approves what they will publish.
    const placement: Partial<Placement> | undefined =
      before.status === "submitted" && !isAdministrator(principal.actor) ? { status: "draft" } : undefined;
    await placingFields("set.", () =>
      replaceRecord(tx, cs, resource.entity, id, expected, parsed.data, placement),
    );
    return respond(tx, resource, id, cs);
  });
}

/**
 * Retracts a record, unless live records still refer to it: those are named, to be retracted first. A ministry's
 * retraction of a published record is a proposal its approver publishes (202).
 */
export async function retractVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { reason: string },
): Promise<StoredResponse> {
  checkText(body);
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  return writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
    const route = await routeOf(tx, principal, resource.access, "record.retract", before);
    const expected = checkCurrent(resource, before, based);
    const dependents = await liveDependents(tx, resource.entity, id);
    if (dependents.length > 0) {
      const named = dependents.map((d) => `${d.entity} "${d.id}"`);
      throw new ApiError(
        "CONFLICT",
        `${resource.noun} "${id}" cannot be retracted while live records refer to it: ${named.join(", ")}. Retract them first.`,
        named.map((name) => ({ location: "param", path: "id", message: `${name} refers to it` })),
      );
    }
    if (route === "proposal") {
      const target = { kind: resource.entity.name as ProposalTargetKind, id };
      return propose(tx, principal, target, expected, { kind: "retraction" }, body.reason);
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    await retractRecord(tx, cs, resource.entity, id, expected);
    return respond(tx, resource, id, cs);
  });
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
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
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
    const expected = checkCurrent(resource, before, based);
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
    sent(
      c,
      await updateVia(c, updatable, id(c), header(c, "if-match"), json(c) as { set: object; reason: string }),
    );
  const retract = async (c: Context<AppEnv>) =>
    sent(c, await retractVia(c, updatable, id(c), header(c, "if-match"), json(c) as { reason: string }));
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
