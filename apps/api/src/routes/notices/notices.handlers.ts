import * as queries from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../../lib/auth/authorise.ts";
import { visibilityOf } from "../../lib/auth/visibility.ts";
import type { AppEnv } from "../../lib/context.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { aboutRecord } from "../../lib/notices/about.ts";
import type { listNotices, markNoticesRead } from "./notices.routes.ts";

/**
 * The reader of a request: a signed-in person, as they are now (organisation and roles). Every notice read is of
 * their own organisation's records and meant for them or their roles (packages/db/src/notices.ts).
 */
function readerOf(c: Context<AppEnv>): queries.NoticeReader {
  const principal = principalOf(c);
  if (!principal.userId) {
    throw new ApiError("FORBIDDEN", "Notices are a signed-in person's; an API token has none", [
      { location: "header", path: "authorization", message: "sign in instead" },
    ]);
  }
  return {
    userId: principal.userId,
    organisationId: principal.organisationId,
    roles: principal.actor.roles,
  };
}

export const list: AppRouteHandler<typeof listNotices> = async (c) => {
  const reader = readerOf(c);
  const { unread, limit } = c.req.valid("query");
  const db = c.get("db");
  const found = await queries.noticesFor(db, reader, { unread: unread === "true", limit });
  const visibility = visibilityOf(c.get("principal"));
  const data = [];
  for (const notice of found) {
    data.push({
      id: notice.id,
      kind: notice.kind,
      record: await aboutRecord(db, notice.record, visibility),
      by: notice.by,
      at: notice.at.toISOString(),
      reason: notice.reason,
      read: notice.read,
    });
  }
  return c.json({ data, unread: await queries.unreadNoticeCount(db, reader) }, 200);
};

export const read: AppRouteHandler<typeof markNoticesRead> = async (c) => {
  const reader = readerOf(c);
  const { upTo, ids } = c.req.valid("json");
  const db = c.get("db");
  const marked = await queries.markNoticesRead(db, reader, {
    upTo: upTo === undefined ? undefined : new Date(upTo),
    ids,
  });
  return c.json({ data: { marked, unread: await queries.unreadNoticeCount(db, reader) } }, 200);
};
