import { type RecordRef, StageEvent, settableFields, TrancheRecord } from "@commitments/core";
import * as queries from "@commitments/db";
import type { Context } from "hono";
import type { z } from "zod";
import { readVisibility } from "../lib/auth/visibility.ts";
import type { AppEnv } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";
import { generateId } from "../lib/ids.ts";
import { checked, commitmentTarget, type LedgerResource } from "../lib/ledger-resource.ts";
import { withRemarks, withRemarksOf } from "../lib/remarks.ts";
import { everything, parseAsOf, readMeta } from "../lib/representation.ts";
import type { EventCreate, TrancheCreate } from "../schemas/records.ts";

/*
 * Tranches and events are the records under a commitment: listed, read, written and published alike, under the
 * commitment's donor and recipient. One description of each, and the same code for both.
 */

type ReadOptions = Parameters<typeof queries.listTranches>[2];

/** What tells a tranche from an event. */
interface CommitmentPart<
  R extends { id: string; commitment: string },
  Filters,
  Body extends { id?: string | undefined },
> {
  /** Its name in messages and its kind of remark target. */
  noun: "tranche" | "event";
  path: string;
  entity: queries.Entity<R>;
  schema: z.ZodType<R>;
  /** The fields a ministry may set. */
  fields: readonly string[];
  /** A new record's id, made from its body when the body names none. */
  idOf(body: Body): string;
  list(db: queries.Db, filters: Filters, options: ReadOptions): Promise<queries.Page<queries.Versioned<R>>>;
  get(
    db: queries.Db,
    id: string,
    asOf?: Date,
    visibility?: queries.Visibility,
  ): Promise<queries.Versioned<R> | undefined>;
}

/** The ledger resource of a part: written under its commitment, shown with its remarks. */
function partResource<
  R extends { id: string; commitment: string },
  F,
  Body extends { id?: string | undefined },
>(part: CommitmentPart<R, F, Body>) {
  const kind: RecordRef["kind"] = part.noun;
  const view = async (db: queries.Db, id: string) => {
    const found = await part.get(db, id, undefined, everything);
    return found && { version: found.version, data: await withRemarksOf(db, kind, found) };
  };
  const resource: LedgerResource<R, Body, NonNullable<Awaited<ReturnType<typeof view>>>["data"]> = {
    noun: part.noun,
    path: part.path,
    access: {
      kind: "donor",
      fields: part.fields,
      target: (tx, record, visibility) => commitmentTarget(tx, record.commitment, visibility),
    },
    entity: part.entity,
    schema: part.schema,
    create: async (tx, cs, body, placement) => {
      const id = body.id ?? part.idOf(body);
      await queries.createRecord(tx, cs, part.entity, checked(part.schema, { ...body, id }), placement);
      return id;
    },
    view,
  };
  return resource;
}

interface ListQuery {
  asOf?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  drafts: "include" | "exclude";
}

/** The list and get handlers of a part, as its routes validated their queries. */
function partReads<R extends { id: string; commitment: string }, F, Body extends { id?: string | undefined }>(
  part: CommitmentPart<R, F, Body>,
) {
  const list = async (c: Context<AppEnv, string, { out: { query: ListQuery & F } }>) => {
    const { asOf, cursor, limit, drafts, ...filters } = c.req.valid("query");
    const at = parseAsOf(asOf);
    const db = c.get("db");
    const visibility = readVisibility(c, drafts);
    const page = await part.list(db, filters as F, { asOf: at, after: cursor, limit, visibility });
    return c.json(
      {
        data: await withRemarks(db, part.noun, page.items, at),
        page: { next: page.next, limit },
        meta: await readMeta(db, at),
      },
      200,
    );
  };
  const get = async (
    c: Context<AppEnv, string, { out: { param: { id: string }; query: Pick<ListQuery, "asOf" | "drafts"> } }>,
  ) => {
    const { id } = c.req.valid("param");
    const { asOf, drafts } = c.req.valid("query");
    const at = parseAsOf(asOf);
    const db = c.get("db");
    const found = await part.get(db, id, at, readVisibility(c, drafts));
    if (!found) throw new ApiError("NOT_FOUND", `No ${part.noun} with id "${id}"`);
    c.header("ETag", `"${found.version}"`);
    return c.json({ data: await withRemarksOf(db, part.noun, found, at), meta: await readMeta(db, at) }, 200);
  };
  return { list, get };
}

const tranche: CommitmentPart<
  TrancheRecord,
  Parameters<typeof queries.listTranches>[1],
  Omit<z.infer<typeof TrancheCreate>, "reason">
> = {
  noun: "tranche",
  path: "/v1/tranches",
  entity: queries.trancheEntity,
  schema: TrancheRecord,
  fields: settableFields.tranche,
  idOf: (body) => generateId(`${body.commitment}-tranche-${body.due}`, "tranche"),
  list: queries.listTranches,
  get: queries.getTranche,
};

const event: CommitmentPart<StageEvent, queries.EventFilters, Omit<z.infer<typeof EventCreate>, "reason">> = {
  noun: "event",
  path: "/v1/events",
  entity: queries.eventEntity,
  schema: StageEvent,
  fields: settableFields.event,
  idOf: (body) => generateId(`${body.commitment}-${body.stage}`, "event"),
  list: queries.listEvents,
  get: queries.getEvent,
};

export const tranches = partResource(tranche);
export const events = partResource(event);
export const trancheReads = partReads(tranche);
export const eventReads = partReads(event);
