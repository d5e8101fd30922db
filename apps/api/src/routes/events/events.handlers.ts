import { StageEvent, settableFields } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { readVisibility } from "../../lib/auth/visibility.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { checked, commitmentTarget, type LedgerResource } from "../../lib/ledger-resource.ts";
import { withRemarks, withRemarksOf } from "../../lib/remarks.ts";
import { everything, parseAsOf, readMeta } from "../../lib/representation.ts";
import { ledgerHandlers, workflowHandler } from "../../lib/writes/handlers.ts";
import type { EventView } from "../../schemas/records.ts";
import {
  type EventCreate,
  eventStatus,
  eventWrites,
  type getEvent,
  type listEvents,
} from "./events.routes.ts";

export const list: AppRouteHandler<typeof listEvents> = async (c) => {
  const { asOf, cursor, limit, drafts, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const visibility = readVisibility(c, drafts);
  const page = await queries.listEvents(db, filters, { asOf: at, after: cursor, limit, visibility });
  return c.json(
    {
      data: await withRemarks(db, "event", page.items, at),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const get: AppRouteHandler<typeof getEvent> = async (c) => {
  const { id } = c.req.valid("param");
  const { asOf, drafts } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const event = await queries.getEvent(db, id, at, readVisibility(c, drafts));
  if (!event) throw new ApiError("NOT_FOUND", `No event with id "${id}"`);
  c.header("ETag", `"${event.version}"`);
  return c.json({ data: await withRemarksOf(db, "event", event, at), meta: await readMeta(db, at) }, 200);
};

type EventBody = Omit<z.infer<typeof EventCreate>, "reason">;

export const events: LedgerResource<StageEvent, EventBody, z.infer<typeof EventView>> = {
  noun: "event",
  path: "/v1/events",
  access: {
    kind: "donor",
    fields: settableFields.event,
    target: (tx, event, visibility) => commitmentTarget(tx, event.commitment, visibility),
  },
  entity: queries.eventEntity,
  schema: StageEvent,
  create: async (tx, cs, body, placement) => {
    const id = body.id ?? generateId(`${body.commitment}-${body.stage}`, "event");
    await queries.createRecord(tx, cs, queries.eventEntity, checked(StageEvent, { ...body, id }), placement);
    return id;
  },
  view: async (db, id) => {
    const event = await queries.getEvent(db, id, undefined, everything);
    return event && { version: event.version, data: await withRemarksOf(db, "event", event) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(events, eventWrites);
export const status = workflowHandler(events, eventStatus);
