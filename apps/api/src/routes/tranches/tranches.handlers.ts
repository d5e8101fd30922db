import { TrancheRecord } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import { checked, type LedgerResource, ledgerHandlers } from "../../lib/writes.ts";
import type { TrancheView } from "../commitments/commitments.routes.ts";
import { type getTranche, type listTranches, type TrancheCreate, trancheWrites } from "./tranches.routes.ts";

export const list: AppRouteHandler<typeof listTranches> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listTranches(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(withVersion), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getTranche> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const tranche = await queries.getTranche(db, id, at);
  if (!tranche) throw new ApiError("NOT_FOUND", `No tranche with id "${id}"`);
  c.header("ETag", `"${tranche.version}"`);
  return c.json({ data: withVersion(tranche), meta: await readMeta(db, at) }, 200);
};

type TrancheBody = Omit<z.infer<typeof TrancheCreate>, "reason">;

const tranches: LedgerResource<TrancheRecord, TrancheBody, z.infer<typeof TrancheView>> = {
  noun: "tranche",
  path: "/v1/tranches",
  entity: queries.trancheEntity,
  schema: TrancheRecord,
  create: async (tx, cs, body) => {
    const id = body.id ?? generateId(`${body.commitment}-tranche-${body.due}`, "tranche");
    await queries.createRecord(tx, cs, queries.trancheEntity, checked(TrancheRecord, { ...body, id }));
    return id;
  },
  view: async (db, id) => {
    const tranche = await queries.getTranche(db, id);
    return tranche && { version: tranche.version, data: withVersion(tranche) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(tranches, trancheWrites);
