import { bigint, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { changeSets } from "./ledger.ts";

/** What a notice tells its reader happened to their organisation's work. */
export const noticeKinds = [
  "returned",
  "published",
  "proposal_published",
  "proposal_returned",
  "disputed",
  "submitted",
] as const;

/*
 * Notices: who should learn of a write. Written in the write's own transaction, so a notice exists exactly when
 * its write committed; when, by whom and through what come from its change set, the history's own row. A notice
 * names one person (the editor whose work was returned or published), or the members of the record's
 * organisation holding one of `roles` (its approvers for a submission; editors and approvers for a dispute).
 */
export const notices = pgTable(
  "notices",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    changeSetId: bigint("change_set_id", { mode: "number" })
      .notNull()
      .references(() => changeSets.id),
    kind: text({ enum: noticeKinds }).notNull(),
    /** The record it concerns (for a proposal, the record the proposal would change). */
    recordKind: text("record_kind").notNull(),
    recordId: text("record_id").notNull(),
    /** The organisation whose record it is: every reader of the notice belongs to it. */
    organisationId: text("organisation_id").notNull(),
    userId: text("user_id").references(() => users.id),
    roles: text().array(),
    /** The approver's reason, or the disputing organisation's statement. */
    reason: text(),
  },
  (t) => [index().on(t.organisationId, t.id), index().on(t.changeSetId)],
);

/** Which notices each person has read. */
export const noticeReads = pgTable(
  "notice_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    noticeId: bigint("notice_id", { mode: "number" })
      .notNull()
      .references(() => notices.id),
    readAt: timestamp("read_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.noticeId] })],
);
