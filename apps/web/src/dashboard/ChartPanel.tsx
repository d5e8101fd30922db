import { useQuery } from "@tanstack/react-query";
import { agreementsQuery, partiesQuery } from "../api.ts";
import { common } from "../i18n/common.ts";
import { locales, useLang, useMessages } from "../i18n/index.ts";
import { ChartTools } from "./ChartTools.tsx";
import { chartFilters, chartInput } from "./chartInput.ts";
import { type ChartState, seriesSearch } from "./chartState.ts";
import { messages } from "./messages.ts";
import { seriesQuery } from "./queries.ts";
import { SeriesChart } from "./SeriesChart.tsx";
import { SeriesTable } from "./SeriesTable.tsx";
import { Totals } from "./Totals.tsx";
import "./chart.css";

// The renderer is fetched with the first chart, not with the first page: it is the same code the server draws with.
const renderer = {
  queryKey: ["chart-renderer"],
  queryFn: () => import("@commitments/charts"),
  staleTime: Number.POSITIVE_INFINITY,
};

/** One chart view: the chart, its totals, its figures as a table, and the reporter's ways to take it away. */
export function ChartPanel({ state }: { state: ChartState }) {
  const t = useMessages(messages);
  const c = useMessages(common);
  const lang = useLang();
  const series = useQuery(seriesQuery(seriesSearch(state).toString()));
  const charts = useQuery(renderer);
  const parties = useQuery(partiesQuery);
  const agreements = useQuery(agreementsQuery);
  const error = series.error ?? charts.error;
  if (error) return <p role="alert">{c.failed(error.message)}</p>;
  if (!series.data || !charts.data || !parties.data || !agreements.data)
    return <p aria-busy="true">{t.loadingChart}</p>;
  const { data, meta } = series.data;
  const input = chartInput(
    charts.data,
    series.data,
    state,
    lang,
    { parties: parties.data, agreements: agreements.data },
    window.location.origin,
  );
  const fileName = charts.data
    .chartFileName({
      kind: state.chart,
      filters: chartFilters(state),
      datasetVersion: meta.datasetVersion,
      format: "svg",
    })
    .replace(/\.svg$/, "");
  const unconverted = (data.conversion?.unconverted ?? []).reduce((n, u) => n + u.events, 0);
  const asOf = new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(meta.asOf),
  );
  return (
    <div className="chart-panel" aria-busy={series.isPlaceholderData}>
      <Totals series={data} />
      <figure className="chart-figure">
        <SeriesChart render={charts.data.renderSeriesChart} input={input} />
        <figcaption>
          {t.citation(meta.datasetVersion, asOf)} {unconverted > 0 ? t.unconverted(unconverted) : null}
        </figcaption>
      </figure>
      <SeriesTable series={data} />
      <ChartTools state={state} title={input.title} fileName={fileName} />
    </div>
  );
}
