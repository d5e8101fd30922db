import {
  type AgreementStatusChange,
  type GuaranteeAttributes,
  type Provision,
  type Source,
  sourceDatasetIds,
  stageIds,
} from "@commitments/core";
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
  /** Who, as the public history names them: the organisation (and person) or the process that wrote. */
  actor: text().notNull(),
  origin: text({ enum: ["reference", "api", "import", "rates", "synthetic"] }).notNull(),
  reason: text(),
  metadata: jsonb().$type<Record<string, unknown>>(),
  // Who exactly, for the audit trail: the signed-in user, or the API token (and its organisation).
  organisationId: text("organisation_id"),
  userId: text("user_id"),
  tokenId: text("token_id"),
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

/**
 * Records a ministry maintains pass draft → submitted → published; only published versions are public. Records
 * written by the tracker's maintainers (and the reference data) are published as written. The owning
 * organisation is the one whose approver may publish the draft.
 */
const workflow = {
  status: text({ enum: ["draft", "submitted", "published"] })
    .notNull()
    .default("published"),
  organisationId: text("organisation_id"),
};

// Partial dates ("2024-02") are kept as the source gave them, next to the first and last day they may stand for,
// so that SQL can filter and order by real dates without inventing precision.
const dateColumns = {
  date: text().notNull(),
  dateFrom: date("date_from").notNull(),
  dateTo: date("date_to").notNull(),
};

/*
 * The domain of dates, the years 1900 to 2199 (core's `dateDomain`), held by the database as well: whoever writes,
 * no row holds a date outside it. Days are compared as dates; partial dates (text, YYYY[-MM[-DD]]) by their year.
 */
function dayInDomain(table: string, column: string) {
  return check(`${table}_${column}_in_domain`, sql.raw(`${column} between '1900-01-01' and '2199-12-31'`));
}
function partialDateInDomain(table: string, column: string) {
  return check(`${table}_${column}_in_domain`, sql.raw(`${column} ~ '^(19|20|21)[0-9]{2}(-|$)'`));
}

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
    kind: text({ enum: ["state", "organisation", "group"] }).notNull(),
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
    titleUk: text("title_uk"),
    shortTitleUk: text("short_title_uk"),
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
  (t) => [
    ...versionIndexes("agreements", t),
    index().on(t.instrumentType),
    partialDateInDomain("agreements", "signed"),
    partialDateInDomain("agreements", "in_force"),
    partialDateInDomain("agreements", "expires"),
  ],
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
    /** Whose figures: "tracker" (its own records) or a publisher's dataset (core's sourceDatasets). */
    sourceDataset: text("source_dataset", { enum: sourceDatasetIds }).notNull().default("tracker"),
    ...workflow,
  },
  (t) => [
    ...versionIndexes("commitments", t),
    check("commitments_measure_shape", measureShape),
    partialDateInDomain("commitments", "period_start"),
    partialDateInDomain("commitments", "period_end"),
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
    ...workflow,
  },
  (t) => [
    ...versionIndexes("tranches", t),
    check("tranches_measure_shape", measureShape),
    partialDateInDomain("tranches", "due"),
    dayInDomain("tranches", "due_from"),
    dayInDomain("tranches", "due_to"),
    index().on(t.commitmentId),
  ],
);

export const stageEvents = pgTable(
  "stage_events",
  {
    id: text().notNull(),
    ...versioned,
    commitmentId: text("commitment_id").notNull(),
    stage: text({ enum: stageIds }).notNull(),
    ...dateColumns,
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    ...measureColumns,
    confidence: text().notNull(),
    sources: jsonb().$type<Source[]>().notNull(),
    note: text(),
    synthetic: boolean().notNull().default(false),
    ...workflow,
  },
  (t) => [
    ...versionIndexes("stage_events", t),
    check("stage_events_measure_shape", measureShape),
    partialDateInDomain("stage_events", "date"),
    dayInDomain("stage_events", "date_from"),
    dayInDomain("stage_events", "date_to"),
    partialDateInDomain("stage_events", "period_start"),
    partialDateInDomain("stage_events", "period_end"),
    index().on(t.commitmentId, t.stage, t.dateTo),
    // Series cells are recomputed a month at a time from the current events of that month.
    index("stage_events_current_stage_date_to").on(t.stage, t.dateTo).where(sql`valid_to is null`),
  ],
);

