import { Party } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { LedgerResource } from "../../lib/ledger-resource.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import { ledgerHandlers } from "../../lib/writes/handlers.ts";
import { type getParty, type listParties, type PartyView, partyWrites } from "./parties.routes.ts";

export const list: AppRouteHandler<typeof listParties> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listParties(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(withVersion), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getParty> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const party = await queries.getParty(db, id, at);
  if (!party) throw new ApiError("NOT_FOUND", `No party with id "${id}"`);
  c.header("ETag", `"${party.version}"`);
  return c.json({ data: withVersion(party), meta: await readMeta(db, at) }, 200);
};

const parties: LedgerResource<Party, Party, z.infer<typeof PartyView>> = {
  noun: "party",
  path: "/v1/parties",
  access: { kind: "reference" },
  entity: queries.partyEntity,
  schema: Party,
  // A party's id is its ISO 3166-1 code or an organisation's short name: the caller gives it, never a made-up one.
  create: async (tx, cs, party) => (await queries.createRecord(tx, cs, queries.partyEntity, party)).record.id,
  view: async (db, id) => {
    const party = await queries.getParty(db, id);
    return party && { version: party.version, data: withVersion(party) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(parties, partyWrites);
