import {
  amountScale,
  coord,
  decimalValue,
  formatCompact,
  niceTicks,
  periodLabel,
  periodOrdinal,
  textWidth,
} from "./format.ts";
import { type DrawnGroup, flagsOf } from "./groups.ts";
import { el, hatchPattern, hover, markText, text } from "./markup.ts";
import { flagNames, lookOf, pad, type Stage, stages } from "./style.ts";
import type { ChartSeries, FlagCounts, SeriesChartInput } from "./types.ts";
import { pointWords } from "./words.ts";

/*
 * The plot of a chart: axes, gridlines, period labels, and the lines or bars with their flag marks. Its work grows
 * with the points drawn, and no array is spread into a call (an argument per value overflows the stack on a long
 * series): extents are found in one loop.
 */

/**
 * Round steps between period labels, so they fall on Januaries, first quarters, round years: up to a century, so
 * the domain's longest series (1900 to 2199) is labelled on round years too.
 */
const labelSteps: Record<ChartSeries["interval"], number[]> = {
  month: [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 600, 1200],
  quarter: [1, 2, 4, 8, 12, 20, 40, 80, 200, 400],
  year: [1, 2, 5, 10, 20, 50, 100],
};

/** The width of the widest of the texts, in one loop: there is a label per period. */
function widest(texts: readonly string[], fontSize: number): number {
  let width = Number.NEGATIVE_INFINITY;
  for (const t of texts) width = Math.max(width, textWidth(t, fontSize));
  return width;
}

/** What drawing the plot needs: the groups and periods, and the box it fills. */
export interface Plot {
  input: SeriesChartInput;
  groups: DrawnGroup[];
  periods: string[];
  id: string;
  /** Patterns by id, in the order first used, for `<defs>`. */
  defs: Map<string, string>;
  width: number;
  top: number;
  bottom: number;
}

