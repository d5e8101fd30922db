import type { GuaranteeAttributes, Provision, Source } from "@commitments/core";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

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
const measureCheck = (table: string) =>
  check(
    `${table}_measure_shape`,
    sql`(measure_kind = 'money' and currency is not null and unit is null and item is null)
      or (measure_kind = 'quantity' and currency is null and unit is not null and item is not null)`,
  );

export const parties = pgTable("parties", {
  id: text().primaryKey(),
  kind: text({ enum: ["state", "organisation"] }).notNull(),
  name: text().notNull(),
  nameUk: text("name_uk"),
  alpha3: text(),
  members: jsonb().$type<string[]>(),
});

export const agreements = pgTable(
  "agreements",
  {
    id: text().primaryKey(),
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
    framework: text().references((): AnyPgColumn => agreements.id),
    sources: jsonb().$type<Source[]>().notNull(),
    synthetic: boolean().notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.instrumentType)],
);

export const provisions = pgTable(
  "provisions",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id),
    position: integer().notNull(),
    kind: text().notNull(),
    terms: jsonb().$type<Provision>().notNull(),
  },
  (t) => [unique("provisions_agreement_position").on(t.agreementId, t.position), index().on(t.kind)],
);

export const agreementStatusChanges = pgTable(
  "agreement_status_changes",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id),
    position: integer().notNull(),
    status: text().notNull(),
    ...dateColumns,
    dateBasis: text("date_basis", { enum: ["effective", "reported"] }).notNull(),
    note: text(),
    sources: jsonb().$type<Source[]>().notNull(),
  },
  (t) => [unique("agreement_status_position").on(t.agreementId, t.position)],
);

export const commitments = pgTable(
  "commitments",
  {
    id: text().primaryKey(),
    donor: text()
      .notNull()
      .references(() => parties.id),
    recipient: text()
      .notNull()
      .references(() => parties.id),
    agreementId: text("agreement_id").references(() => agreements.id),
    title: text().notNull(),
    category: text().notNull(),
    ...measureColumns,
    measureBasis: text("measure_basis", { enum: ["total", "per_year"] }).notNull(),
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    conditions: jsonb().$type<string[]>().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    synthetic: boolean().notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    measureCheck("commitments"),
    index().on(t.donor),
    index().on(t.agreementId),
    index().on(t.category),
  ],
);

export const tranches = pgTable(
  "tranches",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    commitmentId: text("commitment_id")
      .notNull()
      .references(() => commitments.id),
    position: integer().notNull(),
    due: text().notNull(),
    dueFrom: date("due_from").notNull(),
    dueTo: date("due_to").notNull(),
    ...measureColumns,
    note: text(),
  },
  (t) => [measureCheck("tranches"), unique("tranches_commitment_position").on(t.commitmentId, t.position)],
);

export const stageEvents = pgTable(
  "stage_events",
  {
    id: text().primaryKey(),
    commitmentId: text("commitment_id")
      .notNull()
      .references(() => commitments.id),
    stage: text({ enum: ["pledged", "committed", "allocated", "delivered"] }).notNull(),
    ...dateColumns,
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    ...measureColumns,
    confidence: text().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    note: text(),
    synthetic: boolean().notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [measureCheck("stage_events"), index().on(t.commitmentId, t.stage, t.dateTo)],
);

/** Which version of the bundled reference dataset has been loaded, so start-up loads it once. */
export const referenceLoads = pgTable("reference_loads", {
  version: text().primaryKey(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
