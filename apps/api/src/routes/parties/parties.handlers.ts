import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import type { getParty, listParties } from "./parties.routes.ts";

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
