import { classify, statusOn, tierOf } from "@commitments/core";
import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta, withVersion } from "../../lib/representation.ts";
import type { getAgreement, listAgreements } from "./agreements.routes.ts";

export function agreementView({ agreement, provisions }: queries.AgreementWithProvisions) {
  const record = agreement.record;
  const currentStatus = statusOn(record.statusHistory);
  return {
    ...withVersion(agreement),
    provisions: provisions.map(withVersion),
    tier: tierOf(record.instrumentType),
    classification: classify(record.attributes),
    ...(currentStatus ? { currentStatus } : {}),
  };
}

export const list: AppRouteHandler<typeof listAgreements> = async (c) => {
  const { asOf, cursor, limit, ...filters } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listAgreements(db, filters, { asOf: at, after: cursor, limit });
  return c.json(
    { data: page.items.map(agreementView), page: { next: page.next, limit }, meta: await readMeta(db, at) },
    200,
  );
};

export const get: AppRouteHandler<typeof getAgreement> = async (c) => {
  const { id } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const found = await queries.getAgreement(db, id, at);
  if (!found) throw new ApiError("NOT_FOUND", `No agreement with id "${id}"`);
  c.header("ETag", `"${found.agreement.version}"`);
  return c.json({ data: agreementView(found), meta: await readMeta(db, at) }, 200);
};
