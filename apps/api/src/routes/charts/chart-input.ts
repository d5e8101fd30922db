import {
  type ChartFilters,
  type ChartLang,
  chartSubtitle,
  chartTitle,
  creditLine,
  type SeriesChartInput,
} from "@commitments/charts";
import { type Db, getAgreement, getParty, readSeries, type SeriesQuery } from "@commitments/db";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import type { ChartQuery } from "./charts.routes.ts";

export type ChartParams = z.infer<typeof ChartQuery>;

/** What a chart is drawn from, and what its headers and file name say. */
export interface ChartToDraw {
  input: SeriesChartInput;
  datasetVersion: number;
  title: string;
  filters: ChartFilters;
}

/** Names of parties in the chart's language: the Ukrainian name where the party has one. */
async function partyName(db: Db, id: string, lang: ChartLang, at: Date | undefined) {
  const party = await getParty(db, id, at);
  if (!party) return undefined;
  return lang === "uk" ? (party.record.nameUk ?? party.record.name) : party.record.name;
}

/** An agreement's short title in the chart's language: the Ukrainian one where the agreement has one. */
async function agreementName(db: Db, id: string, lang: ChartLang, at: Date | undefined) {
  const record = (await getAgreement(db, id, at))?.agreement.record;
  if (!record) return undefined;
  return lang === "uk" ? (record.shortTitleUk ?? record.shortTitle) : record.shortTitle;
}

/**
 * The input of a chart of a series query, its numbers read exactly as GET /v1/series reads them (`readSeries`), for
 * the function the web page draws with. `moment` is the one the chart says it shows: asOf, or now.
 */
export async function chartToDraw(
  c: Context<AppEnv>,
  params: ChartParams,
  query: SeriesQuery,
  moment: Date,
): Promise<ChartToDraw> {
  const { chart: kind, lang, width, height, title, theme } = params;
  const at = query.asOf;
  const db = c.get("db");
  const { datasetVersion, ...series } = await readSeries(db, query);

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
    promisedStage: series.promisedStage,
    deliveredStage: series.deliveredStage,
  };
  const names = {
    // Several donors are named one by one: "Germany, United Kingdom, United States".
    donor: query.donor
      ? (
          await Promise.all(query.donor.split(",").map(async (d) => (await partyName(db, d, lang, at)) ?? d))
        ).join(", ")
      : undefined,
    agreement: query.agreement ? await agreementName(db, query.agreement, lang, at) : undefined,
  };
  // The series names donors and agreements in English; a Ukrainian chart names them as the records do in Ukrainian.
  const groupLabels: Record<string, string> = {};
  if (lang === "uk" && (series.groupBy === "donor" || series.groupBy === "agreement")) {
    const nameOf = series.groupBy === "donor" ? partyName : agreementName;
    for (const key of new Set(series.groups.map((g) => g.key))) {
      const name = await nameOf(db, key, lang, at);
      if (name) groupLabels[key] = name;
    }
  }
  const chartTitleText = title ?? chartTitle(filters, lang, names);
  return {
    input: {
      series,
      meta: { datasetVersion, asOf: moment.toISOString() },
      kind,
      lang,
      title: chartTitleText,
      subtitle: chartSubtitle(series, kind, lang),
      // The publishers and releases of the figures drawn, and where the tracker's own records' sources are.
      source: creditLine(series.sources, lang, sourcesUrl(c, params)),
      width,
      height,
      groupLabels,
      theme,
    },
    datasetVersion,
    title: chartTitleText,
    filters,
  };
}

/**
 * Where the sources of every figure are: the records export of the same commitments. Only the filters and an
 * asOf that was asked go in, never the moment of the request, so the same query draws the same bytes.
 */
export function sourcesUrl(c: Context<AppEnv>, params: ChartParams): string {
  const query = new URLSearchParams();
  for (const name of ["donor", "category", "tier", "agreement", "source", "asOf"] as const) {
    const value = params[name];
    if (value !== undefined) query.set(name, value);
  }
  const search = query.toString();
  // The configured origin, never the request's Host: the embed is cached by every proxy on the way.
  return `${c.get("publicOrigin")}/v1/exports/records.csv${search ? `?${search}` : ""}`;
}
