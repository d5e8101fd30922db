import {
  addDecimals,
  amountScale,
  coord,
  decimalValue,
  escapeXml,
  formatAmount,
  formatCompact,
  niceTicks,
  periodLabel,
  periodOrdinal,
  textWidth,
  wrapText,
} from "./format.ts";
import { type Labels, labels } from "./labels.ts";
import { groupName } from "./titles.ts";
import type { ChartPoint, ChartSeries, FlagCounts, SeriesChartInput } from "./types.ts";

/*
 * One chart of promised against delivered, as the text of a standalone SVG document. The web page, the files it
 * downloads, the server's SVG and PNG and the embedded chart all come from this function, so they show the same
 * picture. Pure and deterministic: no I/O, no DOM, no clock, no text measured (widths are estimated), and every
 * coordinate printed with one decimal, so the same input always gives the same bytes.
 */

// Okabe–Ito, which readers with the common colour-vision deficiencies tell apart; its yellow is left out, too
// faint on white. Colours mark lines and bars only: all text is dark on white (contrast far above 4.5:1).
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
const otherColour = "#767676";
const ink = "#1a1a1a";
const muted = "#4d4d4d";
const gridColour = "#e3e3e3";
const axisColour = "#767676";
const bannerFill = "#fff4ce";
const bannerStroke = "#8a6d00";
const fontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

const defaultWidth = 960;
const defaultHeight = 540;
const pad = 16;

type Stage = "promised" | "delivered";
const stages: Stage[] = ["promised", "delivered"];
const flagNames = ["synthetic", "estimated", "disputed"] as const;
type FlagName = (typeof flagNames)[number];

/** A group as the chart draws it: named in the chart's language, with its colour. */
interface DrawnGroup {
  name: string;
  colour: string;
  /** Names the group's hatch patterns. */
  colourId: string;
  currency: string | undefined;
  points: Map<string, ChartPoint>;
}

// ---------------------------------------------------------------------------------------------------------------
// Markup

/** Numbers are coordinates, printed with one decimal; anything else (opacities) is given as a string. */
type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === "number" ? coord(value) : escapeXml(value)}"`;
  }
  return out;
}

function el(name: string, attrs: Attributes, content?: string): string {
  return content === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return el("text", { x, y, ...attrs }, escapeXml(content));
}

/** A hover text: the `<title>` child browsers show as a tooltip and screen readers read. */
function hover(content: string): string {
  return el("title", {}, escapeXml(content));
}

/** Ids made only of characters that are safe in an id and in url(#…), starting with a letter. */
function safeIdPrefix(prefix: string | undefined): string {
  const cleaned = (prefix ?? "chart").replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Groups

const noFlags = (): FlagCounts => ({ synthetic: 0, estimated: 0, disputed: 0 });

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
function drawnGroups(input: SeriesChartInput): DrawnGroup[] {
  const { series, lang } = input;
  const named = series.groups.map((group) => ({
    group,
    name: groupName(group, series.groupBy, lang, input.groupLabels),
  }));
  const measures = new Set(series.groups.map((g) => `${g.currency ?? ""}|${g.unit ?? ""}`));
  const toMap = (points: ChartPoint[]) => new Map(points.map((p) => [p.period, p]));
  if (named.length <= palette.length || measures.size > 1) {
    return named.map(({ group, name }, i) => ({
      name,
      colour: palette[i % palette.length] as string,
      colourId: String(i % palette.length),
      currency: group.currency,
      points: toMap(group.points),
    }));
  }
  const latest = (points: ChartPoint[]) => decimalValue(points.at(-1)?.cumulativePromised ?? "0");
  const ranked = [...named].sort(
    (a, b) => latest(b.group.points) - latest(a.group.points) || a.group.key.localeCompare(b.group.key),
  );
  const kept = new Set(ranked.slice(0, palette.length - 1));
  const folded = ranked.slice(palette.length - 1).map(({ group }) => group);
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
        points: toMap(group.points),
      })),
    {
      name: otherName,
      colour: otherColour,
      colourId: "other",
      currency: first?.currency,
      points: toMap(sumPoints(folded)),
    },
  ];
}

function flagsOf(point: ChartPoint, stage: Stage): FlagCounts {
  return point.flags?.[stage] ?? noFlags();
}

