import { useQuery } from "@tanstack/react-query";
import { agreementsQuery, partiesQuery } from "../api.ts";
import { common } from "../i18n/common.ts";
import { locales, useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { ChartTools } from "./ChartTools.tsx";
import { chartFilters, chartInput } from "./chartInput.ts";
import { type ChartState, seriesSearch } from "./chartState.ts";
import { messages } from "./messages.ts";
import { seriesQuery } from "./queries.ts";
import { SeriesChart } from "./SeriesChart.tsx";
import { SeriesTable } from "./SeriesTable.tsx";
import { sourceName, stageWord, unsplitSources } from "./sourceWords.ts";
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
  if (error) return <p role="alert">{c.failed(sayRefusal(error, lang))}</p>;
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
      filters: chartFilters(state, data),
      datasetVersion: meta.datasetVersion,
      format: "svg",
    })
    .replace(/\.svg$/, "");
  const unconverted = (data.conversion?.unconverted ?? []).reduce((n, u) => n + u.events, 0);
  const asOf = new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(meta.asOf),
  );
  const deliveredWord = stageWord(data.deliveredStage, lang);
  const names = (sources: readonly { id: string }[]) => sources.map((s) => sourceName(s.id, lang)).join("; ");
  const unsplit = unsplitSources(data);
  return (
    <div className="chart-panel" aria-busy={series.isPlaceholderData}>
      <Totals state={state} />
      {/* Which stages are counted, and whose figures are added up: what a reader needs before any figure. */}
      <p className="counted">
        {t.counted(stageWord(data.promisedStage, lang), deliveredWord, state.series.delivered !== undefined)}
      </p>
      {data.sources.length > 1 ? <p className="notice">{t.severalSources(names(data.sources))}</p> : null}
      {unsplit.length > 0 ? <p className="notice">{t.unsplit(names(unsplit), deliveredWord)}</p> : null}
      <figure className="chart-figure">
        <SeriesChart render={charts.data.renderSeriesChart} input={input} />
        <figcaption>
          <span className="credit">{input.source}</span> {t.citation(meta.datasetVersion, asOf)}{" "}
          {unconverted > 0 ? t.unconverted(unconverted) : null}
        </figcaption>
      </figure>
      <SeriesTable series={data} />
      <ChartTools state={state} title={input.title} fileName={fileName} />
    </div>
  );
}
