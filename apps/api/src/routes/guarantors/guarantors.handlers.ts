import {
  creditLine,
  escapeXml,
  labels,
  ladderInputOf,
  ladderSummary,
  ladderTitles,
} from "@commitments/charts";
import { label, ladderStandingIds, words } from "@commitments/core";
import { csvLine } from "@commitments/importers";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import { embedPage, embedThemeOf } from "../../lib/drawing/embed-page.ts";
import { drawnOnPool, pngGround } from "../../lib/drawing/refusals.ts";
import { ApiError, validationError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { parseAsOf, readMeta } from "../../lib/representation.ts";
import { guarantorRows } from "./guarantors.csv.ts";
import {
  type getGuarantor,
  type guarantorsCsv,
  type guarantorsPng,
  type guarantorsSvg,
  type LadderParams,
  LadderQuery,
  type listGuarantors,
} from "./guarantors.routes.ts";
import { readGuarantors } from "./guarantors.view.ts";

export const list: AppRouteHandler<typeof listGuarantors> = async (c) => {
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const [data, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  return c.json({ data, meta }, 200);
};

export const get: AppRouteHandler<typeof getGuarantor> = async (c) => {
  const { party } = c.req.valid("param");
  const at = parseAsOf(c.req.valid("query").asOf);
  const db = c.get("db");
  const [{ guarantors, medianVolume, sources }, meta] = await Promise.all([
    readGuarantors(db, at),
    readMeta(db, at),
  ]);
  const found = guarantors.find((g) => g.party.id === party);
  if (!found)
    throw new ApiError("NOT_FOUND", `No guarantor "${party}": no instrument for Ukraine and no figures`);
  return c.json({ data: { ...found, medianVolume, sources }, meta }, 200);
};

export const csv: AppRouteHandler<typeof guarantorsCsv> = async (c) => {
  const { asOf, party } = c.req.valid("query");
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const [{ guarantors }, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  const chosen = party === undefined ? guarantors : guarantors.filter((g) => g.party.id === party);
  if (party !== undefined && chosen.length === 0)
    throw new ApiError("NOT_FOUND", `No guarantor "${party}": no instrument for Ukraine and no figures`);
  const body = guarantorRows(chosen, meta).map(csvLine).join("");
  c.header("Content-Type", "text/csv; charset=utf-8; header=present");
  c.header("Content-Disposition", `attachment; filename="guarantors${party ? `-${party}` : ""}.csv"`);
  c.header("X-Dataset-Version", String(meta.datasetVersion));
  c.header("X-As-Of", meta.asOf);
  return c.body(body, 200) as never;
};

/** The ladder of `params`, drawn on the chart threads: the chart, and the moment and version it answers for. */
async function drawLadder(c: Context<AppEnv>, params: LadderParams, format: "svg" | "png") {
  const { asOf, lang, width, height, theme, scale } = params;
  const at = parseAsOf(asOf);
  const db = c.get("db");
  const [data, meta] = await Promise.all([readGuarantors(db, at), readMeta(db, at)]);
  const input = ladderInputOf(data, {
    lang,
    ...ladderTitles(lang),
    recordsUrl: `${c.get("publicOrigin")}/v1/guarantors.csv`,
    width,
    height,
    theme,
    scale,
  });
  const { pool } = c.get("charts");
  const { body } = await drawnOnPool(c, () => pool.render({ chart: "ladder", input, format }));
  c.header("X-Dataset-Version", String(meta.datasetVersion));
  c.header("X-As-Of", meta.asOf);
  return { body, input, meta };
}

const ladderFile = (format: "svg" | "png") =>
  `inline; filename="commitments-tracker-guarantors-ladder.${format}"`;

export const svg: AppRouteHandler<typeof guarantorsSvg> = async (c) => {
  const { body } = await drawLadder(c, c.req.valid("query"), "svg");
  c.header("Content-Type", "image/svg+xml; charset=utf-8");
  c.header("Content-Disposition", ladderFile("svg"));
  return c.body(body as string, 200) as never;
};

export const png: AppRouteHandler<typeof guarantorsPng> = async (c) => {
  const query = c.req.valid("query");
  pngGround(query.theme);
  const { body } = await drawLadder(c, query, "png");
  c.header("Content-Type", "image/png");
  c.header("Content-Disposition", ladderFile("png"));
  return c.body(body as Uint8Array<ArrayBuffer>, 200) as never;
};

/**
 * The ladder in a page other sites may frame (see embedPage): its description as text, what each standing means,
 * the credit to Kiel's release, and links to the CSV and to the tracker's guarantor view.
 */
export async function embed(c: Context<AppEnv>) {
  const { theme: askedTheme, ...query } = c.req.query();
  const theme = embedThemeOf(askedTheme);
  const parsed = LadderQuery.safeParse({ ...query, theme });
  if (!parsed.success) throw validationError(parsed.error, "query");
  const { body, input, meta } = await drawLadder(c, parsed.data, "svg");
  const { lang } = input;
  const l = labels[lang];
  const notes = `${l.notes} ${ladderStandingIds.map((s) => `${label("ladderStanding", s, lang)} — ${words("ladderStanding", s, lang).description}`).join(" ")}`;
  const caption = [
    `${l.source} ${creditLine(input.sources, lang, input.recordsUrl)}`,
    `${l.asOf} ${meta.asOf.slice(0, 10)}`,
    `${l.datasetVersion} ${meta.datasetVersion}`,
  ].join(" · ");
  // The figures behind it, and the same view in the tracker, at the same moment.
  const { asOf, scale } = parsed.data;
  const at: Record<string, string> = asOf ? { asOf } : {};
  const dataQuery = new URLSearchParams(at);
  const viewQuery = new URLSearchParams({
    view: "guarantors",
    lang,
    ...(scale === "log" ? { scale: "log" } : {}),
    ...at,
  });
  const html = embedPage({
    lang,
    title: input.title,
    svg: body as string,
    description: escapeXml(ladderSummary(input)),
    notes,
    caption,
    links: [
      { text: l.getTheData, href: `/v1/guarantors.csv${dataQuery.size ? `?${dataQuery}` : ""}` },
      { text: l.openInTracker, href: `/?${viewQuery}` },
    ],
    theme,
  });
  return c.body(html, 200, { "Content-Type": "text/html; charset=utf-8" });
}
