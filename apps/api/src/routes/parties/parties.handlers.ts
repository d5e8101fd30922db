import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { getParty, listParties } from "./parties.routes.ts";

export const list: AppRouteHandler<typeof listParties> = async (c) =>
  c.json({ data: await queries.listParties(c.get("db"), c.req.valid("query")) }, 200);

export const get: AppRouteHandler<typeof getParty> = async (c) => {
  const { id } = c.req.valid("param");
  const party = await queries.getParty(c.get("db"), id);
  if (!party) throw new ApiError("NOT_FOUND", `No party with id "${id}"`);
  return c.json({ data: party }, 200);
};
