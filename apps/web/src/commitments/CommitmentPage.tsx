import { reportsStage } from "@commitments/core";
import { awaitsConfirmation } from "@commitments/core/access";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useRef, useState } from "react";
import { agreementsQuery, commitmentQuery } from "../api.ts";
import { sourceName, sourceSays } from "../dashboard/sourceWords.ts";
import { formatMeasure, formatPartialDate } from "../format.ts";
import { agreementTitle } from "../i18n/agreements.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { label } from "../i18n/vocabulary.ts";
import { refusalIn, sayRefusal } from "../problems.ts";
import { usePageHeading } from "../usePageHeading.ts";
import { useSearchParam } from "../useSearchParam.ts";
import { ViewLink } from "../ViewLink.tsx";
import { PinButton } from "../watch/PinButton.tsx";
import { usePins } from "../watch/pins.ts";
import { useRemarker } from "./abilities.ts";
import { Citation } from "./Citation.tsx";
import { Fulfilment } from "./Fulfilment.tsx";
import { History } from "./History.tsx";
import { confidenceLabel, headlineStage, promised, stageLabel } from "./labels.ts";
import { messages } from "./messages.ts";
import { type Acting, RemarkButtons, RemarkPanel } from "./RemarkPanel.tsx";
import { Remarks } from "./Remarks.tsx";
import { ScrollBox } from "./ScrollBox.tsx";
import { SourceList } from "./SourceList.tsx";
import { Timeline } from "./Timeline.tsx";
import "./commitments.css";

function BackLink() {
  const t = useMessages(messages).page;
  return (
    <nav aria-label={t.breadcrumb} className="breadcrumb">
      <ViewLink params={{ view: "commitments" }}>{t.back}</ViewLink>
    </nav>
  );
}

/**
 * One commitment: what was promised, its schedule against what was delivered (on one timeline and in tables,
 * every figure with its sources), what others say of each figure, and the whole history of the record. Signed-in
 * analysts dispute or annotate figures here; the result is shown beside the figure at once.
 */
