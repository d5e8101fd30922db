import * as queries from "@commitments/db";
import { readVisibility } from "../../lib/auth/visibility.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { withRemarks } from "../../lib/remarks.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import { ledgerHandlers, workflowHandler } from "../../lib/writes/handlers.ts";
import { commitmentDetail, commitments } from "../../resources/commitments.ts";
import {
  commitmentStatus,
  commitmentWrites,
  type getCommitment,
  type listCommitments,
} from "./commitments.routes.ts";

export const list: AppRouteHandler<typeof listCommitments> = async (c) => {
  const { asOf, cursor, limit, drafts, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const visibility = readVisibility(c, drafts);
  const page = await queries.listCommitments(db, filters, { asOf: at, after: cursor, limit, visibility });
  return c.json(
    {
      data: await withRemarks(db, "commitment", page.items, at),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const get: AppRouteHandler<typeof getCommitment> = async (c) => {
  const { id } = c.req.valid("param");
  const { asOf, drafts } = c.req.valid("query");
  const at = parseAsOf(asOf);
  // One statement: the commitment, its tranches, events, remarks, their authors' names and the dataset version.
  const read = await queries.readCommitment(c.get("db"), id, at, readVisibility(c, drafts));
  if (!read) throw new ApiError("NOT_FOUND", `No commitment with id "${id}"`);
  c.header("ETag", `"${read.commitment.version}"`);
  const meta = { datasetVersion: read.datasetVersion, asOf: (at ?? new Date()).toISOString() };
  return c.json({ data: commitmentDetail(read), meta }, 200);
};

export const { create, update, retract, history } = ledgerHandlers(commitments, commitmentWrites);
export const status = workflowHandler(commitments, commitmentStatus);
