import { type Dispute, type Measure, sameMeasureKind } from "@commitments/core";
import * as queries from "@commitments/db";
import { allow, principalOf } from "../../lib/auth/authorise.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { basedOn } from "../../lib/ledger-resource.ts";
import { notify } from "../../lib/notices/record.ts";
import { withRemarkBy, writeRemark } from "../../lib/remark-writes.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type {
  getDispute,
  listDisputes,
  openDispute,
  resolveDispute,
  withdrawDispute,
} from "./disputes.routes.ts";

export const list: AppRouteHandler<typeof listDisputes> = async (c) => {
  const { asOf, cursor, limit, targetKind, targetId, status } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const filters = { targetKind, targetId, status };
  const page = await queries.listDisputes(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    {
      data: await withRemarkBy(db, page.items),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const get: AppRouteHandler<typeof getDispute> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const dispute = await queries.getRecord(db, queries.disputeEntity, id, at);
  if (!dispute) throw new ApiError("NOT_FOUND", `No dispute with id "${id}"`);
  c.header("ETag", `"${dispute.version}"`);
  const [data] = await withRemarkBy(db, [dispute]);
  return c.json({ data: data as NonNullable<typeof data>, meta: await readMeta(db, at) }, 200);
};

/** The figure of a disputed record, if it has one: a dispute's own figure must be measured alike to stand beside it. */
function figureOf(record: unknown): Measure | undefined {
  return (record as { measure?: Measure }).measure;
}

export const open: AppRouteHandler<typeof openDispute> = async (c) => {
  const body = c.req.valid("json");
  const principal = principalOf(c);
  allow(principal, "dispute.open");
  const id = body.id ?? generateId(`dispute-${body.target.kind}-${body.target.id}`, "dispute");
  const dispute: Dispute = { ...body, id, organisation: principal.organisationId, status: "open" };
  const written = await writeRemark(c, queries.disputeEntity, dispute, {
    reason: `dispute of ${body.target.kind} "${body.target.id}" opened`,
    check: (target) => {
      const theirs = figureOf(target);
      if (body.figure && theirs && !sameMeasureKind(body.figure, theirs)) {
        throw new ApiError("UNPROCESSABLE", "The disputed figure is measured unlike the record's", [
          { location: "json", path: "figure", message: "use the record's currency, or its unit and item" },
        ]);
      }
    },
    // The ministry whose record it is hears of it: its editors and approvers, with the dispute's statement.
    alongside: async (tx, cs) => {
      const entity = queries.entities[body.target.kind] as queries.Entity<{ id: string }>;
      const target = await queries.getRecord(tx, entity, body.target.id);
      if (!target?.organisation) return;
      await notify(c, tx, {
        changeSetId: cs.id,
        kind: "disputed",
        record: body.target,
        organisationId: target.organisation,
        roles: ["ministry_editor", "ministry_approver"],
        reason: body.statement,
      });
    },
  });
  return c.json(written, 201);
};

/** Closes an open dispute: resolved by an administrator, or withdrawn by the organisation that opened it. */
async function close(
  c: Parameters<AppRouteHandler<typeof resolveDispute>>[0],
  status: "upheld" | "rejected" | "withdrawn",
  resolution: string,
) {
  const { id } = c.req.valid("param");
  const expected = basedOn(c.req.valid("header")["if-match"]);
  const principal = principalOf(c);
  const db = c.get("db");
  const current = await queries.getRecord(db, queries.disputeEntity, id);
  if (!current || current.retracted) throw new ApiError("NOT_FOUND", `No dispute with id "${id}"`);
  allow(principal, status === "withdrawn" ? "dispute.withdraw" : "dispute.resolve", {
    organisation: current.record.organisation,
  });
  if (current.record.status !== "open") {
    throw new ApiError("CONFLICT", `The dispute is ${current.record.status}, not open`, [
      { location: "param", path: "id", message: "not open" },
    ]);
  }
  return writeRemark(
    c,
    queries.disputeEntity,
    { ...current.record, status, resolution },
    {
      reason: resolution,
      replaces: expected,
    },
  );
}

export const resolve: AppRouteHandler<typeof resolveDispute> = async (c) => {
  const { outcome, resolution } = c.req.valid("json") as {
    outcome: "upheld" | "rejected";
    resolution: string;
  };
  return c.json(await close(c, outcome, resolution), 200);
};

export const withdraw: AppRouteHandler<typeof withdrawDispute> = async (c) => {
  const { resolution } = c.req.valid("json") as { resolution: string };
  return c.json(await close(c as never, "withdrawn", resolution), 200);
};