/*
 * Remarks on records by other organisations: disputes, confirmations of receipt and annotations. Ledger tables
 * like the records they speak of, so opening, resolving or withdrawing one is a version in its history.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: text().notNull(),
    ...versioned,
    targetKind: text("target_kind").notNull(),
    targetId: text("target_id").notNull(),
    organisationId: text("organisation_id").notNull(),
    statement: text().notNull(),
    // The disputing organisation's own figure, if it disputes a figure: measured like measureColumns, or absent.
    measureKind: text("measure_kind", { enum: ["money", "quantity"] }),
    amount: numeric("amount", { precision: 30, scale: 10 }),
    currency: text("currency"),
    unit: text("unit"),
    item: text("item"),
    sources: jsonb().$type<Source[]>().notNull(),
    status: text({ enum: ["open", "upheld", "rejected", "withdrawn"] }).notNull(),
    resolution: text(),
  },
  (t) => [
    ...versionIndexes("disputes", t),
    check("disputes_measure_shape", sql`measure_kind is null or (amount is not null and (${measureShape}))`),
    index().on(t.targetKind, t.targetId),
  ],
);

export const confirmations = pgTable(
  "confirmations",
  {
    id: text().notNull(),
    ...versioned,
    eventId: text("event_id").notNull(),
    eventVersion: integer("event_version").notNull(),
    organisationId: text("organisation_id").notNull(),
    received: text(),
    note: text(),
    sources: jsonb().$type<Source[]>(),
  },
  (t) => [
    ...versionIndexes("confirmations", t),
    index().on(t.eventId),
    partialDateInDomain("confirmations", "received"),
  ],
);

export const annotations = pgTable(
  "annotations",
  {
    id: text().notNull(),
    ...versioned,
    targetKind: text("target_kind").notNull(),
    targetId: text("target_id").notNull(),
    organisationId: text("organisation_id").notNull(),
    text: text().notNull(),
    sources: jsonb().$type<Source[]>(),
  },
  (t) => [...versionIndexes("annotations", t), index().on(t.targetKind, t.targetId)],
);

/**
 * A ministry's correction or retraction of a published record, until its own approver publishes or returns it.
 * A ledger table like the records, so proposing and deciding are versions in its history, each in a change set
 * naming who and why. `record` is the whole record as the correction would make it (null for a retraction).
 */
export const proposals = pgTable(
  "proposals",
  {
    id: text().notNull(),
    ...versioned,
    targetKind: text("target_kind", { enum: ["commitment", "tranche", "event"] }).notNull(),
    targetId: text("target_id").notNull(),
    baseVersion: integer("base_version").notNull(),
    kind: text({ enum: ["correction", "retraction"] }).notNull(),
    record: jsonb().$type<Record<string, unknown>>(),
    organisationId: text("organisation_id").notNull(),
    reason: text().notNull(),
    status: text({ enum: ["submitted", "published", "returned"] }).notNull(),
    decision: text(),
  },
  (t) => [
    ...versionIndexes("proposals", t),
    check("proposals_record_shape", sql`(kind = 'correction') = (record is not null)`),
    index().on(t.targetKind, t.targetId),
    index().on(t.organisationId),
  ],
);

/**
 * Reference exchange rates in the ECB convention (1 EUR = per_eur units of currency), a ledger table like the
 * others: the record's id is "USD-2024-03-01", so a different rate for the same currency and day is a new version.
 */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: text().notNull(),
    ...versioned,
    currency: text().notNull(),
    date: date().notNull(),
    perEur: numeric("per_eur", { precision: 30, scale: 10 }).notNull(),
  },
  (t) => [
    ...versionIndexes("exchange_rates", t),
    check("exchange_rates_positive", sql`per_eur > 0`),
    check("exchange_rates_currency", sql`currency ~ '^[A-Z]{3}$' and currency <> 'EUR'`),
    dayInDomain("exchange_rates", "date"),
    index("exchange_rates_current_currency_date").on(t.currency, t.date).where(sql`valid_to is null`),
  ],
);

