import { formatAmount, periodLabel } from "./format.ts";
import { type DrawnGroup, flagsOf } from "./groups.ts";
import { type Labels, labels } from "./labels.ts";
import type { Stage } from "./style.ts";
import type { ChartPoint, ChartSeries, FlagCounts, SeriesChartInput } from "./types.ts";

/*
 * The words of a chart: the hover text of every point or bar, and the summary of `<desc>`.
 */

function currencyOf(series: ChartSeries, group: DrawnGroup): string | undefined {
  return series.measure === "money" ? (series.currency ?? group.currency) : undefined;
}

export function stageLabel(l: Labels, stage: Stage): string {
  return stage === "promised" ? l.promised : l.delivered;
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
  return `${group.name}, ${periodLabel(point.period, input.lang)}: ${stageLabel(l, stage)} ${figures}${flagWords(l, flagsOf(point, stage))}`;
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
    const promised = formatAmount(point.cumulativePromised, currency, input.lang);
    const delivered = formatAmount(point.cumulativeDelivered, currency, input.lang);
    return [`${group.name} — ${lower(l.promised)} ${promised}, ${lower(l.delivered)} ${delivered}`];
  });
  return `${l.summaryTo(periodLabel(last, input.lang))}: ${parts.join("; ")}.`;
}
