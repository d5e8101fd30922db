import type { Measure } from "@commitments/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fulfilmentQuery } from "../api.ts";
import { formatMeasure, formatPartialDate, formatRatio, inMeasureOf } from "../format.ts";
import { stageLabel } from "./labels.ts";

const isZero = (amount: string) => /^0(\.0+)?$/.test(amount);

/**
 * How much of the commitment was delivered (ratio), whether deliveries kept to the schedule (adherence) and how
 * late they run (delay). Every figure comes from GET /v1/commitments/{id}/fulfilment; nothing is computed here,
 * and where the API has no figure the page says why instead of showing one.
 */
export function Fulfilment({
  commitmentId,
  asOf,
  measure,
}: {
  commitmentId: string;
  asOf: string;
  measure: Measure;
}) {
  const query = useQuery(fulfilmentQuery(commitmentId, asOf));
  const amount = (value: string) => formatMeasure(inMeasureOf(measure, value), { exact: true });

  let body: ReactNode;
  if (query.error) body = <p role="alert">Could not load the fulfilment figures: {query.error.message}</p>;
  else if (!query.data) body = <p aria-busy="true">Loading the fulfilment figures…</p>;
  else {
    const { fulfilment: f, problem, promisedStage, deliveredStage } = query.data.data;
    const promisedAs = stageLabel(promisedStage, measure).toLowerCase();
    const deliveredAs = stageLabel(deliveredStage, measure).toLowerCase();
    if (!f) body = <p className="empty-state">No fulfilment figures: {problem}</p>;
    else if (f.ratio === null && f.adherence === null && isZero(f.delivered))
      body = (
        <p className="empty-state">
          No fulfilment figures yet: nothing recorded as {promisedAs} or {deliveredAs}, and no tranche due by{" "}
          {formatPartialDate(f.on)}.
        </p>
      );
    else
      body = (
        <>
          <p className="fulfilment-basis">
            As of {formatPartialDate(f.on)}. The promise counted is what has been recorded as {promisedAs},
            which may differ from the headline figure above.
          </p>
          <dl className="facts">
            <dt>Delivered</dt>
            <dd data-figure="ratio">
              {amount(f.delivered)} {deliveredAs}
              {f.ratio === null ? (
                `; nothing recorded as ${promisedAs}, so no share of a promise`
              ) : (
                <>
                  {" "}
                  of {amount(f.promised)} {promisedAs}: <strong>{formatRatio(f.ratio)}</strong>
                </>
              )}
            </dd>
            <dt>Against the schedule</dt>
            <dd data-figure="adherence">
              {f.adherence === null ? (
                `No tranche due by ${formatPartialDate(f.on)}`
              ) : (
                <>
                  {amount(f.scheduled)} due by {formatPartialDate(f.on)}:{" "}
                  <strong>{formatRatio(f.adherence)}</strong> of it {deliveredAs}
                </>
              )}
            </dd>
            {f.adherence === null ? null : (
              <>
                <dt>Delay</dt>
                <dd data-figure="delay">
                  {f.delayDays === 0
                    ? "None: on schedule"
                    : `${f.delayDays} days since the oldest tranche not yet covered fell due`}
                </dd>
              </>
            )}
            {f.completion ? (
              <>
                <dt>Completion</dt>
                <dd>
                  {f.completion.projected
                    ? `Projected ${formatPartialDate(f.completion.date)}, in a straight line from deliveries so far`
                    : `Reached ${formatPartialDate(f.completion.date)}`}
                </dd>
              </>
            ) : null}
            {isZero(f.excess) ? null : (
              <>
                <dt>Beyond the promise</dt>
                <dd>{amount(f.excess)}</dd>
              </>
            )}
          </dl>
        </>
      );
  }

  return (
    <section aria-labelledby="fulfilment-title" className="fulfilment">
      <h2 id="fulfilment-title">Fulfilment</h2>
      {body}
    </section>
  );
}
