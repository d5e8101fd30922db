import type { ChartLang } from "./labels.ts";
import type { ChartTheme } from "./style.ts";

/*
 * The chart's input is the JSON of GET /v1/series as it is: the web passes the response it fetched, the server the
 * series it read. Only the fields a chart uses are named; the rest of the response may come along.
 */

/** How many of a period's events carry each flag. */
export interface FlagCounts {
  synthetic: number;
  estimated: number;
  disputed: number;
}

/** A period's flags per stage: those of the promised events and those of the delivered ones. */
export interface PointFlags {
  promised: FlagCounts;
  delivered: FlagCounts;
}

/** One period of a group: exact decimal strings, as the API gives them. */
export interface ChartPoint {
  period: string;
  promised: string;
  delivered: string;
  cumulativePromised: string;
  cumulativeDelivered: string;
  /** Absent from responses of an API that does not give flags yet: nothing is then marked. */
  flags?: PointFlags | undefined;
}

export interface ChartGroup {
  key: string;
  label: string;
  /** Set when the series keeps original currencies apart: one group per key and currency. */
  currency?: string | undefined;
  /** Set when quantities are split per unit: one group per key and unit. */
  unit?: string | undefined;
  /**
   * Whether the group's sources report each stage at all: a stage none reports is not drawn (it is unknown, not
   * zero). Absent: both are reported.
   */
  reported?: { promised: boolean; delivered: boolean } | undefined;
  points: ChartPoint[];
}

/** A source whose figures a series adds up (GET /v1/series `sources`): what the credit line names. */
export interface ChartSource {
  id: string;
  publisher: string | null;
  release: string | null;
}

export type SeriesInterval = "month" | "quarter" | "year";
export type SeriesGroupBy = "all" | "donor" | "category" | "tier" | "agreement" | "source";

/** The `data` of a GET /v1/series response. */
export interface ChartSeries {
  measure: "money" | "quantity";
  /** The currency of every figure; null when each group has its own, or for quantities. */
  currency: string | null;
  unit: string | null;
  interval: SeriesInterval;
  groupBy: SeriesGroupBy;
  promisedStage: string;
  deliveredStage: string;
  /** Whose figures the series adds up; absent from responses of an API that does not name them. */
  sources?: ChartSource[] | undefined;
  groups: ChartGroup[];
  conversion: { currency: string; convention: string; rateDate?: string | undefined } | null;
}

/** The `meta` of the response: what a citation of the chart needs. */
export interface ChartMeta {
  datasetVersion: number;
  /** An ISO 8601 timestamp. */
  asOf: string;
}

export type ChartKind = "cumulative" | "bars";

export interface SeriesChartInput {
  series: ChartSeries;
  meta: ChartMeta;
  kind: ChartKind;
  lang: ChartLang;
  title: string;
  subtitle?: string | undefined;
  /** The source line of the footer, e.g. "Commitments tracker — promised vs delivered; sources per record at …". */
  source: string;
  /** Pixels; 960 × 540 unless given. */
  width?: number | undefined;
  height?: number | undefined;
  /** Prefixes every element id, so two charts on one page do not clash; "chart" unless given. */
  idPrefix?: string | undefined;
  /**
   * Names of groups in the chart's language by group key, where the series' labels are in another (the API
   * names parties in English; the Ukrainian names are the parties' `nameUk`).
   */
  groupLabels?: Readonly<Record<string, string>> | undefined;
  /** The ground it is drawn on: light unless given. */
  theme?: ChartTheme | undefined;
}
