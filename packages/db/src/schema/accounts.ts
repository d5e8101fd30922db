import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { changeSets } from "./ledger.ts";

/*
 * Accounts: ordinary tables, not ledger data. Secrets are never stored in clear: passwords as scrypt hashes,
 * session and API tokens as SHA-256 digests (the tokens are long and random, so a fast hash is enough).
 */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const organisations = pgTable(
  "organisations",
  {
    id: text().primaryKey(),
    kind: text({
      enum: ["partner_ministry", "beneficiary_ministry", "ngo", "newsroom", "maintainers"],
    }).notNull(),
    name: text().notNull(),
    // The donor or recipient a ministry speaks for: authorise() compares it with the record's donor or recipient.
    party: text(),
    demo: boolean().notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    check(
      "organisations_ministry_party",
      sql`${t.kind} not in ('partner_ministry', 'beneficiary_ministry') or ${t.party} is not null`,
    ),
  ],
);

export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    email: text().notNull(),
    /** Shown next to what the user recorded: an accountability tool names who did what. */
    name: text().notNull(),
    /** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
    passwordHash: text("password_hash").notNull(),
    roles: text().array().notNull(),
    demo: boolean().notNull().default(false),
    disabledAt: at("disabled_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email").on(t.email),
    check("users_email_lower_case", sql`${t.email} = lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token, hex; the token itself is only ever in the user's cookie. */
    id: text().primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    revokedAt: at("revoked_at"),
  },
  (t) => [index().on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text().primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    /** SHA-256 of the token, hex. */
    tokenHash: text("token_hash").notNull(),
    /** The token's first 8 characters, so its owner can tell tokens apart; not enough to use it. */
    prefix: text().notNull(),
    scopes: text().array().notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at"),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_token_hash").on(t.tokenHash), index().on(t.organisationId)],
);

/** Refused sign-ins, tokens and actions, for spotting abuse. Never holds a password or a whole token. */
export const authEvents = pgTable(
  "auth_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: at("at").notNull().defaultNow(),
    kind: text().notNull(),
    email: text(),
    tokenPrefix: text("token_prefix"),
    address: text(),
    detail: text(),
  },
  (t) => [index().on(t.at)],
);

/**
 * Fixed-window request counters for rate limits (sign-in attempts, token use), in the database so that every
 * API process counts the same attempts. Old windows are swept as new ones open.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text().notNull(),
    windowStart: at("window_start").notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index().on(t.windowStart)],
);

/**
 * Failed sign-ins per account and client address, for the back-off that slows guessing from one address without
 * locking the account holder out from theirs. A successful sign-in deletes its row; rows idle for a day are swept.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    email: text().notNull(),
    address: text().notNull(),
    failures: integer().notNull(),
    lastFailedAt: at("last_failed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] }), index().on(t.lastFailedAt)],
);

/**
 * A record of each import run: which file (name, SHA-256, size), read by which importer, by whom, and how it
 * ended. Not ledger data: the records an import wrote are in its change set; this says what was tried, refused
 * included, so a ministry can see its uploads and an auditor every file that reached the ledger.
 */
export const imports = pgTable(
  "imports",
  {
    id: text().primaryKey(),
    fileName: text("file_name").notNull(),
    sha256: text().notNull(),
    bytes: bigint({ mode: "number" }).notNull(),
    format: text().notNull(),
    importerVersion: text("importer_version").notNull(),
    actor: text().notNull(),
    organisationId: text("organisation_id"),
    userId: text("user_id"),
    tokenId: text("token_id"),
    status: text({ enum: ["dry_run", "refused", "imported", "unchanged"] }).notNull(),
    rows: integer().notNull(),
    /** Records per kind in the file, and how many of them were new: `{ commitments: { total, new }, … }`. */
    records: jsonb().$type<Record<string, { total: number; new: number }>>().notNull(),
    problemCount: integer("problem_count").notNull(),
    changeSetId: bigint("change_set_id", { mode: "number" }).references(() => changeSets.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.createdAt)],
);
