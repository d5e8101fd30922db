import type { WorkflowStatus } from "@commitments/core";
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import type { AppRouteHandler } from "../handler.ts";
import { historyOf } from "../history.ts";
import type { LedgerResource } from "../ledger-resource.ts";
import { createVia } from "./create.ts";
import { sent } from "./respond.ts";
import { retractVia } from "./retract.ts";
import { updateVia } from "./update.ts";
import { transitionVia } from "./workflow.ts";

/** The create, update, retract and history routes of one kind of record, as `ledgerRoutes` makes them. */
interface LedgerRouteSet {
  create: RouteConfig;
  update: RouteConfig;
  retract: RouteConfig;
  history: RouteConfig;
}

/**
 * What the routes of `ledgerRoutes` and `workflowRoute` have validated, each only the parts it has (a create has
 * no path id): the body, the headers, and the record's id.
 */
type Validated<Json> = {
  out: { json: Json; header: Record<string, string | undefined>; param: { id: string } };
};
type Validating<Json> = Context<AppEnv, string, Validated<Json>>;

/**
 * The four write-side handlers of a ledger resource, bound to its routes: every resource writes, corrects,
 * retracts and tells its history the same way, through `createVia`, `updateVia`, `retractVia` and `historyOf`.
 * The routes' schemas have already validated the input, so the handlers only read it back.
 */
export function ledgerHandlers<R extends { id: string }, Body, V, W extends LedgerRouteSet>(
  resource: LedgerResource<R, Body, V>,
  _routes: W,
) {
  const create = async (c: Validating<Body & { reason?: string }>) =>
    c.json(await createVia(c, resource, c.req.valid("json"), c.req.valid("header")["idempotency-key"]), 201);
  const update = async (c: Validating<{ set: object; reason: string }>) =>
    sent(
      c,
      await updateVia(
        c,
        resource,
        c.req.valid("param").id,
        c.req.valid("header")["if-match"],
        c.req.valid("json"),
      ),
    );
  const retract = async (c: Validating<{ reason: string }>) =>
    sent(
      c,
      await retractVia(
        c,
        resource,
        c.req.valid("param").id,
        c.req.valid("header")["if-match"],
        c.req.valid("json"),
      ),
    );
  const history = async (c: Validating<unknown>) =>
    c.json(await historyOf(c, resource, c.req.valid("param").id), 200);
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
  const handler = async (c: Validating<{ status: WorkflowStatus; reason?: string }>) =>
    c.json(
      await transitionVia(
        c,
        resource,
        c.req.valid("param").id,
        c.req.valid("header")["if-match"],
        c.req.valid("json"),
      ),
      200,
    );
  return handler as unknown as AppRouteHandler<W>;
}
