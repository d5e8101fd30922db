import { label, ladderStandingIds, type tierIds } from "@commitments/core/vocabulary";
import { creditLine } from "./credits.ts";
import { amountScale, coord, escapeXml, formatCompact, niceTicks, wrapText } from "./format.ts";
import type { ChartLang } from "./labels.ts";
import { el, hover, safeIdPrefix, text } from "./markup.ts";
import { type ChartTheme, fontFamily, lookOf, pad, readerThemed } from "./style.ts";
import type { ChartSource } from "./types.ts";

/*
 * The ladder chart of the guarantor view: each guarantor's rung on Table 1 (a band, from no standing instrument up to
 * the hard rung) against the volume of military aid it allocated (Kiel), so "words without weapons" (a high rung,
 * little aid) and "weapons without words" (much aid, no rung above the soft one) stand out. Pure like the series
 * chart: the same input always gives the same SVG text, on the page, in the files and in the embed.
 */

type Tier = (typeof tierIds)[number];
type Standing = (typeof ladderStandingIds)[number];

export interface LadderGuarantor {
  id: string;
  name: string;
  /** The rung's tier; null when no instrument stands. */
  tier: Tier | null;
  /** Military aid allocated, in euros, exact; null when the source gives the guarantor no figure. */
  volume: string | null;
  /** Allocations as a share of commitments (0.83), shown in the hover text; null without commitments. */
  share: number | null;
  standing: Standing;
}

export interface LadderChartInput {
  lang: ChartLang;
  title: string;
  subtitle?: string | undefined;
  guarantors: readonly LadderGuarantor[];
  /** The median volume the standings are judged against (drawn as a dashed line). */
  median: string | null;
  sources: readonly ChartSource[];
  recordsUrl: string;
  width?: number | undefined;
  height?: number | undefined;
  idPrefix?: string | undefined;
  /** The ground it is drawn on: light unless given. */
  theme?: ChartTheme | undefined;
  /**
   * The volume axis: linear (the default) or log, which spreads guarantors giving millions apart from those
   * giving tens of billions. On a log axis a guarantor Kiel counts at zero stands at the axis' start.
   */
  scale?: "linear" | "log" | undefined;
}

/** The chart's own words; the names of tiers and standings are the vocabulary's. */
const words = {
  en: {
    title: "Rung on the ladder against military aid allocated",
    subtitle: "Highest standing instrument with Ukraine (Table 1) against Kiel's military allocations",
    none: "No standing instrument",
    axis: "Military aid allocated (Kiel Institute), EUR",
    logAxis: "Military aid allocated (Kiel Institute), EUR, log scale",
    median: "median",
    share: (p: string) => `allocated ${p} of committed`,
    noVolume: (names: string) => `Without a Kiel figure: ${names}.`,
    summary: (standing: string, names: string) => `${standing}: ${names}`,
    nobody: "none",
    source: "Source:",
  },
  uk: {
    title: "Щабель на драбині проти виділеної військової допомоги",
    subtitle:
      "Найвищий чинний інструмент з Україною (таблиця 1) проти військових виділень за Кільським інститутом",
    none: "Жодного чинного інструмента",
    axis: "Виділена військова допомога (Кільський інститут), EUR",
    logAxis: "Виділена військова допомога (Кільський інститут), EUR, логарифмічна шкала",
    median: "медіана",
    share: (p: string) => `виділено ${p} від узятих зобов’язань`,
    noVolume: (names: string) => `Без даних Кільського інституту: ${names}.`,
    summary: (standing: string, names: string) => `${standing}: ${names}`,
    nobody: "немає",
    source: "Джерело:",
  },
} as const;

/** The chart's title and subtitle in a language: the page, the SVG and the table's caption say the same. */
/** The guarantors' answer of the API (`GET /v1/guarantors`), as much of it as the ladder chart reads. */
export interface GuarantorsAnswer {
  guarantors: readonly {
    party: { id: string; name: string; nameUk?: string | null | undefined };
    rung: { tier: Tier } | null;
    ladder: { volume: { amount: string } | null; share: number | null };
    standing: Standing;
  }[];
  medianVolume: { amount: string } | null;
  sources: readonly ChartSource[];
}

/**
 * The chart's input from the guarantors' answer, in `lang`: each guarantor's rung, Kiel's military allocations and
 * standing, with the answer's own names so the chart is whole from its first drawing. Kiel is the one source drawn.
 */
