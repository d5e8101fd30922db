import { createHash } from "node:crypto";
import { chartFileName, escapeXml, labels } from "@commitments/charts";
import { isId, label, type Stage, words } from "@commitments/core";
import { datasetVersion } from "@commitments/db";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { ApiError, validationError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { notModified, publicCacheControl } from "../../lib/read-cache.ts";
import { seriesQueryOf } from "../../lib/series-query.ts";
import { type ChartParams, chartToDraw, sourcesUrl } from "./chart-input.ts";
import { ChartQuery, type seriesPng, type seriesSvg } from "./charts.routes.ts";
import type { DrawnChart } from "./drawing.ts";
import { ChartsBusy, ChartTimedOut } from "./render-pool.ts";

/** A chart for one request: the drawing, and the moment it answers for. */
interface Answer {
  chart: DrawnChart;
  asOf: string;
  /** The query answered past, asOf included when asked: a chart of a past moment never changes. */
  past: boolean;
}

/**
 * The chart of a series query in one format, drawn on the render pool, never on the event loop, and kept by the
 * chart cache. The key holds all the chart is drawn from: the dataset version, the moment (asOf, or today's date,
 * which the footer prints), the origin its source line names and every parameter. A busy pool is a 503 with
 * Retry-After, refused before the series is read.
 */
async function draw(c: Context<AppEnv>, params: ChartParams, format: "svg" | "png"): Promise<Answer> {
  const {
    chart: _kind,
    lang: _lang,
    width: _width,
    height: _height,
    title: _title,
    ...seriesParams
  } = params;
  const query = seriesQueryOf(seriesParams);
  const at = query.asOf;
  const now = new Date();
  const moment = at ?? now;
  const { pool, cache } = c.get("charts");
  const { version } = await datasetVersion(c.get("db"), at);
  const { asOf: _asOf, ...rest } = params;
  const parameters = Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([
    format,
    version,
    at ? at.toISOString() : now.toISOString().slice(0, 10),
    c.get("publicOrigin"),
    parameters,
  ]);
  try {
    const chart = await cache.get(key, async () => {
      if (pool.full()) throw new ChartsBusy();
      const toDraw = await chartToDraw(c, params, query, moment);
      const { body, digest } = await pool.render({ input: toDraw.input, format });
      const { datasetVersion: drawnVersion, title, filters } = toDraw;
      const value = {
        body,
        digest,
        datasetVersion: drawnVersion,
        kind: params.chart,
        lang: params.lang,
        title,
        filters,
      };
      return { value, bytes: typeof body === "string" ? body.length * 2 : body.byteLength };
    });
    return { chart, asOf: moment.toISOString(), past: at !== undefined && at.getTime() <= now.getTime() };
  } catch (error) {
    if (!(error instanceof ChartsBusy || error instanceof ChartTimedOut)) throw error;
    c.header("Retry-After", "5");
    throw new ApiError("SERVICE_UNAVAILABLE", error.message);
  }
}

/** Strong validators: the dataset version, readable, and a digest of what is sent, which the query decides. */
function etagOf(version: number, digest: string): string {
  return `"v${version}-${digest}"`;
}

function chartHeaders({ chart, asOf, past }: Answer, etag: string): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": publicCacheControl(past),
    "X-Dataset-Version": String(chart.datasetVersion),
    "X-As-Of": asOf,
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

export const svgHandler: AppRouteHandler<typeof seriesSvg> = async (c) => {
  const answer = await draw(c, c.req.valid("query"), "svg");
  const { chart } = answer;
  const etag = etagOf(chart.datasetVersion, chart.digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(chart.body as string, 200, {
    ...headers,
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Content-Disposition": disposition(chart, "svg"),
  });
};

export const pngHandler: AppRouteHandler<typeof seriesPng> = async (c) => {
  // The PNG is a function of the SVG (same fonts, same size): the SVG's digest names it.
  const answer = await draw(c, c.req.valid("query"), "png");
  const { chart } = answer;
  const etag = etagOf(chart.datasetVersion, chart.digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(chart.body as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    "Content-Type": "image/png",
    "Content-Disposition": disposition(chart, "png"),
  });
};

// ---------------------------------------------------------------------------------------------------------------
// The embed: a page other sites may frame

/** Inline only, as the embed's Content-Security-Policy allows: the SVG takes the width of the frame. */
const embedBase = [
  "html,body{margin:0;padding:0}",
  "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}",
  "figure{margin:0}",
  "svg{display:block;width:100%;height:auto;background:#fff}",
  "figcaption,.chart-notes{font-size:13px;line-height:1.45;padding:4px 8px;margin:0}",
].join("");
// The page's colours; the chart keeps its own white ground, a card on a dark page, so its colours stay legible.
const light =
  "html,body{background:#fff;color:#1a1a1a}figcaption,.chart-notes{color:#4d4d4d}a{color:#0b4f8a}";
const dark =
  "html,body{background:#121212;color:#ececec}figcaption,.chart-notes{color:#d0d0d0}a{color:#9ecbff}";
const embedThemes = {
  light: embedBase + light,
  dark: embedBase + dark,
  auto: `${embedBase}${light}@media (prefers-color-scheme: dark){${dark}}`,
} as const;
const EmbedTheme = z.enum(["light", "dark", "auto"]);

/**
 * A minimal page with no script: the chart inline, a caption with the source, date and dataset version, and a
 * link to the same chart in the tracker.
 */
export async function embedHandler(c: Context<AppEnv>) {
  const { theme: askedTheme, ...chartParams } = c.req.query();
  const theme = EmbedTheme.safeParse(askedTheme ?? "light");
  if (!theme.success)
    throw new ApiError("VALIDATION_FAILED", 'Invalid query field "theme": expected light, dark or auto', [
      { location: "query", path: "theme", message: "expected light, dark or auto" },
    ]);
  const parsed = ChartQuery.safeParse(chartParams);
  if (!parsed.success) throw validationError(parsed.error, "query");
  const answer = await draw(c, parsed.data, "svg");
  const { chart } = answer;
  const l = labels[chart.lang];
  // The tracker's page takes the same query; the request's own string is passed on as it came.
  const search = new URL(c.req.url).search.slice(1);
  const trackerUrl = `/?view=chart${search ? `&${search}` : ""}`;
  // The chart's own description (its <desc>), shown as text too, and the notes: what each stage drawn counts.
  const description = /<desc[^>]*>([^<]*)<\/desc>/.exec(chart.body as string)?.[1] ?? "";
  const stages = [...new Set([chart.filters.promisedStage, chart.filters.deliveredStage])].filter(
    (s): s is Stage => s !== undefined && isId("stage", s),
  );
  const notes = `${l.notes} ${stages.map((s) => `${label("stage", s, chart.lang)} — ${words("stage", s, chart.lang).description}`).join(" ")}`;
  // The figures behind it: the series export of the same query, without what only concerns the drawing.
  const dataQuery = new URLSearchParams(search);
  for (const name of ["chart", "lang", "width", "height", "title", "theme"]) dataQuery.delete(name);
  const dataUrl = `/v1/exports/series.csv${dataQuery.size ? `?${dataQuery}` : ""}`;
  const caption = [
    `${l.source} ${l.trackerSource(sourcesUrl(c, parsed.data))}`,
    `${l.asOf} ${answer.asOf.slice(0, 10)}`,
    `${l.datasetVersion} ${chart.datasetVersion}`,
  ].join(" · ");
  const html = `<!doctype html>
<html lang="${chart.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(chart.title)}</title>
<style>${embedThemes[theme.data]}</style>
</head>
<body>
<figure aria-describedby="chart-description">
${chart.body as string}<p class="chart-notes" id="chart-description">${description}</p>
<p class="chart-notes">${escapeXml(notes)}</p>
<figcaption>${escapeXml(caption)} · <a href="${escapeXml(dataUrl)}" target="_top">${escapeXml(l.getTheData)}</a> · <a href="${escapeXml(trackerUrl)}" target="_top">${escapeXml(l.openInTracker)}</a></figcaption>
</figure>
</body>
</html>
`;
  const digest = createHash("sha256").update(`html\n${html}`).digest("base64url").slice(0, 22);
  const etag = etagOf(chart.datasetVersion, digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(html, 200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
}
