import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";
import { agreementsQuery, categoriesQuery, commitmentQuery, partiesQuery } from "../api.ts";
import { formatMeasure, formatPartialDate, humanise } from "../format.ts";
import { SourceList } from "../ladder/SourceList.tsx";
import { usePageHeading } from "../usePageHeading.ts";
import { ViewLink } from "../ViewLink.tsx";
import { Citation } from "./Citation.tsx";
import { Fulfilment } from "./Fulfilment.tsx";
import { confidenceLabels, promised, stageLabel } from "./labels.ts";
import { Remarks } from "./Remarks.tsx";

const backLink = (
  <nav aria-label="Breadcrumb" className="breadcrumb">
    <ViewLink params={{}}>← The ladder and all commitments</ViewLink>
  </nav>
);

/** One commitment: what was promised, its schedule, and what has been recorded against it, each with sources. */
export function CommitmentPage({ id }: { id: string }) {
  const detail = useQuery(commitmentQuery(id));
  const parties = useQuery(partiesQuery);
  const agreements = useQuery(agreementsQuery);
  const categories = useQuery(categoriesQuery);
  const title = detail.data?.data.commitment.title;

  const heading = usePageHeading(title);

  if (detail.error)
    return (
      <article className="commitment">
        {backLink}
        <p role="alert">Could not load the commitment: {detail.error.message}</p>
      </article>
    );
  if (!detail.data) return <p aria-busy="true">Loading the commitment…</p>;

  const { commitment: c, schedule, events } = detail.data.data;
  const partyName = (pid: string) => parties.data?.find((p) => p.id === pid)?.name ?? pid;
  const agreement = agreements.data?.find((a) => a.id === c.agreement);
  const category = categories.data?.find((cat) => cat.id === c.category)?.label ?? humanise(c.category);
  const deliveries = events.filter((e) => e.stage === "delivered");

  return (
    <article className="commitment" aria-labelledby="commitment-title">
      {backLink}
      <p className="eyebrow">
        Commitment · {category}
        {c.synthetic ? <span className="badge badge-synthetic">Synthetic</span> : null}
        {c.retracted ? <span className="badge badge-retracted">Retracted</span> : null}
        {c.disputed ? <span className="badge badge-disputed">Disputed</span> : null}
      </p>
      <h1 id="commitment-title" tabIndex={-1} ref={heading}>
        {c.title}
      </h1>
      <dl className="facts">
        <dt>Donor → recipient</dt>
        <dd>
          {partyName(c.donor)} → {partyName(c.recipient)}
        </dd>
        <dt>Agreement</dt>
        <dd>
          {c.agreement ? (
            <ViewLink params={{ agreement: c.agreement }}>{agreement?.title ?? c.agreement}</ViewLink>
          ) : (
            "None: a commitment under no recorded agreement"
          )}
        </dd>
        <dt>Promised</dt>
        <dd>
          <span className="promised">{promised(c.measure, c.measureBasis)}</span>{" "}
          <span className="exact">({formatMeasure(c.measure, { exact: true })})</span>
          <Remarks disputes={c.disputes} />
        </dd>
        <dt>Period</dt>
        <dd>
          {c.period
            ? `${formatPartialDate(c.period.start)} – ${formatPartialDate(c.period.end)}`
            : "Not stated in the sources"}
        </dd>
        {c.conditions.length > 0 ? (
          <>
            <dt>Conditions</dt>
            <dd>
              <ul className="conditions">
                {c.conditions.map((condition) => (
                  <li key={condition}>{condition}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Sources</h2>
      <SourceList sources={c.sources} />

      <Fulfilment commitmentId={c.id} asOf={detail.data.meta.asOf} measure={c.measure} />

      <section aria-labelledby="schedule-title" className="schedule">
        <h2 id="schedule-title">Schedule</h2>
        {schedule.length === 0 ? (
          <p className="empty-state">No schedule recorded: the sources give no split by date.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                {schedule.length} planned tranches, in order. Their sources are the commitment's, above.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {schedule.map((t) => (
                  <tr key={t.id} data-tranche={t.id}>
                    <th scope="row">
                      <time dateTime={t.due}>{formatPartialDate(t.due)}</time>
                      {t.retracted ? <span className="badge badge-retracted">Retracted</span> : null}
                    </th>
                    <td className="num">{formatMeasure(t.measure, { exact: true })}</td>
                    <td>{t.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="events-title" className="events">
        <h2 id="events-title">Deliveries and other stage events</h2>
        {deliveries.length === 0 ? (
          <p className="empty-state">
            <strong>No deliveries recorded.</strong>{" "}
            {events.length === 0
              ? "Nothing pledged, committed, allocated or delivered has been dated against this commitment yet."
              : "The events below are steps before delivery."}
          </p>
        ) : null}
        {events.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{events.length} stage events, by date, each with its own sources.</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Stage</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Confidence</th>
                  <th scope="col">Sources</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <Fragment key={e.id}>
                    <tr data-event={e.id}>
                      <td>
                        <time dateTime={e.date}>{formatPartialDate(e.date)}</time>
                        {e.period ? (
                          <span className="period">
                            {" "}
                            (for {formatPartialDate(e.period.start)} – {formatPartialDate(e.period.end)})
                          </span>
                        ) : null}
                      </td>
                      <th scope="row">
                        {stageLabel(e.stage, e.measure)}
                        {e.synthetic ? <span className="badge badge-synthetic">Synthetic</span> : null}
                        {e.retracted ? <span className="badge badge-retracted">Retracted</span> : null}
                        {e.note ? <p className="note">{e.note}</p> : null}
                      </th>
                      <td className="num">
                        {formatMeasure(e.measure, { exact: true })}
                        {e.disputed ? <span className="badge badge-disputed">Disputed</span> : null}
                      </td>
                      <td>{confidenceLabels[e.confidence]}</td>
                      <td>
                        <SourceList sources={e.sources} />
                      </td>
                    </tr>
                    {e.disputes.length > 0 || e.confirmations.length > 0 ? (
                      // Beside the figure, across the row: who disputes or confirms it, with their own figure.
                      <tr className="remarks-row" data-remarks-of={e.id}>
                        <td colSpan={5}>
                          <Remarks disputes={e.disputes} confirmations={e.confirmations} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <Citation meta={detail.data.meta} apiPath={`/v1/commitments/${encodeURIComponent(c.id)}`} />
    </article>
  );
}