export function ladderInputOf(
  answer: GuarantorsAnswer,
  options: Omit<LadderChartInput, "guarantors" | "median" | "sources">,
): LadderChartInput {
  return {
    ...options,
    guarantors: answer.guarantors.map((g) => ({
      id: g.party.id,
      name: (options.lang === "uk" ? g.party.nameUk : null) ?? g.party.name,
      tier: g.rung?.tier ?? null,
      volume: g.ladder.volume?.amount ?? null,
      share: g.ladder.share,
      standing: g.standing,
    })),
    median: answer.medianVolume?.amount ?? null,
    sources: answer.sources.filter((s) => s.id === "kiel"),
  };
}

export function ladderTitles(lang: ChartLang): { title: string; subtitle: string } {
  return { title: words[lang].title, subtitle: words[lang].subtitle };
}

const bands: (Tier | null)[] = ["hard", "intermediate", "soft", null];
/** In the vocabulary's order. */
const standingOrder: readonly Standing[] = ladderStandingIds;

function bandName(tier: Tier | null, lang: ChartLang): string {
  return tier === null ? words[lang].none : label("tier", tier, lang);
}

/** The text description of the chart: who stands where, for `<desc>`, alt text and screen readers. */
export function ladderSummary(input: LadderChartInput): string {
  const w = words[input.lang];
  const parts = standingOrder.map((s) => {
    const names = input.guarantors.filter((g) => g.standing === s && g.volume !== null).map((g) => g.name);
    return w.summary(label("ladderStanding", s, input.lang), names.length ? names.join(", ") : w.nobody);
  });
  const median =
    input.median === null ? "" : ` (${w.median}: ${formatCompact(Number(input.median), "EUR", input.lang)})`;
  return `${parts.join("; ")}${median}.`;
}

/**
 * The volume axis between `left` and `right`: its ticks, where a figure stands, and a tick's words. A log axis runs
 * over whole powers of ten from the smallest figure above zero to the largest; with no such figure it is linear.
 */
function volumeAxis(
  volumes: number[],
  scale: "linear" | "log",
  left: number,
  right: number,
  lang: ChartLang,
) {
  const positive = volumes.filter((v) => v > 0);
  if (scale === "log" && positive.length > 0) {
    const low = Math.floor(Math.log10(positive.reduce((a, b) => Math.min(a, b))));
    const high = Math.max(low + 1, Math.ceil(Math.log10(positive.reduce((a, b) => Math.max(a, b)))));
    const ticks = Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i));
    const xOf = (value: number) =>
      value <= 0 ? left : left + ((Math.log10(value) - low) / (high - low)) * (right - left);
    return { log: true, ticks, xOf, label: (tick: number) => formatCompact(tick, "EUR", lang) };
  }
  const largest = volumes.reduce((a, b) => Math.max(a, b), 0);
  const ticks = niceTicks(0, largest, Math.max(2, Math.floor((right - left) / 110)));
  const high = ticks.at(-1) ?? 1;
  const step = amountScale(high, (ticks[1] ?? high) - (ticks[0] ?? 0));
  const xOf = (value: number) => left + (value / (high || 1)) * (right - left);
  return { log: false, ticks, xOf, label: (tick: number) => formatCompact(tick, "EUR", lang, step) };
}

