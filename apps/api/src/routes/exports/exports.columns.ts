import { type Family, type Term, vocabulary } from "@commitments/core";
import { type TemplateRowKind, templateColumns } from "@commitments/importers";

/*
 * The columns of every export, once: the records export is the importers' template (its columns, then the
 * export-only ones), the series export is defined here. Headers, rows and the data dictionary all come from these
 * lists, so they cannot disagree.
 */

/** A figure's flags, as the exports give them. */
export interface Flags {
  synthetic: boolean;
  estimated: boolean;
  disputed: boolean;
}

/** What one series row is made of. */
export interface SeriesRowInput {
  groupBy: string;
  key: string;
  label: string;
  measure: "money" | "quantity";
  currency: string | null;
  unit: string | null;
  interval: string;
  period: string;
  promisedStage: string;
  deliveredStage: string;
  /** Whose figures the group adds up, and whether any of them reports the delivered stage at all. */
  sources: string[];
  deliveredReported: boolean;
  promised: string;
  delivered: string;
  cumulativePromised: string;
  cumulativeDelivered: string;
  convention: string | null;
  rateDate: string | null;
  flags: Flags;
  datasetVersion: number;
  asOf: string;
}

export interface ExportColumn {
  name: string;
  type: string;
  description: string;
  example: string;
}

interface SeriesColumn extends ExportColumn {
  value(row: SeriesRowInput): string;
}

const flagText =
  "among the figures the row's cumulative totals include (this period's and every earlier one's, in its group)";

export const seriesColumns: readonly SeriesColumn[] = [
  {
    name: "group_by",
    type: "enum",
    description: "How the series is grouped: all, donor, category (top level), tier or agreement.",
    example: "donor",
    value: (r) => r.groupBy,
  },
  {
    name: "group",
    type: "id",
    description:
      'The group: "all", a donor\'s party id, a top-level category, a tier or an agreement id ("none": commitments under no agreement).',
    example: "DE",
    value: (r) => r.key,
  },
  {
    name: "group_label",
    type: "text",
    description: "The group's name.",
    example: "Germany",
    value: (r) => r.label,
  },
  {
    name: "measure",
    type: "enum",
    description: "money, or quantity (counted items, never added across units).",
    example: "money",
    value: (r) => r.measure,
  },
  {
    name: "currency",
    type: "currency code",
    description:
      "Money: the currency of every figure of the row, converted (EUR or USD) or, with currency=original, the group's own. Empty for quantities.",
    example: "EUR",
    value: (r) => r.currency ?? "",
  },
  {
    name: "unit",
    type: "enum",
    description: "Quantities: what the figures count (items, rounds, missiles…). Empty for money.",
    example: "rounds",
    value: (r) => r.unit ?? "",
  },
  {
    name: "interval",
    type: "enum",
    description: "month, quarter or year.",
    example: "quarter",
    value: (r) => r.interval,
  },
  {
    name: "period",
    type: "text",
    description:
      "The period: 2024-03, 2024-Q1 or 2024. A figure counts in the month of the last day of its (partial) date.",
    example: "2024-Q1",
    value: (r) => r.period,
  },
  {
    name: "promised_stage",
    type: "enum",
    description: "The stage counted as the promise (committed unless the query says otherwise).",
    example: "committed",
    value: (r) => r.promisedStage,
  },
  {
    name: "delivered_stage",
    type: "enum",
    description:
      "The stage counted as delivery: as the query says, or the furthest stage the figures' sources report (allocated for the Kiel Institute's figures, which report allocations, not deliveries).",
    example: "delivered",
    value: (r) => r.deliveredStage,
  },
  {
    name: "sources",
    type: "list",
    description:
      "Whose figures the group adds up, separated by semicolons: kiel (Kiel Institute, Ukraine Support Tracker), sipri (SIPRI Arms Transfers Database), iati (IATI publishers), tracker (records kept in the tracker). The export's citation names their releases.",
    example: "kiel",
    value: (r) => r.sources.join(";"),
  },
  {
    name: "delivered_reported",
    type: "boolean",
    description:
      "false when none of the group's sources reports the delivered stage at all: its delivered figures are then not zeros but unknown to those sources, and no share may be read from them.",
    example: "true",
    value: (r) => String(r.deliveredReported),
  },
  {
    name: "promised",
    type: "decimal",
    description: "Promised in the period: an exact decimal; converted money has exactly 2 places.",
    example: "1500000000.00",
    value: (r) => r.promised,
  },
  {
    name: "delivered",
    type: "decimal",
    description: "Delivered in the period.",
    example: "250000000.00",
    value: (r) => r.delivered,
  },
  {
    name: "cumulative_promised",
    type: "decimal",
    description: "Everything promised up to the end of the period.",
    example: "3000000000.00",
    value: (r) => r.cumulativePromised,
  },
  {
    name: "cumulative_delivered",
    type: "decimal",
    description: "Everything delivered up to the end of the period.",
    example: "900000000.00",
    value: (r) => r.cumulativeDelivered,
  },
  {
    name: "conversion",
    type: "enum",
    description:
      "How money was converted: event_date (each figure at the rate of its own date) or fixed_date (all at rate_date); empty when nothing was converted. Figures without a rate are left out and listed in the JSON export and the XLSX About sheet.",
    example: "event_date",
    value: (r) => r.convention ?? "",
  },
  {
    name: "rate_date",
    type: "date",
    description: "fixed_date: the date of the rates used; empty otherwise.",
    example: "2024-12-31",
    value: (r) => r.rateDate ?? "",
  },
  {
    name: "synthetic",
    type: "boolean",
    description: `true when synthetic demo data is ${flagText}.`,
    example: "false",
    value: (r) => String(r.flags.synthetic),
  },
  {
    name: "estimated",
    type: "boolean",
    description: `true when an estimate (an event of confidence estimated) is ${flagText}.`,
    example: "false",
    value: (r) => String(r.flags.estimated),
  },
  {
    name: "disputed",
    type: "boolean",
    description: `true when a figure against whose event or commitment an open dispute stands is ${flagText}.`,
    example: "false",
    value: (r) => String(r.flags.disputed),
  },
  {
    name: "dataset_version",
    type: "integer",
    description:
      "The tracker's dataset version the export was read from: the last change set recorded at or before as_of. Cite it with as_of.",
    example: "42",
    value: (r) => String(r.datasetVersion),
  },
  {
    name: "as_of",
    type: "timestamp",
    description:
      "The moment the export describes (ISO 8601, UTC): the same export with ?asOf= this moment gives the same rows.",
    example: "2026-01-01T00:00:00.000Z",
    value: (r) => r.asOf,
  },
];

