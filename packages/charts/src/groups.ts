import { addDecimals, decimalValue } from "./format.ts";
import { labels } from "./labels.ts";
import { type FlagName, flagNames, lookOf, paletteSize, type Stage, stages } from "./style.ts";
import { groupName } from "./titles.ts";
import type { ChartPoint, FlagCounts, SeriesChartInput } from "./types.ts";

/*
 * The groups a chart draws: one colour each, the smallest folded into "Other" when colours run out.
 */

/** A group as the chart draws it: named in the chart's language, with its colour. */
export interface DrawnGroup {
  name: string;
  colour: string;
  /** Names the group's hatch patterns. */
  colourId: string;
  currency: string | undefined;
  /** The stages the group's sources report: the others are not drawn. */
  stages: Stage[];
  points: Map<string, ChartPoint>;
}

/** The stages a group is drawn with: those its sources report (both, when the series does not say). */
function reportedStages(
  groups: readonly { reported?: { promised: boolean; delivered: boolean } | undefined }[],
) {
  return stages.filter((stage) => groups.some((g) => g.reported?.[stage] ?? true));
}

export const noFlags = (): FlagCounts => ({ synthetic: 0, estimated: 0, disputed: 0 });

function addFlags(into: FlagCounts, more: FlagCounts | undefined) {
  if (!more) return;
  for (const flag of flagNames) into[flag] += more[flag];
}

/** The groups a chart has no colour left for, added up per period: exact sums of the API's figures. */
function sumPoints(groups: { points: ChartPoint[] }[]): ChartPoint[] {
  const byPeriod = new Map<string, ChartPoint>();
  for (const group of groups) {
    for (const point of group.points) {
      const sum = byPeriod.get(point.period);
      if (!sum) {
        byPeriod.set(point.period, {
          ...point,
          flags: point.flags && {
            promised: { ...point.flags.promised },
            delivered: { ...point.flags.delivered },
          },
        });
        continue;
      }
      sum.promised = addDecimals(sum.promised, point.promised);
      sum.delivered = addDecimals(sum.delivered, point.delivered);
      sum.cumulativePromised = addDecimals(sum.cumulativePromised, point.cumulativePromised);
      sum.cumulativeDelivered = addDecimals(sum.cumulativeDelivered, point.cumulativeDelivered);
      if (point.flags) {
        sum.flags ??= { promised: noFlags(), delivered: noFlags() };
        addFlags(sum.flags.promised, point.flags.promised);
        addFlags(sum.flags.delivered, point.flags.delivered);
      }
    }
  }
  return [...byPeriod.values()];
}

/**
 * The groups to draw, one colour each. With more groups than colours, the largest (by their latest cumulative
 * promise) keep theirs and the rest are added up as "Other (n)" — when they share a currency or unit; figures in
 * different currencies or units are never added, so those keep cycling colours instead.
 */
export function drawnGroups(input: SeriesChartInput): DrawnGroup[] {
  const { series, lang } = input;
  const { palette, other } = lookOf(input.theme);
  const named = series.groups.map((group) => ({
    group,
    name: groupName(group, series.groupBy, lang, input.groupLabels),
  }));
  const measures = new Set(series.groups.map((g) => `${g.currency ?? ""}|${g.unit ?? ""}`));
  const toMap = (points: ChartPoint[]) => new Map(points.map((p) => [p.period, p]));
  if (named.length <= paletteSize || measures.size > 1) {
    return named.map(({ group, name }, i) => ({
      name,
      colour: palette[i % paletteSize] as string,
      colourId: String(i % paletteSize),
      currency: group.currency,
      stages: reportedStages([group]),
      points: toMap(group.points),
    }));
  }
  const latest = (points: ChartPoint[]) => decimalValue(points.at(-1)?.cumulativePromised ?? "0");
  const ranked = [...named].sort(
    (a, b) => latest(b.group.points) - latest(a.group.points) || a.group.key.localeCompare(b.group.key),
  );
  const kept = new Set(ranked.slice(0, paletteSize - 1));
  const folded = ranked.slice(paletteSize - 1).map(({ group }) => group);
  const first = folded[0];
  const otherName = groupName(
    { key: "", label: labels[lang].other(folded.length), currency: first?.currency, unit: first?.unit },
    series.groupBy,
    lang,
  );
  return [
    // In the API's order, as without folding.
    ...named
      .filter((n) => kept.has(n))
      .map(({ group, name }, i) => ({
        name,
        colour: palette[i] as string,
        colourId: String(i),
        currency: group.currency,
        stages: reportedStages([group]),
        points: toMap(group.points),
      })),
    {
      name: otherName,
      colour: other,
      colourId: "other",
      currency: first?.currency,
      stages: reportedStages(folded),
      points: toMap(sumPoints(folded)),
    },
  ];
}

export function flagsOf(point: ChartPoint, stage: Stage): FlagCounts {
  return point.flags?.[stage] ?? noFlags();
}

/** Which flags some drawn figure carries: the legend explains only the marks that occur. */
export function flagsInChart(groups: DrawnGroup[]): Record<FlagName, boolean> {
  const found = { synthetic: false, estimated: false, disputed: false };
  for (const group of groups) {
    for (const point of group.points.values()) {
      for (const stage of stages) {
        for (const flag of flagNames) if (flagsOf(point, stage)[flag] > 0) found[flag] = true;
      }
    }
  }
  return found;
}
