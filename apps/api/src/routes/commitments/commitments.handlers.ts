import { Commitment, CommitmentRecord, settableFields } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { readVisibility } from "../../lib/auth.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { withRemarks, withRemarksOf } from "../../lib/remarks.ts";
import { everything, parseAsOf, readMeta } from "../../lib/representation.ts";
import { checked, type LedgerResource, ledgerHandlers, workflowHandler } from "../../lib/writes.ts";
import {
  type CommitmentCreate,
  type CommitmentDetail,
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
  const db = c.get("db");
  const detail = await queries.getCommitment(db, id, at, readVisibility(c, drafts));
  if (!detail) throw new ApiError("NOT_FOUND", `No commitment with id "${id}"`);
  c.header("ETag", `"${detail.commitment.version}"`);
  return c.json({ data: await commitmentDetail(db, detail, at), meta: await readMeta(db, at) }, 200);
};

async function commitmentDetail(db: queries.Db, detail: queries.CommitmentWithSchedule, asOf?: Date) {
  const [commitment, schedule, events] = await Promise.all([
    withRemarksOf(db, "commitment", detail.commitment, asOf),
    withRemarks(db, "tranche", detail.schedule, asOf),
    withRemarks(db, "event", detail.events, asOf),
  ]);
  return { commitment, schedule, events };
}

type CommitmentBody = Omit<z.infer<typeof CommitmentCreate>, "reason">;

const commitments: LedgerResource<CommitmentRecord, CommitmentBody, z.infer<typeof CommitmentDetail>> = {
  noun: "commitment",
  path: "/v1/commitments",
  access: {
    kind: "donor",
    fields: settableFields.commitment,
    target: async (_tx, commitment) => ({ donor: commitment.donor, recipient: commitment.recipient }),
  },
  entity: queries.commitmentEntity,
  schema: CommitmentRecord,
  create: async (tx, cs, body, placement) => {
    const id = body.id ?? generateId(body.title, "commitment");
    const { schedule, ...commitment } = checked(Commitment, { ...body, id });
    const tranches = schedule.map((tranche, position) => ({
      id: `${id}-t${position + 1}`,
      commitment: id,
      position,
      ...tranche,
    }));
    const longest = tranches.at(-1)?.id;
    if (longest && longest.length > 120) {
      throw new ApiError("VALIDATION_FAILED", `The id is too long to name its tranches (${longest})`, [
        { location: "json", path: "id", message: "too long to name its tranches" },
      ]);
    }
    await queries.createRecord(tx, cs, queries.commitmentEntity, commitment, placement);
    await queries.createRecords(tx, cs, queries.trancheEntity, tranches, placement);
    return id;
  },
  view: async (db, id) => {
    const found = await queries.getCommitment(db, id, undefined, everything);
    return found && { version: found.commitment.version, data: await commitmentDetail(db, found) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(commitments, commitmentWrites);
export const status = workflowHandler(commitments, commitmentStatus);