/** Axes, gridlines, period labels, and the lines or bars with their flag marks. */
export function plot({ input, groups, periods, id, defs, width, top, bottom }: Plot): string[] {
  const { series, lang } = input;
  const look = lookOf(input.theme);
  const bars = input.kind === "bars";
  const out: string[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const group of groups) {
    for (const p of group.points.values()) {
      for (const value of bars ? [p.promised, p.delivered] : [p.cumulativePromised, p.cumulativeDelivered]) {
        const number = decimalValue(value);
        if (number < lowest) lowest = number;
        if (number > highest) highest = number;
      }
    }
  }
  const tickCount = Math.min(8, Math.max(2, Math.round((bottom - top) / 56)));
  const ticks = niceTicks(lowest, highest, tickCount, series.measure === "quantity");
  const low = ticks[0] as number;
  const high = ticks.at(-1) as number;
  const scale = amountScale(Math.max(Math.abs(low), Math.abs(high)), (ticks[1] as number) - low);
  // One currency on the axis only when every group is in it; original currencies keep theirs in the legend.
  const axisCurrency = series.measure === "money" ? series.currency : null;
  const tickLabels = ticks.map((t) => formatCompact(t, axisCurrency, lang, scale));
  const left = pad + widest(tickLabels, 12) + 10;
  const right = width - pad - 8;
  const yOf = (v: number) => bottom - ((v - low) / (high - low)) * (bottom - top);
  const slot = (right - left) / periods.length;
  const xOf = (i: number) => left + (i + 0.5) * slot;

  // Gridlines and amounts.
  const axis: string[] = [];
  ticks.forEach((tick, i) => {
    const ty = yOf(tick);
    axis.push(
      el("line", { x1: left, y1: ty, x2: right, y2: ty, stroke: tick === 0 ? look.axis : look.grid }),
      text(left - 8, ty + 4, tickLabels[i] as string, {
        "font-size": 12,
        fill: look.muted,
        "text-anchor": "end",
      }),
    );
  });
  // Period labels, thinned to fit: a round step that leaves each label its width.
  const periodTexts = periods.map((p) => periodLabel(p, lang));
  const labelWidth = widest(periodTexts, 11) + 10;
  const needed = Math.ceil(labelWidth / slot);
  const step = labelSteps[series.interval].find((s) => s >= needed) ?? needed;
  const shown = periods.flatMap((p, i) => ((periodOrdinal(p) ?? i) % step === 0 ? [i] : []));
  for (const i of shown.length ? shown : [0]) {
    const x = xOf(i);
    axis.push(
      el("line", { x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: look.axis }),
      text(x, bottom + 17, periodTexts[i] as string, {
        "font-size": 11,
        fill: look.muted,
        "text-anchor": "middle",
        class: "period",
      }),
    );
  }
  out.push(`<g class="axes">${axis.join("")}</g>`);

  const marks: string[] = [];
  /** The estimated and disputed marks over a point or bar, stacked upwards from `above`. */
  const flagMarks = (x: number, above: number, counts: FlagCounts) => {
    let markY = above - 4;
    for (const flag of ["estimated", "disputed"] as const) {
      if (counts[flag] === 0) continue;
      marks.push(markText(x, markY, flag, `mark-${flag}`, look));
      markY -= 12;
    }
  };

  const data: string[] = [];
  if (bars) {
    const barWidth = (slot * 0.8) / (groups.length * 2);
    const gap = barWidth > 3 ? 1 : 0;
    groups.forEach((group, g) => {
      const rects: string[] = [];
      periods.forEach((period, i) => {
        const point = group.points.get(period);
        if (!point) return;
        stages.forEach((stage, s) => {
          // A stage the group's sources do not report is unknown, not zero: no bar.
          if (!group.stages.includes(stage)) return;
          const value = decimalValue(stage === "promised" ? point.promised : point.delivered);
          const x = left + i * slot + slot * 0.1 + (g * 2 + s) * barWidth;
          const y0 = yOf(0);
          const yv = yOf(value);
          const counts = flagsOf(point, stage);
          // Promised light, delivered full; synthetic hatched, so it never passes for a real figure.
          const light = stage === "promised";
          let fill = group.colour;
          if (counts.synthetic > 0) {
            const patternId = `${id}-hatch-${group.colourId}-${stage}`;
            if (!defs.has(patternId))
              defs.set(patternId, hatchPattern(patternId, group.colour, light ? 0.45 : 1, look));
            fill = `url(#${patternId})`;
          }
          rects.push(
            el(
              "rect",
              {
                x,
                y: Math.min(y0, yv),
                width: Math.max(0.5, barWidth - gap),
                height: Math.abs(y0 - yv),
                fill,
                "fill-opacity": light && counts.synthetic === 0 ? "0.35" : undefined,
                stroke: gap ? group.colour : undefined,
                class: pointClass(stage, counts),
              },
              hover(pointWords(input, group, point, stage, false)),
            ),
          );
          flagMarks(x + barWidth / 2, Math.min(y0, yv), counts);
        });
      });
      data.push(`<g class="group">${rects.join("")}</g>`);
    });
  } else {
    const radius = slot >= 14 ? 3.5 : slot >= 7 ? 2.5 : 1.8;
    for (const group of groups) {
      const parts: string[] = [];
      // A stage the group's sources do not report is unknown, not zero: no line.
      for (const stage of group.stages) {
        const positions = periods.flatMap((period, i) => {
          const point = group.points.get(period);
          if (!point) return [];
          const value = stage === "promised" ? point.cumulativePromised : point.cumulativeDelivered;
          return [{ point, x: xOf(i), y: yOf(decimalValue(value)) }];
        });
        // Promised dashed, delivered solid.
        parts.push(
          el("polyline", {
            points: positions.map((p) => `${coord(p.x)},${coord(p.y)}`).join(" "),
            fill: "none",
            stroke: group.colour,
            "stroke-width": stage === "promised" ? 2 : 2.5,
            "stroke-dasharray": stage === "promised" ? "6 4" : undefined,
            "stroke-linejoin": "round",
            class: `line ${stage}`,
          }),
        );
        for (const { point, x, y } of positions) {
          const counts = flagsOf(point, stage);
          // Synthetic figures: a hollow marker, so they never pass for real ones.
          const hollow = counts.synthetic > 0;
          parts.push(
            el(
              "circle",
              {
                cx: x,
                cy: y,
                r: radius,
                fill: hollow ? look.ground : group.colour,
                stroke: hollow ? group.colour : look.ground,
                "stroke-width": hollow ? 1.5 : 0.75,
                class: pointClass(stage, counts),
              },
              hover(pointWords(input, group, point, stage, true)),
            ),
          );
          flagMarks(x, y - radius, counts);
        }
      }
      data.push(`<g class="group">${parts.join("")}</g>`);
    }
  }
  out.push(`<g class="data">${data.join("")}</g>`);
  if (marks.length) out.push(`<g class="marks">${marks.join("")}</g>`);
  return out;
}

/** The classes of a point or bar: its stage and the flags of its period, for styling and for tests. */
function pointClass(stage: Stage, counts: FlagCounts): string {
  return ["point", stage, ...flagNames.filter((flag) => counts[flag] > 0)].join(" ");
}
