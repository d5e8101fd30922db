import { settableFields, TrancheRecord } from "@commitments/core";
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
import type { TrancheView } from "../../schemas/records.ts";
import {
  type getTranche,
  type listTranches,
  type TrancheCreate,
  trancheStatus,
  trancheWrites,
} from "./tranches.routes.ts";

export const list: AppRouteHandler<typeof listTranches> = async (c) => {
  const { asOf, cursor, limit, drafts, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const visibility = readVisibility(c, drafts);
  const page = await queries.listTranches(db, filters, { asOf: at, after: cursor, limit, visibility });
  return c.json(
    {
      data: await withRemarks(db, "tranche", page.items, at),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const get: AppRouteHandler<typeof getTranche> = async (c) => {
  const { id } = c.req.valid("param");
  const { asOf, drafts } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const tranche = await queries.getTranche(db, id, at, readVisibility(c, drafts));
  if (!tranche) throw new ApiError("NOT_FOUND", `No tranche with id "${id}"`);
  c.header("ETag", `"${tranche.version}"`);
  return c.json({ data: await withRemarksOf(db, "tranche", tranche, at), meta: await readMeta(db, at) }, 200);
};

type TrancheBody = Omit<z.infer<typeof TrancheCreate>, "reason">;

export const tranches: LedgerResource<TrancheRecord, TrancheBody, z.infer<typeof TrancheView>> = {
  noun: "tranche",
  path: "/v1/tranches",
  access: {
    kind: "donor",
    fields: settableFields.tranche,
    target: (tx, tranche, visibility) => commitmentTarget(tx, tranche.commitment, visibility),
  },
  entity: queries.trancheEntity,
  schema: TrancheRecord,
  create: async (tx, cs, body, placement) => {
    const id = body.id ?? generateId(`${body.commitment}-tranche-${body.due}`, "tranche");
    await queries.createRecord(
      tx,
      cs,
      queries.trancheEntity,
      checked(TrancheRecord, { ...body, id }),
      placement,
    );
    return id;
  },
  view: async (db, id) => {
    const tranche = await queries.getTranche(db, id, undefined, everything);
    return tranche && { version: tranche.version, data: await withRemarksOf(db, "tranche", tranche) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(tranches, trancheWrites);
export const status = workflowHandler(tranches, trancheStatus);
