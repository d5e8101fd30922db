import { ProvisionRecord } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { checked, type LedgerResource } from "../../lib/ledger-resource.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import { ledgerHandlers } from "../../lib/writes/handlers.ts";
import type { ProvisionView } from "../../schemas/records.ts";
import {
  type getProvision,
  type listProvisions,
  type ProvisionCreate,
  provisionWrites,
} from "./provisions.routes.ts";

export const list: AppRouteHandler<typeof listProvisions> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listProvisions(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(withVersion), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getProvision> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const provision = await queries.getProvision(db, id, at);
  if (!provision) throw new ApiError("NOT_FOUND", `No provision with id "${id}"`);
  c.header("ETag", `"${provision.version}"`);
  return c.json({ data: withVersion(provision), meta: await readMeta(db, at) }, 200);
};

type ProvisionBody = Omit<z.infer<typeof ProvisionCreate>, "reason">;

const provisions: LedgerResource<ProvisionRecord, ProvisionBody, z.infer<typeof ProvisionView>> = {
  noun: "provision",
  path: "/v1/provisions",
  access: { kind: "reference" },
  entity: queries.provisionEntity,
  schema: ProvisionRecord,
  create: async (tx, cs, body) => {
    const id = body.id ?? generateId(`${body.agreement}-${body.provision.kind}`, "provision");
    await queries.createRecord(tx, cs, queries.provisionEntity, checked(ProvisionRecord, { ...body, id }));
    return id;
  },
  view: async (db, id) => {
    const provision = await queries.getProvision(db, id);
    return provision && { version: provision.version, data: withVersion(provision) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(provisions, provisionWrites);