export function CommitmentPage({ id }: { id: string }) {
  const t = useMessages(messages);
  const lang = useLang();
  const detail = useQuery(commitmentQuery(id));
  const partyName = usePartyName();
  const agreements = useQuery(agreementsQuery);
  const remarker = useRemarker();
  const { pins, toggle } = usePins(remarker.session?.user?.id);
  const [acting, setActing] = useState<Acting | null>(null);
  const [notice, setNotice] = useState<{ at: "commitment" | "event"; text: string } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const heading = usePageHeading(detail.data?.data.commitment.title);
  // A link to one event (a verifier's queue links each delivery so): its row is brought into view and marked.
  const [linkedEvent] = useSearchParam("event");
  const loaded = detail.data !== undefined;
  useEffect(() => {
    if (loaded && linkedEvent)
      document
        .querySelector(`[data-event="${CSS.escape(linkedEvent)}"]`)
        ?.scrollIntoView({ block: "center" });
  }, [loaded, linkedEvent]);

  if (detail.error)
    return (
      <article className="commitment">
        <BackLink />
        <p role="alert">
          {refusalIn(detail.error)?.status === 404
            ? t.page.notFound
            : t.page.failed(sayRefusal(detail.error, lang))}
        </p>
      </article>
    );
  if (!detail.data) return <p aria-busy="true">{t.page.loading}</p>;

  const { commitment: c, schedule, events } = detail.data.data;
  const date = (value: string) => formatPartialDate(value, lang);
  const exact = (measure: Parameters<typeof formatMeasure>[0]) =>
    formatMeasure(measure, { exact: true, lang });
  const agreement = agreements.data?.find((a) => a.id === c.agreement);
  const category = label("category", c.category, lang);
  const deliveries = events.filter((e) => e.stage === "delivered");
  // A line its source recorded as allocated (Kiel's) is headed by that stage's word, never called a promise.
  const headline = headlineStage(events);
  // A record without a dataset is the tracker's own (the API's default).
  const dataset = c.sourceDataset ?? "tracker";
  const deliveriesReported = reportsStage(dataset, "delivered");
  // Remarks are made on published records only (the API refuses others), and on deliveries: the figures that
  // say what arrived.
  const remarkable = (record: { status: string; retracted: boolean }) =>
    record.status === "published" && !record.retracted;
  // The recipient's verifiers confirm its published deliveries that no one has confirmed yet.
  const mayConfirm = remarker.mayConfirm(c.recipient);
  const confirmable = (e: (typeof events)[number]) =>
    mayConfirm && e.stage === "delivered" && remarkable(e) && awaitsConfirmation(e.confidence);
  const canRemark = remarker.mayDispute || remarker.mayAnnotate || mayConfirm;
  const eventColumns = canRemark ? 6 : 5;

  const placeOf = (target: Acting["target"]) => (target.kind === "commitment" ? "commitment" : "event");
  function open(next: Acting, button: HTMLButtonElement) {
    opener.current = button;
    setNotice(null);
    setActing(next);
  }
  function close(recorded?: string) {
    if (acting && recorded) setNotice({ at: placeOf(acting.target), text: recorded });
    setActing(null);
    // Back to the button that opened the form, so the keyboard user carries on from where they were. A confirmed
    // delivery no longer offers "Confirm receipt": focus goes to the next button of its row, once it is redrawn.
    const row = acting?.form === "confirm" ? acting.target.id : null;
    if (!row) return queueMicrotask(() => opener.current?.focus());
    setTimeout(() => {
      const stays = opener.current?.isConnected ? opener.current : null;
      (stays ?? document.querySelector<HTMLElement>(`tr[data-event="${CSS.escape(row)}"] button`))?.focus();
    }, 0);
  }
  /** The open form and the announcement of what it recorded, where the record remarked on is. */
  const panel = (at: "commitment" | "event") => (
    <>
      {acting && placeOf(acting.target) === at ? (
        <RemarkPanel acting={acting} commitmentId={c.id} onClose={close} />
      ) : null}
      <p role="status" className="remark-notice">
        {notice?.at === at ? notice.text : ""}
      </p>
    </>
  );

  return (
    <article className="commitment" aria-labelledby="commitment-title">
      <BackLink />
      <p className="eyebrow">
        {t.page.eyebrow} · {category}
        {c.synthetic ? <span className="badge badge-synthetic">{t.badges.synthetic}</span> : null}
        {c.retracted ? <span className="badge badge-retracted">{t.badges.retracted}</span> : null}
        {c.disputed ? <span className="badge badge-disputed">{t.badges.disputed}</span> : null}
      </p>
      <h1 id="commitment-title" tabIndex={-1} ref={heading}>
        {c.title}
      </h1>
      {remarker.session ? (
        <p className="commitment-tools">
          <PinButton title={c.title} pinned={pins.includes(c.id)} onToggle={() => toggle(c.id)} />{" "}
          <ViewLink params={{ view: "watch" }}>{t.page.watchList}</ViewLink>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t.page.donorRecipient}</dt>
        <dd>
          {partyName(c.donor)} → {partyName(c.recipient)}
        </dd>
        <dt>{t.page.agreement}</dt>
        <dd>
          {c.agreement ? (
            <ViewLink params={{ view: "agreements", agreement: c.agreement }}>
              {agreement ? agreementTitle(agreement, lang) : c.agreement}
            </ViewLink>
          ) : (
            t.page.noAgreement
          )}
        </dd>
        <dt>{headline ? stageLabel(headline, c.measure, lang) : t.page.promised}</dt>
        <dd>
          <span className="promised">{promised(c.measure, c.measureBasis, lang)}</span>{" "}
          <span className="exact">({exact(c.measure)})</span>
          <Remarks
            commitmentId={c.id}
            recorded={c.measure}
            disputes={c.disputes}
            annotations={c.annotations}
          />
        </dd>
        <dt>{t.page.period}</dt>
        <dd>{c.period ? `${date(c.period.start)} – ${date(c.period.end)}` : t.page.noPeriod}</dd>
        {c.conditions.length > 0 ? (
          <>
            <dt>{t.page.conditions}</dt>
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
      {canRemark && remarkable(c) ? (
        <div className="commitment-remarks">
          <RemarkButtons
            remarker={remarker}
            context={t.form.theCommitmentRecord}
            onOpen={(form, button) =>
              open(
                {
                  form,
                  target: { kind: "commitment", id: c.id },
                  recorded: c.measure,
                  version: c.version,
                  what: form === "dispute" ? t.form.theCommitment : t.form.theCommitmentRecord,
                },
                button,
              )
            }
          />
          {panel("commitment")}
        </div>
      ) : null}
      <h2>{t.page.sources}</h2>
      <SourceList sources={c.sources} />

      <Fulfilment commitmentId={c.id} asOf={detail.data.meta.asOf} measure={c.measure} />

      <Timeline detail={detail.data.data} asOf={detail.data.meta.asOf} />

      <section aria-labelledby="schedule-title" className="schedule">
        <h2 id="schedule-title">{t.schedule.title}</h2>
        {schedule.length === 0 ? (
          <p className="empty-state">{t.schedule.empty}</p>
        ) : (
          <ScrollBox labelledBy="schedule-caption">
            <table className="data-table">
              <caption id="schedule-caption">{t.schedule.caption(schedule.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.schedule.due}</th>
                  <th scope="col" className="num">
                    {t.schedule.amount}
                  </th>
                  <th scope="col">{t.schedule.note}</th>
                </tr>
              </thead>
              <tbody>
                {schedule.map((tranche) => (
                  <tr key={tranche.id} data-tranche={tranche.id}>
                    <th scope="row">
                      <time dateTime={tranche.due}>{date(tranche.due)}</time>
                      {tranche.retracted ? (
                        <span className="badge badge-retracted">{t.badges.retracted}</span>
                      ) : null}
                    </th>
                    <td className="num">{exact(tranche.measure)}</td>
                    <td>{tranche.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>

      <section aria-labelledby="events-title" className="events">
        <h2 id="events-title">{t.events.title}</h2>
        {deliveries.length > 0 ? null : deliveriesReported ? (
          <p className="empty-state">
            <strong>{t.events.noDeliveries}</strong>{" "}
            {events.length === 0 ? t.events.nothingDated : t.events.stepsBefore}
          </p>
        ) : (
          // The source reports no deliveries at all: none recorded says nothing of what arrived.
          <p className="empty-state">
            <strong>{t.events.deliveriesNotReported(sourceName(dataset, lang))}</strong>{" "}
            {sourceSays(dataset, lang)}
          </p>
        )}
        {events.length > 0 ? (
          <ScrollBox labelledBy="events-caption">
            <table className="data-table">
              <caption id="events-caption">{t.events.caption(events.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.events.date}</th>
                  <th scope="col">{t.events.stage}</th>
                  <th scope="col" className="num">
                    {t.events.amount}
                  </th>
                  <th scope="col">{t.events.confidence}</th>
                  <th scope="col">{t.events.sources}</th>
                  {canRemark ? <th scope="col">{t.events.remarks}</th> : null}
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <Fragment key={e.id}>
                    <tr data-event={e.id} className={e.id === linkedEvent ? "event-linked" : undefined}>
                      <td>
                        <time dateTime={e.date}>{date(e.date)}</time>
                        {e.period ? (
                          <span className="period">
                            {" "}
                            {t.events.forPeriod(date(e.period.start), date(e.period.end))}
                          </span>
                        ) : null}
                      </td>
                      <th scope="row">
                        {stageLabel(e.stage, e.measure, lang)}
                        {e.synthetic ? (
                          <span className="badge badge-synthetic">{t.badges.synthetic}</span>
                        ) : null}
                        {e.retracted ? (
                          <span className="badge badge-retracted">{t.badges.retracted}</span>
                        ) : null}
                        {e.note ? <p className="note">{e.note}</p> : null}
                      </th>
                      <td className="num">
                        {exact(e.measure)}
                        {e.disputed ? (
                          <span className="badge badge-disputed">{t.badges.disputed}</span>
                        ) : null}
                      </td>
                      <td>{confidenceLabel(e.confidence, lang)}</td>
                      <td>
                        <SourceList sources={e.sources} />
                      </td>
                      {canRemark ? (
                        <td>
                          {e.stage === "delivered" && remarkable(e) ? (
                            <RemarkButtons
                              remarker={remarker}
                              context={t.events.deliveryOf(date(e.date))}
                              confirmable={confirmable(e)}
                              onOpen={(form, button) =>
                                open(
                                  {
                                    form,
                                    target: { kind: "event", id: e.id },
                                    recorded: e.measure,
                                    version: e.version,
                                    what: t.events.deliveryOf(date(e.date)),
                                  },
                                  button,
                                )
                              }
                            />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                    {e.disputes.length > 0 || e.confirmations.length > 0 || e.annotations.length > 0 ? (
                      // Beside the figure, across the row: who disputes, confirms or annotates it, with their figure.
                      <tr className="remarks-row" data-remarks-of={e.id}>
                        <td colSpan={eventColumns}>
                          <Remarks
                            commitmentId={c.id}
                            recorded={e.measure}
                            disputes={e.disputes}
                            confirmations={e.confirmations}
                            annotations={e.annotations}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        ) : null}
        {canRemark ? panel("event") : null}
        {remarker.signedOut && deliveries.length > 0 ? (
          <p className="field-hint">
            {t.actions.signInToRemark} <ViewLink params={{ view: "sign-in" }}>{t.actions.signIn}</ViewLink>
          </p>
        ) : null}
      </section>

      <History detail={detail.data.data} />

      <Citation meta={detail.data.meta} apiPath={`/v1/commitments/${encodeURIComponent(c.id)}`} />
    </article>
  );
}
