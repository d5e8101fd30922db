import type {
  ConversionConvention,
  Month,
  QuantityUnit,
  RateOn,
  SeriesInterval,
  SourceDataset,
  Stage,
  Tier,
  SeriesTooLarge as TooLarge,
} from "@commitments/core";

export const seriesGroupings = ["all", "donor", "category", "tier", "agreement", "source"] as const;
export type SeriesGroupBy = (typeof seriesGroupings)[number];

export interface SeriesQuery {
  groupBy: SeriesGroupBy;
  /** The stage counted as the promise (committed by default). */
  promised: Stage;
  /**
   * The stage counted as delivery. Undefined: the furthest stage the selected figures' sources report (delivered;
   * allocated for the Kiel Institute, which reports allocations, not deliveries), or "delivered" where they differ.
   */
  delivered?: Stage | undefined;
  interval: SeriesInterval;
  measure: "money" | "quantity";
  /** Money: converted to EUR or USD, or "original" for one series per currency. */
  currency: "EUR" | "USD" | "original";
  convention: ConversionConvention;
  /** Quantities: the unit; without it, one series per unit (units are never added up). */
  unit?: QuantityUnit | undefined;
  /** One donor, or several separated by commas ("DE,GB,US"): their figures only. */
  donor?: string | undefined;
  /** A category and everything under it. */
  category?: string | undefined;
  tier?: Tier | "none" | undefined;
  agreement?: string | undefined;
  /** Whose figures: one source dataset's only. */
  source?: SourceDataset | undefined;
  /** The first and last month wanted (YYYY-MM); the series covers the whole periods holding them. */
  from?: Month | undefined;
  to?: Month | undefined;
  /** Read what the tracker showed at this moment. */
  asOf?: Date | undefined;
}

/** How many events of one stage carry each flag. */
export interface FlagCounts {
  /** Synthetic demo data: the event's flag or its commitment's. */
  synthetic: number;
  /** Of confidence estimated. */
  estimated: number;
  /** Under an open dispute, of the event or of its commitment. */
  disputed: number;
}

/** The flag counts of the events of the promised stage and of the delivered stage. */
export interface PointFlags {
  promised: FlagCounts;
  delivered: FlagCounts;
}

export interface SeriesPoint {
  period: string;
  promised: string;
  delivered: string;
  cumulativePromised: string;
  cumulativeDelivered: string;
  /**
   * Of the period's events only, not cumulative: what a chart marks on the period's figures. Absent when none of
   * them is flagged (most points), so a long series carries no empty counts.
   */
  flags?: PointFlags;
}

export interface SeriesGroup {
  key: string;
  label: string;
  /** Set when the series is in original currencies: one group per key and currency. */
  currency?: string;
  /** Set for quantities: one group per key and unit. */
  unit?: QuantityUnit;
  /** Whose figures the group's points add up. */
  sources: SourceDataset[];
  /**
   * Whether any of those sources reports the promised and the delivered stage at all: where none does, the
   * group's figure for that stage is not a zero but unknown to its sources ("Kiel reports allocations, not
   * deliveries"), and no share can be read from it.
   */
  reported: { promised: boolean; delivered: boolean };
  points: SeriesPoint[];
  /**
   * The flag counts of the group's events before the first period, which its cumulative figures include: with
   * the points' counts, what each cumulative figure rests on (the exports flag that). Not part of GET /v1/series.
   */
  flagsBefore: PointFlags;
}

export interface Unconverted {
  stage: Stage;
  currency: string;
  amount: string;
  events: number;
}

export interface SeriesConversion {
  currency: "EUR" | "USD";
  convention: ConversionConvention["kind"];
  rateDate?: string;
  /** fixed_date: the rates used, one per currency (the latest on or before rateDate, at most 7 days before). */
  rates?: RateOn[];
  rateSource: string;
  rounding: string;
  /** What the converted figures leave out for want of a rate, up to the end of the series. */
  unconverted: Unconverted[];
}

/** A source whose figures a series adds up: who says so, which release, and which stages it reports. */
export interface SeriesSource {
  id: SourceDataset;
  /** The publisher, for a credit line; null for the tracker's own records, each of which cites its sources. */
  publisher: string | null;
  /** The release the figures are of, as its import named it (as of the series' moment); null if none was named. */
  release: string | null;
  stages: Stage[];
  /** The furthest stage it reports. */
  progressStage: Stage;
  /** Whether it splits its promises by category. */
  promisesByCategory: boolean;
}

export interface Series {
  measure: "money" | "quantity";
  /** The currency of every figure; null when each group is in its own currency or the series counts units. */
  currency: "EUR" | "USD" | null;
  unit: QuantityUnit | null;
  interval: SeriesInterval;
  groupBy: SeriesGroupBy;
  promisedStage: Stage;
  deliveredStage: Stage;
  /** Whose figures the series adds up, with the releases they are of: what its credit line names. */
  sources: SeriesSource[];
  groups: SeriesGroup[];
  conversion: SeriesConversion | null;
  /** Money: the promised and delivered totals of the periods shown, per original currency, exact. */
  original: { currency: string; promised: string; delivered: string }[];
  /** The last change set included. */
  datasetVersion: number;
}

/** A group's sums for one source, stage, month and currency or unit. */
export interface Row {
  key: string;
  source: SourceDataset;
  measure: string;
  stage: Stage;
  /** YYYY-MM, or `beforeWindow`. */
  month: Month;
  amount: string;
  events: number;
  /** Converted at each event's date to the target currency (event_date); "0" otherwise. */
  converted: string;
  unconverted: string;
  unconvertedEvents: number;
  syntheticEvents: number;
  estimatedEvents: number;
  disputedEvents: number;
}

/** The bucket of the rows before a window that starts after the data's first month (see rows.ts). */
export const beforeWindow = "before";

export function targetOf(query: Pick<SeriesQuery, "measure" | "currency">): "EUR" | "USD" | null {
  return query.measure === "money" && query.currency !== "original" ? query.currency : null;
}

/**
 * A series, chart or series export with more points (groups × periods) than core's `maxSeriesPoints`: refused
 * before its points are built, naming the query parameter to change.
 */
export class SeriesTooLarge extends Error {
  readonly parameter: TooLarge["parameter"];

  constructor({ parameter, message }: TooLarge) {
    super(message);
    this.name = "SeriesTooLarge";
    this.parameter = parameter;
  }
}

/** The donors a series' `donor` filter names: one, or several separated by commas. */
export function donorsOf(query: { donor?: string | undefined }): string[] {
  return query.donor ? query.donor.split(",").filter((d) => d !== "") : [];
}
