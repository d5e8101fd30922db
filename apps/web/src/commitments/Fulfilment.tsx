import { type Measure, sourceDatasets } from "@commitments/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fulfilmentQuery } from "../api.ts";
import { sourceName, sourceSays } from "../dashboard/sourceWords.ts";
import { formatMeasure, formatPartialDate, formatRatio, inMeasureOf } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { sayRefusal } from "../problems.ts";
import { ViewLink } from "../ViewLink.tsx";
import { stageLabel } from "./labels.ts";
import { messages } from "./messages.ts";

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
  const t = useMessages(messages).fulfilment;
  const lang = useLang();
  const partyName = usePartyName();
  const query = useQuery(fulfilmentQuery(commitmentId, asOf));
  const amount = (value: string) => formatMeasure(inMeasureOf(measure, value), { exact: true, lang });
  const date = (value: string) => formatPartialDate(value, lang);

  let body: ReactNode;
  if (query.error) body = <p role="alert">{t.failed(sayRefusal(query.error, lang))}</p>;
  else if (!query.data) body = <p aria-busy="true">{t.loading}</p>;
  else {
    const {
      fulfilment: f,
      problem,
      promisedStage,
      deliveredStage,
      sourceDataset,
      reported,
      donor,
    } = query.data.data;
    const promisedAs = stageLabel(promisedStage, measure, lang);
    const deliveredAs = stageLabel(deliveredStage, measure, lang);
    const source = sourceName(sourceDataset, lang);
    if (!sourceDatasets[sourceDataset].promisesByCategory)
      // Kiel reports its commitments in one line per donor and its allocations in others: a line alone has no share.
      body = (
        <p className="empty-state">
          {t.separateLines(source, promisedAs, deliveredAs)}{" "}
          <ViewLink params={{ view: "donor", donor }}>{t.donorPage(partyName(donor))}</ViewLink>
        </p>
      );
    else if (!reported.promised || !reported.delivered)
      body = (
        <p className="empty-state">
          {t.notReported(reported.promised ? deliveredAs : promisedAs, source)}{" "}
          {sourceSays(sourceDataset, lang)}
        </p>
      );
    else if (!f) body = <p className="empty-state">{t.none(problem ?? "")}</p>;
    else if (f.ratio === null && f.adherence === null && isZero(f.delivered))
      body = <p className="empty-state">{t.noneYet(promisedAs, deliveredAs, date(f.on))}</p>;
    else
      body = (
        <>
          <p className="fulfilment-basis">{t.basis(date(f.on), promisedAs)}</p>
          <dl className="facts">
            <dt>{deliveredAs}</dt>
            <dd data-figure="ratio">
              {f.ratio === null ? (
                t.deliveredNoPromise(amount(f.delivered), deliveredAs, promisedAs)
              ) : (
                <>
                  {t.deliveredOf(amount(f.delivered), deliveredAs, amount(f.promised), promisedAs)}{" "}
                  <strong>{formatRatio(f.ratio, lang)}</strong>
                </>
              )}
            </dd>
            <dt>{t.againstSchedule}</dt>
            <dd data-figure="adherence">
              {f.adherence === null ? (
                t.noTrancheDue(date(f.on))
              ) : (
                <>
                  {t.dueBy(amount(f.scheduled), date(f.on))} <strong>{formatRatio(f.adherence, lang)}</strong>{" "}
                  {t.ofIt(deliveredAs)}
                </>
              )}
            </dd>
            {f.adherence === null ? null : (
              <>
                <dt>{t.delay}</dt>
                <dd data-figure="delay">{f.delayDays === 0 ? t.onSchedule : t.delayDays(f.delayDays)}</dd>
              </>
            )}
            {f.completion ? (
              <>
                <dt>{t.completion}</dt>
                <dd>
                  {f.completion.projected
                    ? t.projected(date(f.completion.date))
                    : t.reached(date(f.completion.date))}
                </dd>
              </>
            ) : null}
            {/* Beyond a promise only where one is recorded: with none, everything delivered would read as excess. */}
            {f.ratio === null || isZero(f.excess) ? null : (
              <>
                <dt>{t.excess}</dt>
                <dd>{amount(f.excess)}</dd>
              </>
            )}
          </dl>
        </>
      );
  }

  return (
    <section aria-labelledby="fulfilment-title" className="fulfilment">
      <h2 id="fulfilment-title">{t.title}</h2>
      {body}
    </section>
  );
}
