import type { ChartFilters, SeriesChartInput } from "@commitments/charts";
import type { AgreementView, Party } from "../api.ts";
import { agreementShortTitle } from "../i18n/agreements.ts";
import type { Lang } from "../i18n/index.ts";
import type { ChartState } from "./chartState.ts";
import type { SeriesResponse } from "./queries.ts";

type Charts = typeof import("@commitments/charts");

/**
 * The filters a chart's title and file name speak of, with the API's defaults applied as it applies them, and the
 * stages the answer says it counts.
 */
export function chartFilters(
  state: ChartState,
  counted?: { promisedStage: string; deliveredStage: string },
): ChartFilters {
  const s = state.series;
  return {
    groupBy: (s.groupBy ?? "all") as ChartFilters["groupBy"],
    measure: s.measure === "quantity" || s.unit ? "quantity" : "money",
    unit: s.unit,
    donor: s.donor,
    category: s.category,
    tier: s.tier,
    agreement: s.agreement,
    from: s.from,
    to: s.to,
    promisedStage: counted?.promisedStage,
    deliveredStage: counted?.deliveredStage,
  };
}

/**
 * Everything the renderer needs, built exactly as the server builds it for its SVG, PNG and embed (see the API's
 * charts handler, chart-input.ts): the same title, subtitle, source line and names, so the page shows the very picture a
 * reporter downloads or embeds.
 */
export function chartInput(
  charts: Charts,
  response: SeriesResponse,
  state: ChartState,
  lang: Lang,
  names: { parties: readonly Party[]; agreements: readonly AgreementView[] },
  origin: string,
): SeriesChartInput {
  const partyName = (id: string) => {
    const party = names.parties.find((p) => p.id === id);
    return party ? ((lang === "uk" ? party.nameUk : undefined) ?? party.name) : undefined;
  };
  const agreementName = (id: string) => {
    const agreement = names.agreements.find((a) => a.id === id);
    return agreement ? agreementShortTitle(agreement, lang) : undefined;
  };
  const filters = chartFilters(state, response.data);
  const title = charts.chartTitle(filters, lang, {
    donor: filters.donor ? partyName(filters.donor) : undefined,
    agreement: filters.agreement ? agreementName(filters.agreement) : undefined,
  });
  // The series names donors and agreements in English; a Ukrainian chart names them as the records do in Ukrainian.
  const groupLabels: Record<string, string> = {};
  const { groupBy } = response.data;
  const groupName = groupBy === "donor" ? partyName : groupBy === "agreement" ? agreementName : undefined;
  if (lang === "uk" && groupName) {
    for (const group of response.data.groups) {
      const name = groupName(group.key);
      if (name) groupLabels[group.key] = name;
    }
  }
  // Where the sources of every figure are: the records export of the same commitments.
  const sources = new URLSearchParams();
  for (const name of ["donor", "category", "tier", "agreement", "source", "asOf"] as const) {
    const value = state.series[name];
    if (value) sources.set(name, value);
  }
  const search = sources.toString();
  return {
    series: response.data,
    meta: response.meta,
    kind: state.chart,
    lang,
    title,
    subtitle: charts.chartSubtitle(response.data, state.chart, lang),
    // The publishers and releases of the figures drawn, as the server's SVG, PNG and embed credit them.
    source: charts.creditLine(
      response.data.sources,
      lang,
      `${origin}/v1/exports/records.csv${search ? `?${search}` : ""}`,
    ),
    groupLabels,
  };
}
