/** The kinds of row in the tracker's template. */
export const templateRowKinds = ["commitment", "tranche", "event", "source", "condition"] as const;
export type TemplateRowKind = (typeof templateRowKinds)[number];

export interface TemplateColumn {
  name: string;
  /** What a cell holds: text, id, enum, decimal, integer, boolean, partial date, timestamp, URL or currency code. */
  type: string;
  description: string;
  example: string;
  /** The row kinds on which the column may be filled; on any other row it must be empty. */
  appliesTo: readonly TemplateRowKind[];
  /** The row kinds on which it must be filled. */
  required: readonly TemplateRowKind[];
  /**
   * Written by the tracker's exports only, after the template's own columns, and ignored on import: the export's
   * flags and citation. Never part of a template to fill in.
   */
  exportOnly?: true;
}

const records = ["commitment", "tranche", "event"] as const;
const cited = ["commitment", "event", "source"] as const;

/**
 * The template, column by column: one row per record, in this order. It is also the data dictionary. A record
 * with more than one source has one `source` row per extra source right after it, and a commitment has one
 * `condition` row per condition. Empty cells are absent values; defaults are the core schema's. The last columns
 * (`exportOnly`) are written by the tracker's exports only and ignored on import.
 */
export const templateColumns: readonly TemplateColumn[] = [
  {
    name: "record",
    type: "enum",
    description:
      "What the row is: commitment, tranche or event; or source (one more source for the record just above) or condition (one condition of the commitment just above).",
    example: "commitment",
    appliesTo: templateRowKinds,
    required: templateRowKinds,
  },
  {
    name: "id",
    type: "id",
    description:
      "The record's id: lower-case words joined by hyphens. On a source or condition row, the id of the record it belongs to.",
    example: "example-commitment-1",
    appliesTo: templateRowKinds,
    required: templateRowKinds,
  },
  {
    name: "commitment",
    type: "id",
    description: "The id of the commitment a tranche or event belongs to.",
    example: "example-commitment-1",
    appliesTo: ["tranche", "event"],
    required: ["tranche", "event"],
  },
  {
    name: "donor",
    type: "id",
    description:
      "Who promised: a state or organisation by name (United Kingdom, Велика Британія) or code (GB, EU); stored as the code.",
    example: "DK",
    appliesTo: ["commitment"],
    required: ["commitment"],
  },
  {
    name: "recipient",
    type: "id",
    description: "Who receives it, as a party id. Empty means UA.",
    example: "UA",
    appliesTo: ["commitment"],
    required: [],
  },
  {
    name: "agreement",
    type: "id",
    description: "The id of the agreement the commitment falls under, if any.",
    example: "example-agreement",
    appliesTo: ["commitment"],
    required: [],
  },
  {
    name: "category",
    type: "id",
    description:
      "The category of what is promised, from the tracker's taxonomy: its name in English or Ukrainian (Air defence) or its id (air_defence); stored as the id.",
    example: "air_defence.interceptors",
    appliesTo: ["commitment"],
    required: ["commitment"],
  },
  {
    name: "title",
    type: "text",
    description: "The commitment in a few words.",
    example: "Example: interceptors for air defence",
    appliesTo: ["commitment"],
    required: ["commitment"],
  },
  {
    name: "measure_basis",
    type: "enum",
    description: "total (for the whole period) or per_year (e.g. EUR 5 bn a year). Empty means total.",
    example: "total",
    appliesTo: ["commitment"],
    required: [],
  },
  {
    name: "stage",
    type: "enum",
    description: "The stage an event records: pledged, committed, allocated or delivered.",
    example: "delivered",
    appliesTo: ["event"],
    required: ["event"],
  },
  {
    name: "date",
    type: "partial date",
    description:
      "When an event happened, or when a tranche is due, to the precision the source gives: 2024, 2024-03, 2024-03-31, or day first 31/03/2024, 31 March 2024, 03/2024.",
    example: "2024-03",
    appliesTo: ["tranche", "event"],
    required: ["tranche", "event"],
  },
  {
    name: "period_start",
    type: "partial date",
    description: "Start of the commitment's period, or of the span an event's figure covers (partial date).",
    example: "2024",
    appliesTo: ["commitment", "event"],
    required: [],
  },
  {
    name: "period_end",
    type: "partial date",
    description: "End of that period (partial date, inclusive). Filled together with period_start.",
    example: "2027",
    appliesTo: ["commitment", "event"],
    required: [],
  },
  {
    name: "position",
    type: "integer",
    description: "A tranche's place in its commitment's schedule, from 1 (the first instalment is 1).",
    example: "1",
    appliesTo: ["tranche"],
    required: ["tranche"],
  },
  {
    name: "amount",
    type: "decimal",
    description:
      "A money figure, exact: 1500000000, 1,500,000,000 or 1 500 000 000,50 (a lone comma before three digits is refused: 1,500 could be either); a £, €, $ or ₴ sign fills the currency. Fill with currency, or use quantity.",
    example: "1500000000",
    appliesTo: records,
    required: [],
  },
  {
    name: "currency",
    type: "currency code",
    description: "ISO 4217 code of the amount (GBP, EUR; a sign such as £ is taken too).",
    example: "EUR",
    appliesTo: records,
    required: [],
  },
  {
    name: "quantity",
    type: "decimal",
    description: "A count as an exact decimal. Fill with unit and item, instead of amount and currency.",
    example: "120",
    appliesTo: records,
    required: [],
  },
  {
    name: "unit",
    type: "enum",
    description:
      "What the quantity counts: items, rounds, missiles, systems, batteries, launchers, vehicles, aircraft, vessels, personnel_trained or tonnes.",
    example: "missiles",
    appliesTo: records,
    required: [],
  },
  {
    name: "item",
    type: "text",
    description: "The item counted, as the source designates it.",
    example: "MIM-104 PAC-3 MSE",
    appliesTo: records,
    required: [],
  },
  {
    name: "confidence",
    type: "enum",
    description:
      "How sure the figure is: reported_by_donor, confirmed_by_recipient, independently_verified, estimated, disputed or undisclosed.",
    example: "reported_by_donor",
    appliesTo: ["event"],
    required: ["event"],
  },
  {
    name: "note",
    type: "text",
    description: "A note on a tranche or event.",
    example: "Example: the source gives the month only.",
    appliesTo: ["tranche", "event"],
    required: [],
  },
  {
    name: "condition",
    type: "text",
    description: "On a condition row: one condition the commitment is subject to.",
    example: "Example: subject to parliamentary approval.",
    appliesTo: ["condition"],
    required: ["condition"],
  },
  {
    name: "synthetic",
    type: "boolean",
    description: "true for synthetic demo data, false or empty for real records.",
    example: "false",
    appliesTo: ["commitment", "event"],
    required: [],
  },
  {
    name: "source_title",
    type: "text",
    description: "Title of the source the record cites (every commitment and event cites at least one).",
    example: "Ukraine Support Tracker, Release 29 (04/2026)",
    appliesTo: cited,
    required: cited,
  },
  {
    name: "source_kind",
    type: "enum",
    description: "seed_document, official, dataset, research, media or synthetic.",
    example: "dataset",
    appliesTo: cited,
    required: cited,
  },
  {
    name: "source_publisher",
    type: "text",
    description: "Who published the source.",
    example: "Kiel Institute for the World Economy",
    appliesTo: cited,
    required: [],
  },
  {
    name: "source_url",
    type: "URL",
    description: "Where the source is, an http(s) URL.",
    example: "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/",
    appliesTo: cited,
    required: [],
  },
  {
    name: "source_published",
    type: "partial date",
    description: "When the source was published or released (partial date).",
    example: "2026-08-04",
    appliesTo: cited,
    required: [],
  },
  {
    name: "source_locator",
    type: "text",
    description: "Where in the source the figure stands: page, table, row.",
    example: "data_explorer, row 12",
    appliesTo: cited,
    required: [],
  },
  {
    name: "source_quote",
    type: "text",
    description: "The source's own words, where a short quotation pins the fact down.",
    example: "financed by Denmark",
    appliesTo: cited,
    required: [],
  },
  {
    name: "version",
    type: "integer",
    description:
      "Export only, ignored on import. The record's version in the tracker's ledger at as_of; on a source or condition row, that of the record it belongs to.",
    example: "2",
    appliesTo: templateRowKinds,
    required: [],
    exportOnly: true,
  },
  {
    name: "estimated",
    type: "boolean",
    description:
      "Export only, ignored on import. On an event row, true when its figure is an estimate (confidence estimated), else false; empty on other rows.",
    example: "false",
    appliesTo: ["event"],
    required: [],
    exportOnly: true,
  },
  {
    name: "disputed",
    type: "boolean",
    description:
      "Export only, ignored on import. true when an open dispute stands against the record at as_of (the disputing organisation's figure is in the API and the JSON export), else false; empty on source and condition rows.",
    example: "false",
    appliesTo: records,
    required: [],
    exportOnly: true,
  },
  {
    name: "dataset_version",
    type: "integer",
    description:
      "Export only, ignored on import. The tracker's dataset version the export was read from: the last change set recorded at or before as_of. Cite it with as_of.",
    example: "42",
    appliesTo: templateRowKinds,
    required: [],
    exportOnly: true,
  },
  {
    name: "as_of",
    type: "timestamp",
    description:
      "Export only, ignored on import. The moment the export describes (ISO 8601, UTC): the same export with ?asOf= this moment gives the same rows.",
    example: "2026-01-01T00:00:00.000Z",
    appliesTo: templateRowKinds,
    required: [],
    exportOnly: true,
  },
];

export type TemplateColumnName =
  | "record"
  | "id"
  | "commitment"
  | "donor"
  | "recipient"
  | "agreement"
  | "category"
  | "title"
  | "measure_basis"
  | "stage"
  | "date"
  | "period_start"
  | "period_end"
  | "position"
  | "amount"
  | "currency"
  | "quantity"
  | "unit"
  | "item"
  | "confidence"
  | "note"
  | "condition"
  | "synthetic"
  | "source_title"
  | "source_kind"
  | "source_publisher"
  | "source_url"
  | "source_published"
  | "source_locator"
  | "source_quote";

/** The template's columns, in order: what a template to fill in has, and what import reads. */
export const templateColumnNames = templateColumns
  .filter((c) => !c.exportOnly)
  .map((c) => c.name) as TemplateColumnName[];

/** Columns the tracker's exports add after the template's own; import ignores them. */
export type TemplateExportColumnName = "version" | "estimated" | "disputed" | "dataset_version" | "as_of";

export const templateExportColumnNames = templateColumns
  .filter((c) => c.exportOnly)
  .map((c) => c.name) as TemplateExportColumnName[];
