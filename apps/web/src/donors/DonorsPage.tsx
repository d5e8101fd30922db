import { useQuery } from "@tanstack/react-query";
import { agreementsQuery, apiError, client } from "../api.ts";
import { ChartPanel } from "../dashboard/ChartPanel.tsx";
import { chartStateOf } from "../dashboard/chartState.ts";
import { seriesQuery } from "../dashboard/queries.ts";
import { common } from "../i18n/common.ts";
import { locales, useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearch, useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import "./donors.css";

/** `?view=donors` lists the donors; `?view=donor&donor=DE` is one donor's page. */
export function DonorsPage() {
  const [donor] = useSearchParam("donor");
  const [view] = useSearchParam("view");
  return view === "donor" && donor ? <DonorPage key={donor} donor={donor} /> : <DonorList />;
}

// Each donor's last cumulative figures, in euros converted at each figure's date: one series per donor.
const byDonor = new URLSearchParams({ groupBy: "donor", interval: "year", currency: "EUR" }).toString();

function DonorList() {
  const t = useMessages(messages);
  const c = useMessages(common);
  const lang = useLang();
  const partyName = usePartyName();
  const heading = usePageHeading(t.title);
  const series = useQuery(seriesQuery(byDonor));
  const money = new Intl.NumberFormat(locales[lang], {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 0 });
  const rows = (series.data?.data.groups ?? [])
    .map((group) => {
      const last = group.points.at(-1);
      const promised = Number(last?.cumulativePromised ?? 0);
      const delivered = Number(last?.cumulativeDelivered ?? 0);
      return {
        donor: group.key,
        promised,
        delivered,
        share: promised > 0 ? Math.min(delivered / promised, 1) : null,
      };
    })
    .sort((a, b) => b.promised - a.promised);
  return (
    <section className="donors" aria-labelledby="donors-title">
      <h1 id="donors-title" ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      {series.error ? (
        <p role="alert">{c.failed(series.error.message)}</p>
      ) : !series.data ? (
        <p aria-busy="true">{c.loading}</p>
      ) : rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.donor}</th>
                <th scope="col" className="num">
                  {t.promised}
                </th>
                <th scope="col" className="num">
                  {t.delivered}
                </th>
                <th scope="col">{t.share}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.donor}>
                  <th scope="row">
                    <ViewLink params={{ view: "donor", donor: row.donor }}>{partyName(row.donor)}</ViewLink>
                  </th>
                  {/* Compact display only: the exact figures are in the chart's table and its CSV. */}
                  <td className="num">{money.format(row.promised)}</td>
                  <td className="num">{money.format(row.delivered)}</td>
                  <td>
                    {row.share === null ? (
                      "—"
                    ) : (
                      <span className="share">
                        <meter min={0} max={1} value={row.share} aria-label={t.share} />{" "}
                        {percent.format(row.share)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DonorPage({ donor }: { donor: string }) {
  const t = useMessages(messages);
  const partyName = usePartyName();
  const name = partyName(donor);
  const heading = usePageHeading(name);
  // The donor's chart: by category unless the URL asks otherwise, always for this donor.
  const base = chartStateOf(useSearch());
  const groupBy = new URLSearchParams(window.location.search).get("groupBy") ?? "category";
  const state = { ...base, series: { ...base.series, donor, groupBy } };
  const commitments = useQuery({
    queryKey: ["commitments", "donor", donor],
    queryFn: async () => {
      const response = await client.v1.commitments.$get({ query: { donor, limit: "200" } });
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data;
    },
  });
  const agreements = useQuery(agreementsQuery);
  const party = (agreements.data ?? []).filter((a) => a.guarantors.includes(donor));
  return (
    <article className="donor" aria-labelledby="donor-title">
      <p>
        <ViewLink params={{ view: "donors" }}>← {t.back}</ViewLink>
      </p>
      <h1 id="donor-title" ref={heading} tabIndex={-1}>
        {name}
      </h1>
      <p className="lede">{t.donorLede(name)}</p>
      <ChartPanel state={state} />
      <section aria-labelledby="donor-commitments">
        <h2 id="donor-commitments">{t.commitments}</h2>
        {(commitments.data ?? []).length === 0 ? (
          <p>{commitments.data ? t.noCommitments : ""}</p>
        ) : (
          <ul className="link-list">
            {commitments.data?.map((c) => (
              <li key={c.id}>
                <ViewLink params={{ commitment: c.id }}>{c.title}</ViewLink>
                {c.synthetic ? <span className="badge badge-synthetic">{t.synthetic}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="donor-agreements">
        <h2 id="donor-agreements">{t.agreements}</h2>
        {party.length === 0 ? (
          <p>{agreements.data ? t.noAgreements : ""}</p>
        ) : (
          <ul className="link-list">
            {party.map((a) => (
              <li key={a.id}>
                <ViewLink params={{ view: "agreements", agreement: a.id }}>{a.title}</ViewLink>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
