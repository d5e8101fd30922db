import { awaitsConfirmation } from "@commitments/core";
import * as queries from "@commitments/db";
import { allow, principalOf } from "../../lib/auth/authorise.ts";
import { visibilityOf } from "../../lib/auth/visibility.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { basedOn, commitmentTarget } from "../../lib/ledger-resource.ts";
import { withRemarkBy, writeRemark } from "../../lib/remark-writes.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type { confirmDelivery, listConfirmations } from "./confirmations.routes.ts";

export const list: AppRouteHandler<typeof listConfirmations> = async (c) => {
  const { asOf, cursor, limit, event } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listConfirmations(db, { event }, { asOf: at, after: cursor, limit });
  return c.json(
    {
      data: await withRemarkBy(db, page.items),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const confirm: AppRouteHandler<typeof confirmDelivery> = async (c) => {
  const { id } = c.req.valid("param");
  // The version of the delivery the recipient saw, and confirms.
  const version = basedOn(c.req.valid("header")["if-match"]);
  const body = c.req.valid("json");
  const principal = principalOf(c);
  const db = c.get("db");
  // Published events only: a draft answers as an event that does not exist, before anything is compared with it.
  const event = await queries.getEvent(db, id);
  if (!event || event.retracted) throw new ApiError("NOT_FOUND", `No event with id "${id}"`);
  allow(
    principal,
    "delivery.confirm",
    await commitmentTarget(db, event.record.commitment, visibilityOf(principal)),
  );
  if (event.record.stage !== "delivered") {
    throw new ApiError("CONFLICT", `Event "${id}" is ${event.record.stage}, not a delivery`, [
      { location: "param", path: "id", message: "only deliveries are confirmed as received" },
    ]);
  }
  const confirmation = {
    ...body,
    id: generateId(`confirmation-${id}`, "confirmation"),
    event: id,
    eventVersion: version,
    organisation: principal.organisationId,
  };
  const written = await writeRemark(c, queries.confirmationEntity, confirmation, {
    reason: `receipt confirmed by ${principal.organisationName}`,
    alongside: async (tx, cs) => {
      // The confirmed version must still be the current one, and its confidence rises in the same change set.
      const current = await queries.getRecord(tx, queries.eventEntity, id);
      if (current?.version !== version) {
        throw new ApiError(
          "PRECONDITION_FAILED",
          `event "${id}" is at version ${current?.version}, not ${version}`,
          [{ location: "header", path: "if-match", message: "not the current version" }],
        );
      }
      // A confirmation never lowers a figure's standing.
      if (!awaitsConfirmation(current.record.confidence)) return;
      await queries.replaceRecord(tx, cs, queries.eventEntity, id, version, {
        ...current.record,
        confidence: "confirmed_by_recipient",
      });
    },
  });
  return c.json(written, 201);
};
