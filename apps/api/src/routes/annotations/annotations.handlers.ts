import * as queries from "@commitments/db";
import { allow, principalOf } from "../../lib/auth/authorise.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { generateId } from "../../lib/ids.ts";
import { withRemarkBy, writeRemark } from "../../lib/remark-writes.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import type { createAnnotation, listAnnotations } from "./annotations.routes.ts";

export const list: AppRouteHandler<typeof listAnnotations> = async (c) => {
  const { asOf, cursor, limit, targetKind, targetId } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const page = await queries.listAnnotations(
    db,
    { targetKind, targetId },
    { asOf: at, after: cursor, limit },
  );
  return c.json(
    {
      data: await withRemarkBy(db, page.items),
      page: { next: page.next, limit },
      meta: await readMeta(db, at),
    },
    200,
  );
};

export const create: AppRouteHandler<typeof createAnnotation> = async (c) => {
  const body = c.req.valid("json");
  const principal = principalOf(c);
  allow(principal, "annotation.create");
  const id = body.id ?? generateId(`note-${body.target.kind}-${body.target.id}`, "note");
  const annotation = { ...body, id, organisation: principal.organisationId };
  const written = await writeRemark(c, queries.annotationEntity, annotation, {
    reason: `annotation of ${body.target.kind} "${body.target.id}"`,
  });
  return c.json(written, 201);
};
