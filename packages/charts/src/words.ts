import { isId, label } from "@commitments/core/vocabulary";
import { formatAmount, periodLabel } from "./format.ts";
import { type DrawnGroup, flagsOf } from "./groups.ts";
import { type ChartLang, type Labels, labels } from "./labels.ts";
import type { Stage } from "./style.ts";
import type { ChartPoint, ChartSeries, FlagCounts, SeriesChartInput } from "./types.ts";

/*
 * The words of a chart: the hover text of every point or bar, and the summary of `<desc>`.
 */

function currencyOf(series: ChartSeries, group: DrawnGroup): string | undefined {
  return series.measure === "money" ? (series.currency ?? group.currency) : undefined;
}

/**
 * A chart's word for a stage it draws: the stage the series counts as delivery (Allocated, for Kiel's figures), and
 * for the promise the usual word unless the series counts another stage.
 */
export function stageLabel(series: ChartSeries, lang: ChartLang, stage: Stage): string {
  const l = labels[lang];
  const counted = stage === "promised" ? series.promisedStage : series.deliveredStage;
  const usual = stage === "promised" ? "committed" : "delivered";
  if (counted === usual || !isId("stage", counted)) return stage === "promised" ? l.promised : l.delivered;
  return label("stage", counted, lang);
}

function flagWords(l: Labels, flags: FlagCounts): string {
  const counts: [string, number][] = [
    [l.syntheticCount, flags.synthetic],
    [l.estimatedCount, flags.estimated],
    [l.disputedCount, flags.disputed],
  ];
  const present = counts.filter(([, n]) => n > 0).map(([word, n]) => `${word}: ${n}`);
  return present.length ? `; ${present.join(", ")}` : "";
}

/** The hover text of one point or bar: the figure drawn first, the other one beside it, and the flags. */
export function pointWords(
  input: SeriesChartInput,
  group: DrawnGroup,
  point: ChartPoint,
  stage: Stage,
  drawnCumulative: boolean,
): string {
  const l = labels[input.lang];
  const currency = currencyOf(input.series, group);
  const amount = (value: string) => formatAmount(value, currency, input.lang);
  const inPeriod = `${amount(stage === "promised" ? point.promised : point.delivered)} ${l.inPeriod}`;
  const toDate = `${amount(stage === "promised" ? point.cumulativePromised : point.cumulativeDelivered)} ${l.toDate}`;
  const figures = drawnCumulative ? `${toDate} (${inPeriod})` : `${inPeriod} (${toDate})`;
  const word = stageLabel(input.series, input.lang, stage);
  return `${group.name}, ${periodLabel(point.period, input.lang)}: ${word} ${figures}${flagWords(l, flagsOf(point, stage))}`;
}

/** The one-sentence summary of `<desc>`: every group's latest cumulative figures. */
export function summary(input: SeriesChartInput, groups: DrawnGroup[], periods: string[]): string {
  const l = labels[input.lang];
  const last = periods.at(-1);
  if (last === undefined) return `${l.noFigures}.`;
  const lower = (word: string) => word.toLocaleLowerCase(input.lang);
  const parts = groups.flatMap((group) => {
    const point = [...group.points.values()].at(-1);
    if (!point) return [];
    const currency = currencyOf(input.series, group);
    const figures = group.stages.map((stage) => {
      const value = stage === "promised" ? point.cumulativePromised : point.cumulativeDelivered;
      return `${lower(stageLabel(input.series, input.lang, stage))} ${formatAmount(value, currency, input.lang)}`;
    });
    return [`${group.name} — ${figures.join(", ")}`];
  });
  return `${l.summaryTo(periodLabel(last, input.lang))}: ${parts.join("; ")}.`;
}