/** A standalone SVG document of the ladder: see `LadderChartInput`. */
export function renderLadderChart(input: LadderChartInput): string {
  if (input.theme === "auto")
    return readerThemed(
      renderLadderChart({ ...input, theme: "light" }),
      renderLadderChart({ ...input, theme: "dark", idPrefix: `${input.idPrefix ?? "ladder"}-dark` }),
    );
  const width = Math.max(320, Math.round(input.width ?? 960));
  const height = Math.max(320, Math.round(input.height ?? 560));
  const id = safeIdPrefix(input.idPrefix ?? "ladder");
  const w = words[input.lang];
  const look = lookOf(input.theme);
  const { ink, muted } = look;
  // One colour per standing, in the vocabulary's order (at least 3:1 against the ground).
  const standingColour = (s: Standing) => look.standings[ladderStandingIds.indexOf(s)] ?? look.other;
  const body: string[] = [];

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
  // Legend: one swatch per standing.
  y += 10;
  let x = pad;
  for (const s of standingOrder) {
    const name = label("ladderStanding", s, input.lang);
    const entry = 22 + name.length * 7 + 14;
    if (x > pad && x + entry > width - pad) {
      x = pad;
      y += 20;
    }
    body.push(
      el("circle", { cx: x + 7, cy: y + 6, r: 6, fill: standingColour(s) }),
      text(x + 20, y + 10, name, { "font-size": 12, fill: ink }),
    );
    x += entry;
  }
  y += 26;

  // Footer: the guarantors without a figure, then the credit line.
  const missing = input.guarantors.filter((g) => g.volume === null).map((g) => g.name);
  const footer = [
    ...(missing.length ? wrapText(w.noVolume(missing.join(", ")), width - 2 * pad, 11, { maxLines: 3 }) : []),
    ...wrapText(
      `${w.source} ${creditLine(input.sources, input.lang, input.recordsUrl)}`,
      width - 2 * pad,
      11,
      {
        maxLines: 3,
      },
    ),
  ];
  const footerTop = height - pad - footer.length * 15;
  footer.forEach((line, i) => {
    body.push(
      text(pad, footerTop + 11 + i * 15, line, { "font-size": 11, fill: muted, class: "chart-source" }),
    );
  });

  // Plot: bands of rungs down the left, volume along the bottom.
  const bandLabelWidth = Math.min(180, width * 0.28);
  const left = pad + bandLabelWidth;
  const right = width - pad - 8;
  const top = y;
  const bottom = footerTop - 40;
  const bandHeight = Math.max(24, (bottom - top) / bands.length);
  const drawn = input.guarantors.filter((g) => g.volume !== null);
  const axis = volumeAxis(
    drawn.map((g) => Number(g.volume)),
    input.scale ?? "linear",
    left,
    right,
    input.lang,
  );
  const { ticks, xOf } = axis;

  bands.forEach((tier, i) => {
    const bandTop = top + i * bandHeight;
    if (i % 2 === 0)
      body.push(
        el("rect", { x: left, y: bandTop, width: right - left, height: bandHeight, fill: look.band }),
      );
    for (const [j, line] of wrapText(bandName(tier, input.lang), bandLabelWidth - 8, 12, {
      maxLines: 2,
    }).entries())
      body.push(text(pad, bandTop + bandHeight / 2 + 4 + j * 14 - 7, line, { "font-size": 12, fill: ink }));
  });
  for (const tick of ticks) {
    const tx = xOf(tick);
    body.push(
      el("line", { x1: tx, x2: tx, y1: top, y2: bottom, stroke: look.grid }),
      text(tx, bottom + 16, axis.label(tick), {
        "font-size": 11,
        fill: muted,
        // The tick at the axis' end is read leftwards, so its words stay inside the picture.
        "text-anchor": tx >= right - 1 ? "end" : "middle",
      }),
    );
  }
  body.push(
    el("line", { x1: left, x2: right, y1: bottom, y2: bottom, stroke: look.axis }),
    text((left + right) / 2, bottom + 32, axis.log ? w.logAxis : w.axis, {
      "font-size": 12,
      fill: ink,
      "text-anchor": "middle",
    }),
  );
  if (input.median !== null) {
    const mx = xOf(Number(input.median));
    body.push(
      el("line", { x1: mx, x2: mx, y1: top, y2: bottom, stroke: ink, "stroke-dasharray": "4 3" }),
      text(mx + 4, top + 12, w.median, { "font-size": 11, fill: ink }),
    );
  }
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  bands.forEach((tier, i) => {
    const inBand = drawn
      .filter((g) => g.tier === tier)
      .sort((a, b) => Number(b.volume) - Number(a.volume) || a.id.localeCompare(b.id));
    const bandTop = top + i * bandHeight;
    inBand.forEach((g, k) => {
      // Staggered in three rows so neighbours do not cover each other; the three largest are named.
      const cy = bandTop + bandHeight * (0.3 + 0.2 * (k % 3));
      const cx = xOf(Number(g.volume));
      const words_ = [
        `${g.name}: ${bandName(g.tier, input.lang)}; ${formatCompact(Number(g.volume), "EUR", input.lang)}`,
        ...(g.share === null ? [] : [w.share(percent(g.share))]),
        label("ladderStanding", g.standing, input.lang),
      ].join("; ");
      body.push(
        el(
          "circle",
          {
            cx,
            cy,
            r: 6,
            fill: standingColour(g.standing),
            stroke: look.ground,
            "stroke-width": 1,
            class: "guarantor",
          },
          hover(words_),
        ),
      );
      if (k < 3)
        body.push(
          text(cx + (cx > right - 80 ? -9 : 9), cy + 4, g.name, {
            "font-size": 11,
            fill: ink,
            "text-anchor": cx > right - 80 ? "end" : "start",
          }),
        );
    });
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${coord(width)} ${coord(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" lang="${input.lang}" font-family="${fontFamily}">`,
    el(
      "title",
      { id: `${id}-title` },
      escapeXml(input.subtitle ? `${input.title}. ${input.subtitle}` : input.title),
    ),
    el("desc", { id: `${id}-desc` }, escapeXml(ladderSummary(input))),
    el("rect", { width, height, fill: look.ground }),
    ...body,
    "</svg>\n",
  ].join("\n");
}
