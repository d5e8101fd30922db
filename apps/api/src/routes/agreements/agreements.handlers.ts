import { type Agreement, classify, statusOn, tierOf } from "@commitments/core";
import * as queries from "@commitments/db";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { getAgreement, listAgreements } from "./agreements.routes.ts";

function view(agreement: Agreement) {
  const currentStatus = statusOn(agreement.statusHistory);
  return {
    ...agreement,
    tier: tierOf(agreement.instrumentType),
    classification: classify(agreement.attributes),
    ...(currentStatus ? { currentStatus } : {}),
  };
}

export const list: AppRouteHandler<typeof listAgreements> = async (c) => {
  const agreements = await queries.listAgreements(c.get("db"), c.req.valid("query"));
  return c.json({ data: agreements.map(view) }, 200);
};

export const get: AppRouteHandler<typeof getAgreement> = async (c) => {
  const { id } = c.req.valid("param");
  const agreement = await queries.getAgreement(c.get("db"), id);
  if (!agreement) throw new ApiError("NOT_FOUND", `No agreement with id "${id}"`);
  return c.json({ data: view(agreement) }, 200);
};
