import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { getCommitment, listCommitments } from "./commitments.routes.ts";

export const list: AppRouteHandler<typeof listCommitments> = async (c) =>
  c.json({ data: await queries.listCommitments(c.get("db"), c.req.valid("query")) }, 200);

export const get: AppRouteHandler<typeof getCommitment> = async (c) => {
  const { id } = c.req.valid("param");
  const detail = await queries.getCommitment(c.get("db"), id);
  if (!detail) throw new ApiError("NOT_FOUND", `No commitment with id "${id}"`);
  return c.json({ data: detail }, 200);
};
