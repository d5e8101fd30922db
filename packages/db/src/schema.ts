import type { AgreementStatusChange, GuaranteeAttributes, Provision, Source } from "@commitments/core";
import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  type PgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Every write happens in a change set: who, when, through what, and why. Change sets are never altered or
 * deleted (a trigger refuses it); their ids are the dataset's versions.
 */
export const changeSets = pgTable("change_sets", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
  actor: text().notNull(),
  origin: text({ enum: ["reference", "api", "import", "rates", "synthetic"] }).notNull(),
  reason: text(),
  metadata: jsonb().$type<Record<string, unknown>>(),
});

/*
 * Ledger tables keep every version of every record as its own row. A write never changes a row's data: it
 * closes the current version (sets valid_to) and adds the next one. A retraction is a version too. So "as of T"
 * is one predicate on the same table, and a record's history is its rows in order. Triggers in the migrations
 * refuse deletes and any update other than closing a version.
 */
const versioned = {
  version: integer().notNull(),
  changeSetId: bigint("change_set_id", { mode: "number" })
    .notNull()
    .references(() => changeSets.id),
  validFrom: timestamp("valid_from", { withTimezone: true, precision: 3 }).notNull(),
  validTo: timestamp("valid_to", { withTimezone: true, precision: 3 }),
  retracted: boolean().notNull().default(false),
};

function versionIndexes(
  table: string,
  t: { id: PgColumn; version: PgColumn; validFrom: PgColumn; validTo: PgColumn },
) {
  return [
    primaryKey({ name: `${table}_pk`, columns: [t.id, t.version] }),
    uniqueIndex(`${table}_current`).on(t.id).where(sql`valid_to is null`),
    index(`${table}_valid_from`).on(t.validFrom),
  ];
}

// Partial dates ("2024-02") are kept as the source gave them, next to the first and last day they may stand for,
// so that SQL can filter and order by real dates without inventing precision.
const dateColumns = {
  date: text().notNull(),
  dateFrom: date("date_from").notNull(),
  dateTo: date("date_to").notNull(),
};

// A measure is money (exact numeric + ISO 4217) or a quantity (count + unit + item); never a float.
const measureColumns = {
  measureKind: text("measure_kind", { enum: ["money", "quantity"] }).notNull(),
  amount: numeric("amount", { precision: 30, scale: 10 }).notNull(),
  currency: text("currency"),
  unit: text("unit"),
  item: text("item"),
};
const measureShape: SQL = sql`(measure_kind = 'money' and currency is not null and unit is null and item is null)
  or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null)`;

export const parties = pgTable(
  "parties",
  {
    id: text().notNull(),
    ...versioned,
    kind: text({ enum: ["state", "organisation"] }).notNull(),
    name: text().notNull(),
    nameUk: text("name_uk"),
    alpha3: text(),
    members: jsonb().$type<string[]>(),
  },
  (t) => versionIndexes("parties", t),
);

export const agreements = pgTable(
  "agreements",
  {
    id: text().notNull(),
    ...versioned,
    title: text().notNull(),
    shortTitle: text("short_title").notNull(),
    summary: text(),
    guarantors: text().array().notNull(),
    beneficiaries: text().array().notNull(),
    instrumentType: text("instrument_type").notNull(),
    attributes: jsonb().$type<GuaranteeAttributes>().notNull(),
    signed: text(),
    inForce: text("in_force"),
    expires: text(),
    durationYears: integer("duration_years"),
    framework: text(),
    statusHistory: jsonb("status_history").$type<AgreementStatusChange[]>().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [...versionIndexes("agreements", t), index().on(t.instrumentType)],
);

export const provisions = pgTable(
  "provisions",
  {
    id: text().notNull(),
    ...versioned,
    agreementId: text("agreement_id").notNull(),
    position: integer().notNull(),
    kind: text().notNull(),
    terms: jsonb().$type<Provision>().notNull(),
  },
  (t) => [...versionIndexes("provisions", t), index().on(t.agreementId)],
);

export const commitments = pgTable(
  "commitments",
  {
    id: text().notNull(),
    ...versioned,
    donor: text().notNull(),
    recipient: text().notNull(),
    agreementId: text("agreement_id"),
    title: text().notNull(),
    category: text().notNull(),
    ...measureColumns,
    measureBasis: text("measure_basis", { enum: ["total", "per_year"] }).notNull(),
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    conditions: jsonb().$type<string[]>().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [
    ...versionIndexes("commitments", t),
    check("commitments_measure_shape", measureShape),
    index().on(t.donor),
    index().on(t.agreementId),
    index().on(t.category),
  ],
);

export const tranches = pgTable(
  "tranches",
  {
    id: text().notNull(),
    ...versioned,
    commitmentId: text("commitment_id").notNull(),
    position: integer().notNull(),
    due: text().notNull(),
    dueFrom: date("due_from").notNull(),
    dueTo: date("due_to").notNull(),
    ...measureColumns,
    note: text(),
  },
  (t) => [
    ...versionIndexes("tranches", t),
    check("tranches_measure_shape", measureShape),
    index().on(t.commitmentId),
  ],
);

export const stageEvents = pgTable(
  "stage_events",
  {
    id: text().notNull(),
    ...versioned,
    commitmentId: text("commitment_id").notNull(),
    stage: text({ enum: ["pledged", "committed", "allocated", "delivered"] }).notNull(),
    ...dateColumns,
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    ...measureColumns,
    confidence: text().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    note: text(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [
    ...versionIndexes("stage_events", t),
    check("stage_events_measure_shape", measureShape),
    index().on(t.commitmentId, t.stage, t.dateTo),
  ],
);

/** Which version of the bundled reference dataset has been loaded, so start-up loads it once. */
export const referenceLoads = pgTable("reference_loads", {
  version: text().primaryKey(),
  changeSetId: bigint("change_set_id", { mode: "number" })
    .notNull()
    .references(() => changeSets.id),
});

/**
 * Idempotency keys of creates: a replay of the same key and body gets the first response back; the same key
 * with another body is refused. Kept in the database so every replica agrees.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
