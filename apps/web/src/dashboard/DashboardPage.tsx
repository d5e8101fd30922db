import { useMessages } from "../i18n/index.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { updateSearch, useSearch } from "../useSearchParam.ts";
import { ChartFilters } from "./ChartFilters.tsx";
import { ChartPanel } from "./ChartPanel.tsx";
import { chartStateOf, seriesParamNames } from "./chartState.ts";
import { messages } from "./messages.ts";
import "./dashboard.css";

/** The public dashboard: promised against delivered over time, every setting in the URL. */
export function DashboardPage() {
  const t = useMessages(messages);
  const state = chartStateOf(useSearch());
  const heading = usePageHeading(t.title);
  const reset = () =>
    updateSearch(Object.fromEntries([...seriesParamNames, "chart"].map((name) => [name, null])));
  return (
    <div className="dashboard">
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      <div className="dashboard-layout">
        <aside className="dashboard-filters">
          <h2>{t.filters}</h2>
          <ChartFilters state={state} />
          <button type="button" className="link-button" onClick={reset}>
            {t.reset}
          </button>
        </aside>
        <ChartPanel state={state} />
      </div>
    </div>
  );
}
