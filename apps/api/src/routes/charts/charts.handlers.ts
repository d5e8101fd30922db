import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  type ChartFilters,
  type ChartKind,
  type ChartLang,
  chartFileName,
  chartSubtitle,
  chartTitle,
  escapeXml,
  labels,
  renderSeriesChart,
} from "@commitments/charts";
import { type Db, getAgreement, getParty, readSeries } from "@commitments/db";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import { validationError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { seriesQueryOf } from "../series/series.handlers.ts";
import { ChartQuery, type seriesPng, type seriesSvg } from "./charts.routes.ts";

type ChartParams = z.infer<typeof ChartQuery>;

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
/** The fonts the chart names, shipped with the server: a PNG does not depend on the machine's fonts. */
const fontFiles = [join(fontDir, "DejaVuSans.ttf"), join(fontDir, "DejaVuSans-Bold.ttf")];

/** A drawn chart and what its headers say. */
interface DrawnChart {
  svg: string;
  datasetVersion: number;
  asOf: string;
  kind: ChartKind;
  lang: ChartLang;
  title: string;
  filters: ChartFilters;
  /** The query answered past, asOf included when asked: a chart of a past moment never changes. */
  past: boolean;
}

/** Names of parties in the chart's language: the Ukrainian name where the party has one. */
async function partyName(db: Db, id: string, lang: ChartLang, at: Date | undefined) {
  const party = await getParty(db, id, at);
  if (!party) return undefined;
  return lang === "uk" ? (party.record.nameUk ?? party.record.name) : party.record.name;
}

/**
 * The chart of a series query, its numbers read exactly as GET /v1/series reads them (`seriesQueryOf` and
 * `readSeries`) and drawn by the function the web page draws with.
 */
async function drawChart(c: Context<AppEnv>, params: ChartParams): Promise<DrawnChart> {
  const { chart: kind, lang, width, height, title, ...seriesParams } = params;
  const query = seriesQueryOf(seriesParams);
  const at = query.asOf;
  const db = c.get("db");
  const { datasetVersion, ...series } = await readSeries(db, query);
  const asOf = (at ?? new Date()).toISOString();

  const filters: ChartFilters = {
    groupBy: query.groupBy,
    measure: query.measure,
    unit: query.unit,
    donor: query.donor,
    category: query.category,
    tier: query.tier,
    agreement: query.agreement,
    from: params.from,
    to: params.to,
  };
  const names = {
    donor: query.donor ? await partyName(db, query.donor, lang, at) : undefined,
    agreement: query.agreement
      ? (await getAgreement(db, query.agreement, at))?.agreement.record.shortTitle
      : undefined,
  };
  // The series names donors in English; a Ukrainian chart names them as the parties do in Ukrainian.
  const groupLabels: Record<string, string> = {};
  if (lang === "uk" && series.groupBy === "donor") {
    for (const key of new Set(series.groups.map((g) => g.key))) {
      const name = await partyName(db, key, lang, at);
      if (name) groupLabels[key] = name;
    }
  }
  const chartTitleText = title ?? chartTitle(filters, lang, names);
  const svg = renderSeriesChart({
    series,
    meta: { datasetVersion, asOf },
    kind,
    lang,
    title: chartTitleText,
    subtitle: chartSubtitle(series, kind, lang),
    source: labels[lang].trackerSource(sourcesUrl(c, params)),
    width,
    height,
    groupLabels,
  });
  return {
    svg,
    datasetVersion,
    asOf,
    kind,
    lang,
    title: chartTitleText,
    filters,
    past: at !== undefined && at.getTime() <= Date.now(),
  };
}

/**
 * Where the sources of every figure are: the records export of the same commitments. Only the filters and an
 * asOf that was asked go in, never the moment of the request, so the same query draws the same bytes.
 */
function sourcesUrl(c: Context<AppEnv>, params: ChartParams): string {
  const query = new URLSearchParams();
  for (const name of ["donor", "category", "tier", "agreement", "asOf"] as const) {
    const value = params[name];
    if (value !== undefined) query.set(name, value);
  }
  const search = query.toString();
  // The configured origin, never the request's Host: the embed is cached by every proxy on the way.
  return `${c.get("publicOrigin")}/v1/exports/records.csv${search ? `?${search}` : ""}`;
}

/** Strong validators: the dataset version, readable, and a digest of what is sent, which the query decides. */
function etagOf(chart: DrawnChart, format: string, body: string): string {
  const digest = createHash("sha256").update(`${format}\n${body}`).digest("base64url").slice(0, 22);
  return `"v${chart.datasetVersion}-${digest}"`;
}

function notModified(c: Context<AppEnv>, etag: string): boolean {
  const header = c.req.header("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function chartHeaders(chart: DrawnChart, etag: string): Record<string, string> {
  return {
    ETag: etag,
    // The current state changes with every write: a few minutes. A past moment cannot change.
    "Cache-Control": chart.past ? "public, max-age=86400" : "public, max-age=300",
    "X-Dataset-Version": String(chart.datasetVersion),
    "X-As-Of": chart.asOf,
  };
}

function disposition(chart: DrawnChart, format: "svg" | "png"): string {
  const name = chartFileName({
    kind: chart.kind,
    filters: chart.filters,
    datasetVersion: chart.datasetVersion,
    format,
  });
  return `inline; filename="${name}"`;
}

/** The PNG of an SVG chart, at the size the SVG states. */
export async function rasterise(svg: string): Promise<Buffer> {
  // The native renderer is loaded on the first PNG, not at every start.
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

export const svgHandler: AppRouteHandler<typeof seriesSvg> = async (c) => {
  const chart = await drawChart(c, c.req.valid("query"));
  const etag = etagOf(chart, "svg", chart.svg);
  const headers = chartHeaders(chart, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(chart.svg, 200, {
    ...headers,
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Content-Disposition": disposition(chart, "svg"),
  });
};

export const pngHandler: AppRouteHandler<typeof seriesPng> = async (c) => {
  const chart = await drawChart(c, c.req.valid("query"));
  // The PNG is a function of the SVG (same fonts, same size): the SVG's digest names it, and a match spares
  // the rasterising.
  const etag = etagOf(chart, "png", chart.svg);
  const headers = chartHeaders(chart, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(new Uint8Array(await rasterise(chart.svg)), 200, {
    ...headers,
    "Content-Type": "image/png",
    "Content-Disposition": disposition(chart, "png"),
  });
};

// ---------------------------------------------------------------------------------------------------------------
// The embed: a page other sites may frame

/** Inline only, as the embed's Content-Security-Policy allows: the SVG takes the width of the frame. */
const embedStyle = [
  "html,body{margin:0;padding:0;background:#fff;color:#1a1a1a}",
  "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}",
  "figure{margin:0}",
  "svg{display:block;width:100%;height:auto}",
  "figcaption{font-size:13px;line-height:1.45;padding:6px 8px;color:#4d4d4d}",
  "a{color:#0b4f8a}",
].join("");

/**
 * A minimal page with no script: the chart inline, a caption with the source, date and dataset version, and a
 * link to the same chart in the tracker.
 */
export async function embedHandler(c: Context<AppEnv>) {
  const parsed = ChartQuery.safeParse(c.req.query());
  if (!parsed.success) throw validationError(parsed.error, "query");
  const chart = await drawChart(c, parsed.data);
  const l = labels[chart.lang];
  // The tracker's page takes the same query; the request's own string is passed on as it came.
  const search = new URL(c.req.url).search.slice(1);
  const trackerUrl = `/?view=chart${search ? `&${search}` : ""}`;
  const caption = [
    `${l.source} ${l.trackerSource(sourcesUrl(c, parsed.data))}`,
    `${l.asOf} ${chart.asOf.slice(0, 10)}`,
    `${l.datasetVersion} ${chart.datasetVersion}`,
  ].join(" · ");
  const html = `<!doctype html>
<html lang="${chart.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(chart.title)}</title>
<style>${embedStyle}</style>
</head>
<body>
<figure>
${chart.svg}<figcaption>${escapeXml(caption)} · <a href="${escapeXml(trackerUrl)}" target="_top">${escapeXml(l.openInTracker)}</a></figcaption>
</figure>
</body>
</html>
`;
  const etag = etagOf(chart, "html", html);
  const headers = chartHeaders(chart, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(html, 200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
}
