import type { Fulfilment } from "@commitments/core";
import { type CommitmentFulfilment, commitmentFulfilment, listFulfilment } from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type { getCommitmentFulfilment, listFulfilment as listRoute } from "./fulfilment.routes.ts";

function row({ commitment, fulfilment, stages, reported }: CommitmentFulfilment) {
  const c = commitment.record;
  return {
    commitment: c.id,
    title: c.title,
    donor: c.donor,
    category: c.category,
    ...(c.agreement ? { agreement: c.agreement } : {}),
    measure: c.measure,
    sourceDataset: c.sourceDataset ?? ("tracker" as const),
    promisedStage: stages.promised,
    deliveredStage: stages.delivered,
    reported,
    // Core calls the day of the figures asOf; the API keeps asOf for the moment of the ledger read.
    fulfilment: fulfilment.ok ? { ...withoutDay(fulfilment.value), on: fulfilment.value.asOf } : null,
    problem: fulfilment.ok ? null : fulfilment.error.message,
  };
}

const withoutDay = ({ asOf: _, ...figures }: Fulfilment) => figures;

/** The day the figures are for: as asked, else the day (UTC) of the moment read. */
const dayOf = (on: string | undefined, at: Date | undefined) =>
  on ?? (at ?? new Date()).toISOString().slice(0, 10);

export const get: AppRouteHandler<typeof getCommitmentFulfilment> = async (c) => {
  const { id } = c.req.valid("param");
  const { asOf, on, promised, delivered } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const found = await commitmentFulfilment(db, id, { on: dayOf(on, at), promised, delivered, asOf: at });
  if (!found) throw new ApiError("NOT_FOUND", `No commitment with id "${id}"`);
  return c.json({ data: row(found), meta: await readMeta(db, at) }, 200);
};

export const list: AppRouteHandler<typeof listRoute> = async (c) => {
  const { asOf, on, promised, delivered, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await listFulfilment(db, filters, {
    on: dayOf(on, at),
    promised,
    delivered,
    asOf: at,
    after: cursor,
    limit,
  });
  return c.json(
    {
      data: page.items.map(row),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};
