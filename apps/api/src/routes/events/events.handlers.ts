import { StageEvent } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import { checked, type LedgerResource, ledgerHandlers } from "../../lib/writes.ts";
import type { EventView } from "../commitments/commitments.routes.ts";
import { type EventCreate, eventWrites, type getEvent, type listEvents } from "./events.routes.ts";

export const list: AppRouteHandler<typeof listEvents> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listEvents(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(withVersion), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getEvent> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const event = await queries.getEvent(db, id, at);
  if (!event) throw new ApiError("NOT_FOUND", `No event with id "${id}"`);
  c.header("ETag", `"${event.version}"`);
  return c.json({ data: withVersion(event), meta: await readMeta(db, at) }, 200);
};

type EventBody = Omit<z.infer<typeof EventCreate>, "reason">;

const events: LedgerResource<StageEvent, EventBody, z.infer<typeof EventView>> = {
  noun: "event",
  path: "/v1/events",
  entity: queries.eventEntity,
  schema: StageEvent,
  create: async (tx, cs, body) => {
    const id = body.id ?? generateId(`${body.commitment}-${body.stage}`, "event");
    await queries.createRecord(tx, cs, queries.eventEntity, checked(StageEvent, { ...body, id }));
    return id;
  },
  view: async (db, id) => {
    const event = await queries.getEvent(db, id);
    return event && { version: event.version, data: withVersion(event) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(events, eventWrites);
