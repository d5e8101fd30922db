import { Commitment, CommitmentRecord } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import { checked, type LedgerResource, ledgerHandlers } from "../../lib/writes.ts";
import {
  type CommitmentCreate,
  type CommitmentDetail,
  commitmentWrites,
  type getCommitment,
  type listCommitments,
} from "./commitments.routes.ts";

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
  return c.json({ data: commitmentDetail(detail), meta: await readMeta(db, at) }, 200);
};

function commitmentDetail(detail: queries.CommitmentWithSchedule) {
  return {
    commitment: withVersion(detail.commitment),
    schedule: detail.schedule.map(withVersion),
    events: detail.events.map(withVersion),
  };
}

type CommitmentBody = Omit<z.infer<typeof CommitmentCreate>, "reason">;

const commitments: LedgerResource<CommitmentRecord, CommitmentBody, z.infer<typeof CommitmentDetail>> = {
  noun: "commitment",
  path: "/v1/commitments",
  entity: queries.commitmentEntity,
  schema: CommitmentRecord,
  create: async (tx, cs, body) => {
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
    await queries.createRecord(tx, cs, queries.commitmentEntity, commitment);
    await queries.createRecords(tx, cs, queries.trancheEntity, tranches);
    return id;
  },
  view: async (db, id) => {
    const found = await queries.getCommitment(db, id);
    return found && { version: found.commitment.version, data: commitmentDetail(found) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(commitments, commitmentWrites);
