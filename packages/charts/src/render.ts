import { coord, escapeXml, periodOrdinal, textWidth, wrapText } from "./format.ts";
import { type DrawnGroup, drawnGroups, flagsInChart } from "./groups.ts";
import { labels } from "./labels.ts";
import { el, hatchPattern, markText, safeIdPrefix, text } from "./markup.ts";
import { plot } from "./plot.ts";
import { fontFamily, type Look, lookOf, pad, readerThemed, stages } from "./style.ts";
import type { SeriesChartInput } from "./types.ts";
import { stageLabel, summary } from "./words.ts";

/*
 * One chart of promised against delivered, as the text of a standalone SVG document. The web page, the files it
 * downloads, the server's SVG and PNG and the embedded chart all come from this function, so they show the same
 * picture. Pure and deterministic: no I/O, no DOM, no clock, no text measured (widths are estimated), and every
 * coordinate printed with one decimal, so the same input always gives the same bytes.
 */

const defaultWidth = 960;
const defaultHeight = 540;

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
  ink: string,
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
  if (input.theme === "auto")
    return readerThemed(
      renderSeriesChart({ ...input, theme: "light" }),
      renderSeriesChart({ ...input, theme: "dark", idPrefix: `${input.idPrefix ?? "chart"}-dark` }),
    );
  const width = Math.round(input.width ?? defaultWidth);
  const height = Math.round(input.height ?? defaultHeight);
  const id = safeIdPrefix(input.idPrefix);
  const groups = drawnGroups(input);
  // In calendar order: periods counted as numbers, never sorted as text.
  const periods = [...new Set(groups.flatMap((g) => [...g.points.keys()]))].sort(
    (a, b) => (periodOrdinal(a) ?? 0) - (periodOrdinal(b) ?? 0),
  );

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
    el("rect", { width: layout.width, height: layout.height, fill: lookOf(input.theme).ground }),
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
  const look: Look = lookOf(input.theme);
  const { ink, muted } = look;
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
        fill: look.bannerFill,
        stroke: look.bannerStroke,
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
        label: stageLabel(input.series, input.lang, stage),
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
      if (bars) defs.set(hatchLegendId, hatchPattern(hatchLegendId, muted, 1, look));
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
              : el("circle", {
                  cx: x + 10,
                  cy,
                  r: 4.5,
                  fill: look.ground,
                  stroke: muted,
                  "stroke-width": 1.8,
                })
          }</g>`,
      });
    }
    if (flags.estimated) {
      entries.push({
        label: l.estimatedMark,
        sample: (x, cy) => markText(x + 10, cy + 5, "estimated", "legend-estimated", look),
      });
    }
    if (flags.disputed) {
      entries.push({
        label: l.disputedMark,
        sample: (x, cy) => markText(x + 10, cy + 5, "disputed", "legend-disputed", look),
      });
    }
    const drawn = legend(entries, pad, width - pad, y + 6, ink);
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
    for (const part of plot({ input, groups, periods, id, defs, width, top, bottom })) body.push(part);
  }

  body.push(`<g class="footer">${footer.join("")}</g>`);
  return { width, height, body, defs, plotHeight };
}
