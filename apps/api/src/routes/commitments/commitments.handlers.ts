import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import type { getCommitment, listCommitments } from "./commitments.routes.ts";

export const list: AppRouteHandler<typeof listCommitments> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listCommitments(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(withVersion), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getCommitment> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const detail = await queries.getCommitment(db, id, at);
  if (!detail) throw new ApiError("NOT_FOUND", `No commitment with id "${id}"`);
  c.header("ETag", `"${detail.commitment.version}"`);
  return c.json(
    {
      data: {
        commitment: withVersion(detail.commitment),
        schedule: detail.schedule.map(withVersion),
        events: detail.events.map(withVersion),
      },
      meta: await readMeta(db, at),
    },
    200,
  );
};
