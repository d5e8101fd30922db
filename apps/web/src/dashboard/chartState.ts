import type { Lang } from "../i18n/index.ts";

/**
 * A chart view's state, kept in the page URL (so a copied link reopens the same chart) under the very names the
 * API's series query uses, so the page, the downloads, the server-rendered images and the embed all ask the API
 * the same question.
 */
export const seriesParamNames = [
  "groupBy",
  "donor",
  "category",
  "tier",
  "agreement",
  "source",
  "promised",
  "delivered",
  "interval",
  "measure",
  "currency",
  "unit",
  "from",
  "to",
  "asOf",
] as const;
export type SeriesParamName = (typeof seriesParamNames)[number];

export type ChartKind = "cumulative" | "bars";

export interface ChartState {
  /** Only the parameters the URL sets: the API's defaults apply to the rest. */
  series: Partial<Record<SeriesParamName, string>>;
  chart: ChartKind;
}

/**
 * The dashboard's default view: promised against the furthest stage the figures' sources report (no `delivered`:
 * the API chooses it, allocations for Kiel's figures, deliveries for SIPRI's), by donor, per quarter.
 */
export const defaultSeries: Partial<Record<SeriesParamName, string>> = {
  groupBy: "donor",
  interval: "quarter",
};

export function chartStateOf(search: string): ChartState {
  const params = new URLSearchParams(search);
  const series: Partial<Record<SeriesParamName, string>> = { ...defaultSeries };
  for (const name of seriesParamNames) {
    const value = params.get(name);
    if (value) series[name] = value;
  }
  return { series, chart: params.get("chart") === "bars" ? "bars" : "cumulative" };
}

/** The series query of a state, as the API takes it (`/v1/series`, `/v1/exports/series.csv`). */
export function seriesSearch(state: ChartState): URLSearchParams {
  return new URLSearchParams(state.series as Record<string, string>);
}

/** The server-rendered chart's query: the series question plus how to draw it. */
export function chartSearch(state: ChartState, lang: Lang): URLSearchParams {
  const search = seriesSearch(state);
  search.set("chart", state.chart);
  search.set("lang", lang);
  return search;
}

/** The page URL of a state, in a language: what "copy link" copies. */
export function pageUrl(state: ChartState, lang: Lang, origin: string): string {
  const search = new URLSearchParams({ view: "chart", ...(state.series as Record<string, string>) });
  if (state.chart !== "cumulative") search.set("chart", state.chart);
  search.set("lang", lang);
  return `${origin}/?${search}`;
}

/** The iframe a reporter pastes into an article: the server-rendered, script-free embed of the same chart. */
export function embedCode(state: ChartState, lang: Lang, origin: string, title: string): string {
  return frameCode(`${origin}/embed/series?${chartSearch(state, lang)}`, title, {
    width: 960,
    height: 540,
    below: 150,
  });
}

/**
 * An iframe of an embed page, sized to its content without a script: the chart's `width` × `height` scaled to the
 * frame's width (at most `width` px, at most the reader's screen), plus `below` px for the lines of its
 * description, notes and caption.
 */
export function frameCode(
  src: string,
  title: string,
  { width, height, below }: { width: number; height: number; below: number },
): string {
  const escaped = title.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const ratio = Number((height / width).toFixed(4));
  return `<iframe src="${src.replaceAll("&", "&amp;")}" title="${escaped}" width="100%" height="${height + below}" style="border:0;max-width:${width}px;height:calc(min(100vw, ${width}px) * ${ratio} + ${below}px)" loading="lazy"></iframe>`;
}
