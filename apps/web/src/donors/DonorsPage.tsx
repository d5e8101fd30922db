import { useQuery } from "@tanstack/react-query";
import { agreementsQuery, client, unwrap } from "../api.ts";
import { ChartPanel } from "../dashboard/ChartPanel.tsx";
import { chartStateOf } from "../dashboard/chartState.ts";
import { messages as chartMessages } from "../dashboard/messages.ts";
import { seriesQuery } from "../dashboard/queries.ts";
import { sourceName, sourceSays, stageWord } from "../dashboard/sourceWords.ts";
import { Totals } from "../dashboard/Totals.tsx";
import { agreementTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { common } from "../i18n/common.ts";
import { locales, useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { isId, label } from "../i18n/vocabulary.ts";
import { sayRefusal } from "../problems.ts";
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

/** The sources with figures of a measure: each gets a table of its own, its figures never added to another's. */
const sourcesOf = (measure: "money" | "quantity") =>
  new URLSearchParams({
    groupBy: "source",
    interval: "year",
    ...(measure === "money" ? { currency: "EUR" } : { measure }),
  }).toString();

function DonorList() {
  const t = useMessages(messages);
  const lang = useLang();
  const c = useMessages(common);
  const heading = usePageHeading(t.title);
  const money = useQuery(seriesQuery(sourcesOf("money")));
  const quantity = useQuery(seriesQuery(sourcesOf("quantity")));
  const error = money.error ?? quantity.error;
  const lists = [
    ...(money.data?.data.sources ?? []).map((s) => ({ measure: "money" as const, source: s.id })),
    ...(quantity.data?.data.sources ?? []).map((s) => ({ measure: "quantity" as const, source: s.id })),
  ];
  return (
    <section className="donors" aria-labelledby="donors-title">
      <h1 id="donors-title" ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p className="lede">{t.lede}</p>
      {error ? (
        <p role="alert">{c.failed(sayRefusal(error, lang))}</p>
      ) : !money.data || !quantity.data ? (
        <p aria-busy="true">{c.loading}</p>
      ) : lists.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        lists.map((list) => <SourceDonors key={`${list.measure}|${list.source}`} {...list} />)
      )}
    </section>
  );
}

/**
 * One source's donors: its promised and furthest reported stage per donor (the API's rule: allocations for Kiel,
 * deliveries for SIPRI), "not reported" where it reports no such stage, and no share read from a stage it lacks.
 */
function SourceDonors({ measure, source }: { measure: "money" | "quantity"; source: string }) {
  const t = useMessages(messages);
  const words = useMessages(chartMessages);
  const c = useMessages(common);
  const lang = useLang();
  const partyName = usePartyName();
  const search = new URLSearchParams({
    groupBy: "donor",
    interval: "year",
    source,
    ...(measure === "money" ? { currency: "EUR" } : { measure }),
  }).toString();
  const series = useQuery(seriesQuery(search));
  const data = series.data?.data;
  if (series.error) return <p role="alert">{c.failed(sayRefusal(series.error, lang))}</p>;
  if (!data) return <p aria-busy="true">{c.loading}</p>;
  const money = new Intl.NumberFormat(locales[lang], {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const count = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locales[lang], { style: "percent", maximumFractionDigits: 0 });
  const figure = (value: number, unit: string | undefined) =>
    measure === "money"
      ? money.format(value)
      : `${count.format(value)} ${unit && isId("quantityUnit", unit) ? label("quantityUnit", unit, lang) : (unit ?? "")}`.trim();
  const promisedWord = stageWord(data.promisedStage, lang);
  const deliveredWord = stageWord(data.deliveredStage, lang);
  const shareWord = words.shareOf(deliveredWord, promisedWord);
  const release = data.sources.find((s) => s.id === source)?.release;
  const rows = data.groups
    .map((group) => {
      const last = group.points.at(-1);
      const promised = Number(last?.cumulativePromised ?? 0);
      const delivered = Number(last?.cumulativeDelivered ?? 0);
      const { reported } = group;
      return {
        donor: group.key,
        unit: group.unit,
        promised: reported.promised ? promised : null,
        delivered: reported.delivered ? delivered : null,
        share:
          reported.promised && reported.delivered && promised > 0 ? Math.min(delivered / promised, 1) : null,
      };
    })
    .sort((a, b) => (b.promised ?? 0) - (a.promised ?? 0));
  const id = `donors-${measure}-${source}`;
  return (
    <section className="source-donors" aria-labelledby={id}>
      <h2 id={id}>{t.sourceHeading(sourceName(source, lang), label("measureKind", measure, lang))}</h2>
      <p className="source-says">{sourceSays(source, lang)}</p>
      {release ? <p className="credit">{t.release(release)}</p> : null}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.donor}</th>
              <th scope="col" className="num">
                {promisedWord}
              </th>
              <th scope="col" className="num">
                {deliveredWord}
              </th>
              <th scope="col">{shareWord}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.donor}|${row.unit ?? ""}`}>
                <th scope="row">
                  <ViewLink params={{ view: "donor", donor: row.donor }}>{partyName(row.donor)}</ViewLink>
                </th>
                {/* Compact display only: the exact figures are in the chart's table and its CSV. */}
                <td className="num">
                  {row.promised === null ? words.notReported : figure(row.promised, row.unit)}
                </td>
                <td className="num">
                  {row.delivered === null ? words.notReported : figure(row.delivered, row.unit)}
                </td>
                <td>
                  {row.share === null ? (
                    "—"
                  ) : (
                    <span className="share">
                      <meter min={0} max={1} value={row.share} aria-label={shareWord} />{" "}
                      {percent.format(row.share)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DonorPage({ donor }: { donor: string }) {
  const t = useMessages(messages);
  const lang = useLang();
  const partyName = usePartyName();
  const name = partyName(donor);
  const heading = usePageHeading(name);
  // The donor's chart: one line per source unless the URL asks otherwise (each publisher's figures measured against
  // the furthest stage it reports, never added to another's), always for this donor.
  const base = chartStateOf(useSearch());
  const groupBy = new URLSearchParams(window.location.search).get("groupBy") ?? "source";
  const state = { ...base, series: { ...base.series, donor, groupBy } };
  const { currency: _currency, ...moneyless } = state.series;
  const commitments = useQuery({
    queryKey: ["commitments", "donor", donor],
    queryFn: async () => {
      const response = await client.v1.commitments.$get({ query: { donor, limit: "200" } });
      return (await unwrap(response)).data;
    },
  });
  const agreements = useQuery(agreementsQuery);
  const party = byAgreementTitle(
    (agreements.data ?? []).filter((a) => a.guarantors.includes(donor)),
    lang,
  );
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
      {state.series.measure === "quantity" ? null : (
        // What the donor's money chart leaves out: items counted by the sources that count them (SIPRI).
        <Totals
          state={{ ...state, series: { ...moneyless, measure: "quantity" } }}
          heading={<h2>{t.items}</h2>}
        />
      )}
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
                <ViewLink params={{ view: "agreements", agreement: a.id }}>
                  {agreementTitle(a, lang)}
                </ViewLink>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
