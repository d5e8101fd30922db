import { and, desc, eq, inArray, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { changeSets, noticeKinds, noticeReads, notices, users } from "./schema.ts";

/*
 * Notices are stored when their write happens, in its transaction, rather than derived by query from the ledger:
 * a workflow step is visible in the history only by comparing a version with the one before it, in every workflow
 * table, and who should hear of it (the editor who submitted, the approvers of that day) is known at that moment.
 * One insert beside the write, rolled back with it, and an indexed read per person is simplest on PGlite and
 * PostgreSQL alike. When, who and through what are read from the notice's change set, never copied.
 */

export type NoticeKind = (typeof noticeKinds)[number];
export { noticeKinds };

export interface NoticeInput {
  changeSetId: number;
  kind: NoticeKind;
  record: { kind: string; id: string };
  organisationId: string;
  /** One person; otherwise the organisation's members holding one of `roles`. */
  userId?: string | null | undefined;
  roles?: readonly string[] | undefined;
  reason?: string | null | undefined;
}

/** Writes a notice inside the caller's write transaction; returns its id. */
export async function addNotice(tx: Db, input: NoticeInput): Promise<number> {
  const [row] = await tx
    .insert(notices)
    .values({
      changeSetId: input.changeSetId,
      kind: input.kind,
      recordKind: input.record.kind,
      recordId: input.record.id,
      organisationId: input.organisationId,
      userId: input.userId ?? null,
      roles: input.userId ? null : [...(input.roles ?? [])],
      reason: input.reason ?? null,
    })
    .returning({ id: notices.id });
  if (!row) throw new Error("a notice was written but no id came back");
  return row.id;
}

/** The person a change set was written by, if a signed-in person wrote it (not an API token or a process). */
export async function changeSetUser(db: Db, changeSetId: number): Promise<string | null> {
  const [row] = await db
    .select({ userId: changeSets.userId })
    .from(changeSets)
    .where(eq(changeSets.id, changeSetId));
  return row?.userId ?? null;
}

/** A reader of notices: a person, in their organisation, with their roles today. */
export interface NoticeReader {
  userId: string;
  organisationId: string;
  roles: readonly string[];
}

/** The notices a person may read: their organisation's, meant for them or their roles, not of their own acts. */
function addressedTo(reader: NoticeReader): SQL {
  const roles = sql`array[${sql.join(
    reader.roles.map((role) => sql`${role}`),
    sql`, `,
  )}]::text[]`;
  return and(
    eq(notices.organisationId, reader.organisationId),
    or(
      eq(notices.userId, reader.userId),
      and(isNull(notices.userId), reader.roles.length ? sql`${notices.roles} && ${roles}` : sql`false`),
    ),
    or(isNull(changeSets.userId), ne(changeSets.userId, reader.userId)),
  ) as SQL;
}

const unreadBy = (reader: NoticeReader) =>
  sql`not exists (select 1 from ${noticeReads} where ${noticeReads.noticeId} = ${notices.id}
    and ${noticeReads.userId} = ${reader.userId})`;

export interface StoredNotice {
  id: number;
  kind: NoticeKind;
  record: { kind: string; id: string };
  organisationId: string;
  reason: string | null;
  at: Date;
  /** Who acted: the person's name, or the change set's actor (an API token, a process). */
  by: string;
  read: boolean;
}

const noticeColumns = (userId: string | null) => ({
  id: notices.id,
  kind: notices.kind,
  recordKind: notices.recordKind,
  recordId: notices.recordId,
  organisationId: notices.organisationId,
  reason: notices.reason,
  at: changeSets.recordedAt,
  actor: changeSets.actor,
  userName: users.name,
  read: userId
    ? sql<boolean>`exists (select 1 from ${noticeReads} where ${noticeReads.noticeId} = ${notices.id}
        and ${noticeReads.userId} = ${userId})`
    : sql<boolean>`false`,
});

function stored(row: {
  id: number;
  kind: NoticeKind;
  recordKind: string;
  recordId: string;
  organisationId: string;
  reason: string | null;
  at: Date;
  actor: string;
  userName: string | null;
  read: boolean;
}): StoredNotice {
  return {
    id: row.id,
    kind: row.kind,
    record: { kind: row.recordKind, id: row.recordId },
    organisationId: row.organisationId,
    reason: row.reason,
    at: row.at,
    by: row.userName ?? row.actor,
    read: row.read,
  };
}

/** A person's notices, newest first; only the unread ones with `unread`. */
export async function noticesFor(
  db: Db,
  reader: NoticeReader,
  options: { unread?: boolean; limit: number },
): Promise<StoredNotice[]> {
  const rows = await db
    .select(noticeColumns(reader.userId))
    .from(notices)
    .innerJoin(changeSets, eq(changeSets.id, notices.changeSetId))
    .leftJoin(users, eq(users.id, changeSets.userId))
    .where(and(addressedTo(reader), options.unread ? unreadBy(reader) : undefined))
    .orderBy(desc(notices.id))
    .limit(options.limit);
  return rows.map(stored);
}

/** How many of a person's notices they have not read. */
export async function unreadNoticeCount(db: Db, reader: NoticeReader): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notices)
    .innerJoin(changeSets, eq(changeSets.id, notices.changeSetId))
    .where(and(addressedTo(reader), unreadBy(reader)));
  return row?.count ?? 0;
}

/** Marks read the person's notices written up to `upTo`, or those of `ids`; returns how many were newly read. */
export async function markNoticesRead(
  db: Db,
  reader: NoticeReader,
  which: { upTo?: Date | undefined; ids?: readonly number[] | undefined },
): Promise<number> {
  const chosen = or(
    which.upTo ? lte(changeSets.recordedAt, which.upTo) : undefined,
    which.ids?.length ? inArray(notices.id, [...which.ids]) : undefined,
  );
  if (!chosen) return 0;
  const unread = await db
    .select({ id: notices.id })
    .from(notices)
    .innerJoin(changeSets, eq(changeSets.id, notices.changeSetId))
    .where(and(addressedTo(reader), unreadBy(reader), chosen));
  if (!unread.length) return 0;
  const written = await db
    .insert(noticeReads)
    .values(unread.map(({ id }) => ({ userId: reader.userId, noticeId: id })))
    .onConflictDoNothing()
    .returning({ id: noticeReads.noticeId });
  return written.length;
}

/** A notice as it is e-mailed: its content and the people it reaches (enabled accounts only). */
export interface NoticeToSend extends StoredNotice {
  recipients: { email: string; name: string }[];
}

/** The notices of `ids` with their recipients, for e-mailing once their write has committed. */
export async function noticesToSend(db: Db, ids: readonly number[]): Promise<NoticeToSend[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      ...noticeColumns(null),
      userId: notices.userId,
      roles: notices.roles,
      actorUserId: changeSets.userId,
    })
    .from(notices)
    .innerJoin(changeSets, eq(changeSets.id, notices.changeSetId))
    .leftJoin(users, eq(users.id, changeSets.userId))
    .where(inArray(notices.id, [...ids]))
    .orderBy(notices.id);
  const result: NoticeToSend[] = [];
  for (const row of rows) {
    const people = await db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.organisationId, row.organisationId),
          isNull(users.disabledAt),
          row.userId
            ? eq(users.id, row.userId)
            : sql`${users.roles} && ${sql`array[${sql.join(
                (row.roles ?? []).map((role) => sql`${role}`),
                sql`, `,
              )}]::text[]`}`,
        ),
      );
    result.push({
      ...stored(row),
      recipients: people.filter((p) => p.id !== row.actorUserId).map(({ email, name }) => ({ email, name })),
    });
  }
  return result;
}