/** Which flags some drawn figure carries: the legend explains only the marks that occur. */
function flagsInChart(groups: DrawnGroup[]): Record<FlagName, boolean> {
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

// ---------------------------------------------------------------------------------------------------------------
// Words

function currencyOf(series: ChartSeries, group: DrawnGroup): string | undefined {
  return series.measure === "money" ? (series.currency ?? group.currency) : undefined;
}

function stageLabel(l: Labels, stage: Stage): string {
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
function pointWords(
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
function summary(input: SeriesChartInput, groups: DrawnGroup[], periods: string[]): string {
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

// ---------------------------------------------------------------------------------------------------------------
// The chart

/** Round steps between period labels, so they fall on Januaries, first quarters, round years. */
const labelSteps: Record<ChartSeries["interval"], number[]> = {
  month: [1, 2, 3, 6, 12, 24, 36, 60, 120],
  quarter: [1, 2, 4, 8, 12, 20, 40],
  year: [1, 2, 5, 10, 20, 50, 100],
};

interface Legend {
  markup: string[];
  height: number;
}

/** Legend entries flow left to right and wrap; each is a sample mark and its words. */
function legend(
  entries: { sample: (x: number, y: number) => string; label: string }[],
  left: number,
  right: number,
  top: number,
): Legend {
  const lineHeight = 20;
  const markup: string[] = [];
  let x = left;
  let line = 0;
  for (const entry of entries) {
    const label = wrapText(entry.label, Math.max(60, right - left - 28), 12)[0] ?? "";
    const width = 28 + textWidth(label, 12) + 16;
    if (x > left && x + width > right) {
      x = left;
      line++;
    }
    const y = top + line * lineHeight + 14;
    markup.push(entry.sample(x, y - 4), text(x + 28, y, label, { "font-size": 12, fill: ink }));
    x += width;
  }
  return { markup, height: entries.length ? (line + 1) * lineHeight : 0 };
}

/**
 * Charts are laid out on a canvas between these widths and scaled to the size asked: a small chart is the same
 * picture smaller, a large one the same picture larger, rather than tiny text on a wide plot.
 */
const minLayoutWidth = 480;
const maxLayoutWidth = 1200;
/** Shrinking further while the header and footer leave the plot less than this. */
const minPlotHeight = 120;
const shrinkSteps = [1, 0.9, 0.8, 0.7, 0.6, 0.5];

/** A standalone SVG document of promised against delivered: see `SeriesChartInput`. */
export function renderSeriesChart(input: SeriesChartInput): string {
  const width = Math.round(input.width ?? defaultWidth);
  const height = Math.round(input.height ?? defaultHeight);
  const id = safeIdPrefix(input.idPrefix);
  const groups = drawnGroups(input);
  const periods = [...new Set(groups.flatMap((g) => [...g.points.keys()]))].sort();

  // Scale: pixels of the picture per unit of the canvas it is laid out on.
  const largest = Math.max(1, width / maxLayoutWidth);
  const scales = shrinkSteps.map((step) => step * largest).filter((s) => width / s >= minLayoutWidth);
  if (scales.length === 0) scales.push(width / minLayoutWidth);
  let layout = compose(
    input,
    id,
    groups,
    periods,
    width / (scales[0] as number),
    height / (scales[0] as number),
  );
  for (const scale of scales.slice(1)) {
    if (layout.plotHeight >= minPlotHeight) break;
    layout = compose(input, id, groups, periods, width / scale, height / scale);
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${coord(layout.width)} ${coord(layout.height)}" role="img" aria-labelledby="${id}-title ${id}-desc" lang="${input.lang}" font-family="${fontFamily}">`,
    el(
      "title",
      { id: `${id}-title` },
      escapeXml(input.subtitle ? `${input.title}. ${input.subtitle}` : input.title),
    ),
    el("desc", { id: `${id}-desc` }, escapeXml(summary(input, groups, periods))),
    ...(layout.defs.size ? [`<defs>${[...layout.defs.values()].join("")}</defs>`] : []),
    el("rect", { width: layout.width, height: layout.height, fill: "#ffffff" }),
    ...layout.body,
    "</svg>\n",
  ].join("\n");
}

interface Layout {
  width: number;
  height: number;
  body: string[];
  /** Patterns by id, in the order first used. */
  defs: Map<string, string>;
  /** What the header and footer leave for the plot. */
  plotHeight: number;
}

/** The chart laid out on a canvas of `width` × `height`: header, legend, plot, footer. */
function compose(
  input: SeriesChartInput,
  id: string,
  groups: DrawnGroup[],
  periods: string[],
  width: number,
  height: number,
): Layout {
  const l = labels[input.lang];
  const bars = input.kind === "bars";
  const empty = periods.length === 0;
  const flags = flagsInChart(groups);
  const defs = new Map<string, string>();
  const body: string[] = [];

  // Header: title, subtitle, the synthetic-data banner, the legend.
  let y = pad;
  for (const line of wrapText(input.title, width - 2 * pad, 20, { bold: true, maxLines: 2 })) {
    y += 22;
    body.push(
      text(pad, y, line, { "font-size": 20, "font-weight": "bold", fill: ink, class: "chart-title" }),
    );
  }
  if (input.subtitle) {
    for (const line of wrapText(input.subtitle, width - 2 * pad, 13, { maxLines: 2 })) {
      y += 18;
      body.push(text(pad, y, line, { "font-size": 13, fill: muted, class: "chart-subtitle" }));
    }
  }
  if (flags.synthetic) {
    const lines = wrapText(l.synthetic, width - 2 * pad - 20, 13, { bold: true, maxLines: 2 });
    const bannerHeight = lines.length * 17 + 9;
    y += 8;
    body.push(
      `<g class="synthetic-banner">${el("rect", {
        x: pad,
        y,
        width: width - 2 * pad,
        height: bannerHeight,
        rx: 3,
        fill: bannerFill,
        stroke: bannerStroke,
      })}${lines.map((line, i) => text(pad + 10, y + 18 + i * 17, line, { "font-size": 13, "font-weight": "bold", fill: ink })).join("")}</g>`,
    );
    y += bannerHeight;
  }

  const hatchLegendId = `${id}-hatch-legend`;
  if (!empty) {
    const entries: { sample: (x: number, y: number) => string; label: string }[] = groups.map((group) => ({
      label: group.name,
      sample: (x, cy) =>
        bars
          ? el("rect", { x: x + 3, y: cy - 6, width: 12, height: 12, fill: group.colour })
          : el("line", { x1: x, y1: cy, x2: x + 20, y2: cy, stroke: group.colour, "stroke-width": 3 }),
    }));
    // What tells promised from delivered, in a neutral colour: it is the same for every group.
    for (const stage of stages) {
      entries.push({
        label: stageLabel(l, stage),
        sample: (x, cy) =>
          bars
            ? el("rect", {
                x: x + 3,
                y: cy - 6,
                width: 12,
                height: 12,
                fill: muted,
                "fill-opacity": stage === "promised" ? "0.35" : undefined,
                stroke: muted,
              })
            : el("line", {
                x1: x,
                y1: cy,
                x2: x + 20,
                y2: cy,
                stroke: muted,
                "stroke-width": 2.5,
                "stroke-dasharray": stage === "promised" ? "6 4" : undefined,
              }),
      });
    }
    if (flags.synthetic) {
      if (bars) defs.set(hatchLegendId, hatchPattern(hatchLegendId, muted, 1));
      entries.push({
        label: l.syntheticMark,
        sample: (x, cy) =>
          `<g class="legend-synthetic">${
            bars
              ? el("rect", {
                  x: x + 3,
                  y: cy - 6,
                  width: 12,
                  height: 12,
                  fill: `url(#${hatchLegendId})`,
                  stroke: muted,
                })
              : el("circle", { cx: x + 10, cy, r: 4.5, fill: "#ffffff", stroke: muted, "stroke-width": 1.8 })
          }</g>`,
      });
    }
    if (flags.estimated) {
      entries.push({
        label: l.estimatedMark,
        sample: (x, cy) => markText(x + 10, cy + 5, "estimated", "legend-estimated"),
      });
    }
    if (flags.disputed) {
      entries.push({
        label: l.disputedMark,
        sample: (x, cy) => markText(x + 10, cy + 5, "disputed", "legend-disputed"),
      });
    }
    const drawn = legend(entries, pad, width - pad, y + 6);
    body.push(`<g class="legend">${drawn.markup.join("")}</g>`);
    y += 6 + drawn.height;
  }

  // Footer, from the bottom up: the source, then the moment and dataset version.
  const date = input.meta.asOf.slice(0, 10);
  const metaLine = `${l.asOf} ${date} · ${l.datasetVersion} ${input.meta.datasetVersion}`;
  const sourceLines = wrapText(`${l.source} ${input.source}`, width - 2 * pad, 12, { maxLines: 2 });
  const footerTop = height - pad - 15 * (sourceLines.length + 1) + 4;
  const footer = [
    ...sourceLines.map((line, i) =>
      text(pad, footerTop + 12 + i * 15, line, { "font-size": 12, fill: muted, class: "chart-source" }),
    ),
    text(pad, height - pad, metaLine, { "font-size": 12, fill: muted, class: "chart-meta" }),
  ];

  // The plot: room above for the marks over the highest figure, below for the period labels.
  const markRoom = flags.estimated || flags.disputed ? 28 : 8;
  const top = y + 8 + markRoom;
  const plotHeight = footerTop - 12 - 18 - top;
  const bottom = top + Math.max(24, plotHeight);

  if (empty) {
    body.push(
      text(width / 2, (top + bottom) / 2, l.noFigures, {
        "font-size": 16,
        fill: muted,
        "text-anchor": "middle",
        class: "no-figures",
      }),
    );
  } else {
    body.push(...plot({ input, groups, periods, id, defs, width, top, bottom }));
  }

  body.push(`<g class="footer">${footer.join("")}</g>`);
  return { width, height, body, defs, plotHeight };
}

/** What drawing the plot needs: the groups and periods, and the box it fills. */
interface Plot {
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
function plot({ input, groups, periods, id, defs, width, top, bottom }: Plot): string[] {
  const { series, lang } = input;
  const bars = input.kind === "bars";
  const out: string[] = [];
  const values = groups.flatMap((g) =>
    [...g.points.values()].flatMap((p) =>
      bars ? [p.promised, p.delivered] : [p.cumulativePromised, p.cumulativeDelivered],
    ),
  );
  const numbers = values.map(decimalValue);
  const tickCount = Math.min(8, Math.max(2, Math.round((bottom - top) / 56)));
  const ticks = niceTicks(
    Math.min(...numbers),
    Math.max(...numbers),
    tickCount,
    series.measure === "quantity",
  );
  const low = ticks[0] as number;
  const high = ticks.at(-1) as number;
  const scale = amountScale(Math.max(Math.abs(low), Math.abs(high)), (ticks[1] as number) - low);
  // One currency on the axis only when every group is in it; original currencies keep theirs in the legend.
  const axisCurrency = series.measure === "money" ? series.currency : null;
  const tickLabels = ticks.map((t) => formatCompact(t, axisCurrency, lang, scale));
  const left = pad + Math.max(...tickLabels.map((t) => textWidth(t, 12))) + 10;
  const right = width - pad - 8;
  const yOf = (v: number) => bottom - ((v - low) / (high - low)) * (bottom - top);
  const slot = (right - left) / periods.length;
  const xOf = (i: number) => left + (i + 0.5) * slot;

  // Gridlines and amounts.
  const axis: string[] = [];
  ticks.forEach((tick, i) => {
    const ty = yOf(tick);
    axis.push(
      el("line", { x1: left, y1: ty, x2: right, y2: ty, stroke: tick === 0 ? axisColour : gridColour }),
      text(left - 8, ty + 4, tickLabels[i] as string, { "font-size": 12, fill: muted, "text-anchor": "end" }),
    );
  });
  // Period labels, thinned to fit: a round step that leaves each label its width.
  const periodTexts = periods.map((p) => periodLabel(p, lang));
  const labelWidth = Math.max(...periodTexts.map((t) => textWidth(t, 11))) + 10;
  const needed = Math.ceil(labelWidth / slot);
  const step = labelSteps[series.interval].find((s) => s >= needed) ?? needed;
  const shown = periods.flatMap((p, i) => ((periodOrdinal(p) ?? i) % step === 0 ? [i] : []));
  for (const i of shown.length ? shown : [0]) {
    const x = xOf(i);
    axis.push(
      el("line", { x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: axisColour }),
      text(x, bottom + 17, periodTexts[i] as string, {
        "font-size": 11,
        fill: muted,
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
      marks.push(markText(x, markY, flag, `mark-${flag}`));
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
              defs.set(patternId, hatchPattern(patternId, group.colour, light ? 0.45 : 1));
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
      for (const stage of stages) {
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
                fill: hollow ? "#ffffff" : group.colour,
                stroke: hollow ? group.colour : "#ffffff",
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

/** "~" over an estimated figure, "!" over a disputed one. */
function markText(x: number, y: number, flag: "estimated" | "disputed", className: string): string {
  return text(x, y, flag === "estimated" ? "~" : "!", {
    // The tilde is a small glyph: larger, so it reads as clearly as the "!".
    "font-size": flag === "estimated" ? 16 : 13,
    "font-weight": "bold",
    fill: flag === "disputed" ? "#a40000" : ink,
    "text-anchor": "middle",
    class: className,
  });
}

/** Diagonal stripes of the colour on white: the fill of a synthetic bar. */
function hatchPattern(patternId: string, colour: string, opacity: number): string {
  return el(
    "pattern",
    { id: patternId, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    el("rect", { width: 6, height: 6, fill: "#ffffff" }) +
      el("rect", {
        width: 3,
        height: 6,
        fill: colour,
        "fill-opacity": opacity === 1 ? undefined : String(opacity),
      }),
  );
}
