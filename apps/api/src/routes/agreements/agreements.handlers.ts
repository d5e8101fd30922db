import { AgreementRecord } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { checked, type LedgerResource } from "../../lib/ledger-resource.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import { ledgerHandlers } from "../../lib/writes/handlers.ts";
import { type AgreementView, agreementView } from "../../schemas/agreements.ts";
import {
  type AgreementCreate,
  agreementWrites,
  type getAgreement,
  type listAgreements,
} from "./agreements.routes.ts";

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

type AgreementBody = Omit<z.infer<typeof AgreementCreate>, "reason">;

const agreements: LedgerResource<AgreementRecord, AgreementBody, z.infer<typeof AgreementView>> = {
  noun: "agreement",
  path: "/v1/agreements",
  access: { kind: "reference" },
  entity: queries.agreementEntity,
  schema: AgreementRecord,
  create: async (tx, cs, { provisions = [], ...fields }) => {
    const id = fields.id ?? generateId(fields.shortTitle, "agreement");
    const children = provisions.map((provision, position) => ({
      id: `${id}-p${position + 1}`,
      agreement: id,
      position,
      provision,
    }));
    const longest = children.at(-1)?.id;
    if (longest && longest.length > 120) {
      throw new ApiError("VALIDATION_FAILED", `The id is too long to name its provisions (${longest})`, [
        { location: "json", path: "id", message: "too long to name its provisions" },
      ]);
    }
    await queries.createRecord(tx, cs, queries.agreementEntity, checked(AgreementRecord, { ...fields, id }));
    await queries.createRecords(tx, cs, queries.provisionEntity, children);
    return id;
  },
  view: async (db, id) => {
    const found = await queries.getAgreement(db, id);
    return found && { version: found.agreement.version, data: agreementView(found) };
  },
};

export const { create, update, retract, history } = ledgerHandlers(agreements, agreementWrites);