/**
 * Series cells: a derived aggregate, not ledger data. One row per stage, month (first day) and measure (currency
 * code, or unit for quantities) for each combination of donor, category (full id), agreement ("" for none), the
 * agreement's tier ("none") and whose figures they are (the commitment's source dataset: never added up with
 * another's unless a reader asks), holding the exact sum of the original amounts and the event count; for money also
 * the sums converted to EUR and USD at each event's own date (event_date convention, 10 decimal places per event)
 * and what could not be converted for want of a rate; and how many events carry each flag. Keeping the full
 * combination, not one dimension at a time, lets any grouping be read under any filter. A write recomputes the
 * months it touches in its own transaction, so the cells are always a function of the current ledger (disputes
 * included) and the current rate table.
 */
export const seriesCells = pgTable(
  "series_cells",
  {
    stage: text({ enum: stageIds }).notNull(),
    month: date().notNull(),
    measureKind: text("measure_kind", { enum: ["money", "quantity"] }).notNull(),
    measure: text().notNull(),
    donor: text().notNull(),
    category: text().notNull(),
    agreement: text().notNull(),
    tier: text().notNull(),
    source: text({ enum: sourceDatasetIds }).notNull().default("tracker"),
    amount: numeric().notNull(),
    events: integer().notNull(),
    eur: numeric(),
    eurUnconverted: numeric("eur_unconverted"),
    eurUnconvertedEvents: integer("eur_unconverted_events"),
    usd: numeric(),
    usdUnconverted: numeric("usd_unconverted"),
    usdUnconvertedEvents: integer("usd_unconverted_events"),
    // How many of the cell's events carry each flag, so a chart can mark its figures without reading events:
    // synthetic (the event or its commitment), of confidence estimated, under an open dispute (of the event or
    // its commitment).
    syntheticEvents: integer("synthetic_events").notNull().default(0),
    estimatedEvents: integer("estimated_events").notNull().default(0),
    disputedEvents: integer("disputed_events").notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: "series_cells_pk",
      columns: [t.stage, t.month, t.measureKind, t.measure, t.donor, t.category, t.agreement, t.source],
    }),
    dayInDomain("series_cells", "month"),
  ],
);

/**
 * Series rollups: the series cells summed over every dimension but one and the source, so an unfiltered series
 * reads rows that grow with the answer (groups × months × measures × sources), not with the cells (about one per
 * 1.5 events). One row per grouping (dimension: all, donor, category, tier, agreement or source), group key (as
 * series.ts groups: "all", the donor, the top-level category, the tier, the agreement or "none", the source),
 * stage, month, measure and source, holding the exact sums of its cells. Rewritten from the cells of the touched slices in the same transaction as the cells (series-cells.ts,
 * refreshPart). The key leads with what every read fixes, so a read is one index range.
 */
export const seriesRollups = pgTable(
  "series_rollups",
  {
    dimension: text({ enum: ["all", "donor", "category", "tier", "agreement", "source"] }).notNull(),
    measureKind: text("measure_kind", { enum: ["money", "quantity"] }).notNull(),
    stage: text({ enum: stageIds }).notNull(),
    month: date().notNull(),
    key: text().notNull(),
    measure: text().notNull(),
    source: text({ enum: sourceDatasetIds }).notNull().default("tracker"),
    amount: numeric().notNull(),
    events: integer().notNull(),
    eur: numeric(),
    eurUnconverted: numeric("eur_unconverted"),
    eurUnconvertedEvents: integer("eur_unconverted_events"),
    usd: numeric(),
    usdUnconverted: numeric("usd_unconverted"),
    usdUnconvertedEvents: integer("usd_unconverted_events"),
    syntheticEvents: integer("synthetic_events").notNull(),
    estimatedEvents: integer("estimated_events").notNull(),
    disputedEvents: integer("disputed_events").notNull(),
  },
  (t) => [
    primaryKey({
      name: "series_rollups_pk",
      columns: [t.dimension, t.measureKind, t.stage, t.month, t.key, t.measure, t.source],
    }),
    // For the writes, which replace whole slices (stage, month, measure) across every dimension.
    index("series_rollups_slice").on(t.stage, t.month, t.measureKind, t.measure),
    dayInDomain("series_rollups", "month"),
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