/** One value an enum column may hold, with its words in English and Ukrainian. */
export type DictionaryValue = { id: string } & Term;

export interface DictionaryColumn extends ExportColumn {
  /** The values of a column whose values are a vocabulary's ids, in the vocabulary's order and words. */
  values?: DictionaryValue[];
  /** Records export: the row kinds the column may be filled on. */
  appliesTo?: TemplateRowKind[];
  /** Records export: the row kinds import requires it on; empty when it is optional. */
  requiredOnImport?: TemplateRowKind[];
  /** Records export: written by exports only, ignored on import. */
  exportOnly?: boolean;
}

/** The columns, of either export, whose values are the ids of a vocabulary family. */
const columnFamilies: Readonly<Record<string, Family>> = {
  category: "category",
  measure_basis: "measureBasis",
  stage: "stage",
  unit: "quantityUnit",
  confidence: "confidence",
  source_kind: "sourceKind",
  measure: "measureKind",
  promised_stage: "stage",
  delivered_stage: "stage",
};

function valuesOf(column: string): { values?: DictionaryValue[] } {
  const family = columnFamilies[column];
  if (!family) return {};
  const { ids, terms } = vocabulary[family];
  const termOf = terms as Readonly<Record<string, Term>>;
  return {
    values: ids.map((id: string) => {
      const { en, uk } = termOf[id] as Term;
      return {
        id,
        en: { label: en.label, description: en.description },
        uk: { label: uk.label, description: uk.description },
      };
    }),
  };
}

/** The records export's columns, in order: the importers' template, then its export-only columns. */
export const recordColumns: DictionaryColumn[] = templateColumns.map((c) => ({
  name: c.name,
  type: c.type,
  description: c.description,
  example: c.example,
  ...valuesOf(c.name),
  appliesTo: [...c.appliesTo],
  requiredOnImport: [...c.required],
  exportOnly: c.exportOnly ?? false,
}));

export const seriesDictionaryColumns: DictionaryColumn[] = seriesColumns.map(
  ({ name, type, description, example }) => ({ name, type, description, example, ...valuesOf(name) }),
);
