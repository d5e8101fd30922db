import type { WorkflowStatus } from "@commitments/core/access";
import { authorise } from "@commitments/core/access";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useRef, useState } from "react";
import { actorOf } from "../account/access.ts";
import { refreshSessionOn401, type Session } from "../api.ts";
import { formatInteger, formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ConfirmStep, ReasonStep } from "./Decision.tsx";
import { messages } from "./messages.ts";
import { type DonorRecords, historyQuery, moveRecord, type VersionEntry, workspaceKey } from "./queries.ts";
import { ReviewPanel } from "./ReviewPanel.tsx";
import { lastReturn } from "./review.ts";
import { reviewMessages } from "./review-messages.ts";
import { formatMeasureIn, inPublishingOrder, type Row, rowsOf } from "./rows.ts";

/** A workflow step the list offers: submit a draft, publish or return a submitted record. */
type Step = "submit" | "publish" | "return";
const stepTo: Record<Step, WorkflowStatus> = { submit: "submitted", publish: "published", return: "draft" };
const stepAction = { submit: "record.submit", publish: "record.publish", return: "record.return" } as const;

/** Rows shown per section at first, and added by "show more": a large import stays quick to read and act on. */
const pageSize = 100;
type Section = "draft" | "submitted";

interface Outcome {
  step: Step;
  done: Row[];
  failed: { row: Row; message: string }[];
}

/**
 * The ministry's records not yet published: its drafts, and what waits for approval. Each may be acted on in bulk,
 * by the steps `authorise` allows this person (an editor submits, an approver publishes or returns); the outcome
 * says how many were done and, for each one refused, the API's reason.
 */
export function DraftsList({
  session,
  party,
  records,
  changeSet,
}: {
  session: Session;
  party: string;
  records: DonorRecords;
  changeSet: number | null;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<{ step: Step; done: number; of: number } | null>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome) outcomeHeading.current?.focus();
  }, [outcome]);

  const [limits, setLimits] = useState<Record<Section, number>>({ draft: pageSize, submitted: pageSize });
  const all = rowsOf(records, lang, t);
  const bySection = (rows: Row[]): Record<Section, Row[]> => ({
    draft: rows.filter((row) => row.status === "draft"),
    submitted: rows.filter((row) => row.status === "submitted"),
  });
  // Who made each record's last change is in its history: read for the rows on screen. Which import wrote a
  // record is there too, so listing one import's records reads every history.
  const unfiltered = bySection(all);
  const wanted =
    changeSet === null
      ? [...unfiltered.draft.slice(0, limits.draft), ...unfiltered.submitted.slice(0, limits.submitted)]
      : all;
  const histories = useQueries({ queries: wanted.map((row) => historyQuery(row.kind, row.id)) });
  const historyOf = new Map<string, VersionEntry[] | undefined>(
    wanted.map((row, i) => [row.key, histories[i]?.data]),
  );
  const read = histories.filter((h) => !h.isPending).length;
  const finding = changeSet !== null && read < wanted.length;
  const rows =
    changeSet === null
      ? all
      : all.filter((row) => historyOf.get(row.key)?.some((v) => v.changeSet === changeSet));
  const sections = bySection(rows);
  const showMore = (section: Section) => setLimits((l) => ({ ...l, [section]: l[section] + pageSize }));

  /** Whether core's rules let this person take a step on the ministry's records in a status. */
  const actor = actorOf(session);
  const may = (step: Step, status: WorkflowStatus) =>
    authorise(actor, stepAction[step], { donor: party, organisation: session.organisation.id, status })
      .allowed;

  async function run(step: Step, selected: Row[], reason?: string) {
    const ordered = inPublishingOrder(selected);
    const result: Outcome = { step, done: [], failed: [] };
    setOutcome(null);
    // One at a time, commitments first: a tranche or event is published only once its commitment is.
    for (const [i, row] of ordered.entries()) {
      setProgress({ step, done: i, of: ordered.length });
      try {
        await moveRecord(session, row.kind, row.id, row.version, stepTo[step], reason);
        result.done.push(row);
      } catch (error) {
        // The API's own message says why this one was refused (a stale version, a commitment not yet published).
        if (error instanceof Error) refreshSessionOn401(queryClient, error);
        result.failed.push({ row, message: error instanceof Error ? error.message : String(error) });
      }
    }
    await queryClient.invalidateQueries({ queryKey: workspaceKey });
    setProgress(null);
    setOutcome(result);
  }

  const busy = progress !== null;
  /** Whether the person may correct the ministry's records in a status (an editor may; an approver only decides). */
  const mayEdit = (status: WorkflowStatus) =>
    authorise(actor, "record.update", { donor: party, organisation: session.organisation.id, status })
      .allowed;

  return (
    <>
      {changeSet !== null ? (
        <p className="workspace-filter" data-change-set={changeSet}>
          {t.list.importFilter(changeSet, rows.length)}{" "}
          <ViewLink params={{ view: "workspace" }}>{t.list.showAll}</ViewLink>
        </p>
      ) : null}
      <p role="status" className="bulk-progress">
        {progress ? t.list.progress[progress.step](progress.done, progress.of) : ""}
      </p>
      {outcome ? (
        <section className="bulk-outcome" aria-labelledby="bulk-outcome-title" data-step={outcome.step}>
          <h2 id="bulk-outcome-title" tabIndex={-1} ref={outcomeHeading}>
            {t.list.outcome[outcome.step](outcome.done.length, outcome.done.length + outcome.failed.length)}
          </h2>
          {outcome.failed.length > 0 ? (
            <>
              <p>{t.list.failuresLead}</p>
              <ul className="bulk-failures">
                {outcome.failed.map(({ row, message }) => (
                  <li key={row.key} data-record={row.key}>
                    {t.list.failure(t.kinds[row.kind], row.label, message)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {finding ? (
        <p aria-busy="true">{t.list.finding(read, wanted.length)}</p>
      ) : (
        <>
          <StatusSection
            status="draft"
            title={t.list.draftsTitle}
            lede={t.list.draftsLede}
            empty={t.list.noDrafts}
            rows={sections.draft.slice(0, limits.draft)}
            total={sections.draft.length}
            onShowMore={() => showMore("draft")}
            steps={may("submit", "draft") ? ["submit"] : []}
            mayEdit={mayEdit("draft")}
            historyOf={historyOf}
            records={records}
            busy={busy}
            onStep={run}
          />
          <StatusSection
            status="submitted"
            title={t.list.submittedTitle}
            lede={t.list.submittedLede}
            empty={t.list.noSubmitted}
            rows={sections.submitted.slice(0, limits.submitted)}
            total={sections.submitted.length}
            onShowMore={() => showMore("submitted")}
            steps={(["publish", "return"] as const).filter((step) => may(step, "submitted"))}
            mayEdit={mayEdit("submitted")}
            historyOf={historyOf}
            records={records}
            busy={busy}
            onStep={run}
          />
        </>
      )}
      <p className="field-hint">{t.list.rulesNote}</p>
      {rows.length > 0 ? (
        <p className="field-hint">{t.list.count(formatInteger(rows.length, lang), rows.length)}</p>
      ) : null}
    </>
  );
}

/** One status's records in a table, with a checkbox each and the steps this person may take on them. */
function StatusSection({
  status,
  title,
  lede,
  empty,
  rows,
  total,
  onShowMore,
  steps,
  mayEdit,
  historyOf,
  records,
  busy,
  onStep,
}: {
  status: Section;
  title: string;
  lede: string;
  empty: string;
  /** The rows shown, of `total`. */
  rows: Row[];
  total: number;
  onShowMore: () => void;
  steps: readonly Step[];
  mayEdit: boolean;
  historyOf: Map<string, VersionEntry[] | undefined>;
  records: DonorRecords;
  busy: boolean;
  onStep: (step: Step, rows: Row[], reason?: string) => Promise<void>;
}) {
  const t = useMessages(messages);
  const r = useMessages(reviewMessages);
  // A bulk publish is confirmed, a bulk return explained, before either is sent; one row at a time, in its review.
  const [asking, setAsking] = useState<"publish" | "return" | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const reviews = steps.includes("publish") || steps.includes("return");
  const lang = useLang();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [nothing, setNothing] = useState(false);
  const selectAll = useRef<HTMLInputElement>(null);
  // Only rows still listed count: a record published meanwhile leaves the selection.
  const chosen = rows.filter((row) => selected.has(row.key));
  const selectable = steps.length > 0;
  const titleId = `workspace-${status}-title`;

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && chosen.length < rows.length;
  }, [chosen.length, rows.length]);

  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  function take(step: Step) {
    if (chosen.length === 0) return setNothing(true);
    setNothing(false);
    if (step === "submit") void act(step, chosen);
    else setAsking(step);
  }

  async function act(step: Step, rows: Row[], reason?: string) {
    setAsking(null);
    await onStep(step, rows, reason);
    setSelected(new Set());
  }
  const columns = 6 + (selectable ? 1 : 0) + (mayEdit || reviews ? 1 : 0);

  return (
    <section className={`workspace-section workspace-${status}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="lede">{lede}</p>
      {rows.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <>
          {selectable ? (
            <div className="button-row bulk-actions">
              {steps.map((step) => (
                <button
                  key={step}
                  type="button"
                  className={step === "return" ? "button button-secondary" : "button"}
                  disabled={busy}
                  onClick={() => take(step)}
                >
                  {t.list.steps[step](chosen.length)}
                </button>
              ))}
            </div>
          ) : null}
          {asking === "publish" ? (
            <ConfirmStep
              text={r.confirmPublish(chosen.length)}
              confirm={r.confirmPublishButton(chosen.length)}
              busy={busy}
              onConfirm={() => void act("publish", chosen)}
              onCancel={() => setAsking(null)}
            />
          ) : asking === "return" ? (
            <ReasonStep
              label={r.reasonLabel(chosen.length)}
              hint={r.reasonHint}
              error={r.reasonError}
              submit={r.confirmReturn(chosen.length)}
              busy={busy}
              onSubmit={(reason) => void act("return", chosen, reason)}
              onCancel={() => setAsking(null)}
            />
          ) : null}
          {nothing ? (
            <p className="field-error" role="alert">
              {t.list.nothingSelected}
            </p>
          ) : null}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, by keyboard too */}
          <section className="table-scroll" tabIndex={0} aria-labelledby={`${titleId}-caption`}>
            <table className="data-table workspace-table">
              <caption id={`${titleId}-caption`}>
                {t.list.caption(formatInteger(rows.length, lang), formatInteger(total, lang), total)}
              </caption>
              <thead>
                <tr>
                  {selectable ? (
                    <th scope="col" className="select">
                      <input
                        ref={selectAll}
                        type="checkbox"
                        aria-label={t.list.selectAll(title)}
                        checked={chosen.length === rows.length}
                        onChange={(event) =>
                          setSelected(event.target.checked ? new Set(rows.map((r) => r.key)) : new Set())
                        }
                      />
                    </th>
                  ) : null}
                  <th scope="col">{t.list.columns.record}</th>
                  <th scope="col" className="num">
                    {t.list.columns.measure}
                  </th>
                  <th scope="col">{t.list.columns.status}</th>
                  <th scope="col" className="num">
                    {t.list.columns.version}
                  </th>
                  <th scope="col">{t.list.columns.lastChange}</th>
                  <th scope="col">{t.list.columns.by}</th>
                  {mayEdit || reviews ? <th scope="col">{t.list.columns.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const versions = historyOf.get(row.key);
                  const returned = row.status === "draft" ? lastReturn(versions) : null;
                  const open = reviewing === row.key;
                  const panelId = `review-panel-${row.kind}-${row.id}`;
                  return (
                    <Fragment key={row.key}>
                      <tr data-record={row.key} data-status={row.status}>
                        {selectable ? (
                          <td className="select">
                            <input
                              type="checkbox"
                              aria-label={t.list.select(t.kinds[row.kind], row.label)}
                              checked={selected.has(row.key)}
                              onChange={(event) => toggle(row.key, event.target.checked)}
                            />
                          </td>
                        ) : null}
                        <th scope="row">
                          <span className="record-kind">{t.kinds[row.kind]}</span> {row.label}
                          {returned ? (
                            <p className="returned-note">
                              {returned.reason
                                ? r.returnedBy(
                                    returned.actor,
                                    formatMoment(lang, returned.recordedAt),
                                    returned.reason,
                                  )
                                : r.returnedNoReason(returned.actor, formatMoment(lang, returned.recordedAt))}
                            </p>
                          ) : null}
                        </th>
                        <td className="num">{formatMeasureIn(lang, row.measure)}</td>
                        <td>
                          <span className={`status status-${row.status}`}>{t.statuses[row.status]}</span>
                        </td>
                        <td className="num">{formatInteger(row.version, lang)}</td>
                        <td>
                          <time dateTime={row.recordedAt}>{formatMoment(lang, row.recordedAt)}</time>
                        </td>
                        <td>
                          {versions ? (versions.at(-1)?.actor ?? "—") : <span aria-busy="true">…</span>}
                        </td>
                        {reviews ? (
                          <td>
                            <button
                              type="button"
                              className="button button-secondary"
                              aria-expanded={open}
                              aria-controls={panelId}
                              aria-label={open ? r.closeReview : r.reviewOf(t.kinds[row.kind], row.label)}
                              onClick={() => setReviewing(open ? null : row.key)}
                            >
                              {open ? r.closeReview : r.review}
                            </button>
                          </td>
                        ) : mayEdit ? (
                          <td>
                            <ViewLink
                              params={{ view: "workspace", form: row.kind, id: row.id }}
                              aria-label={t.list.edit(t.kinds[row.kind], row.label)}
                            >
                              {t.list.editShort}
                            </ViewLink>
                          </td>
                        ) : null}
                      </tr>
                      {open ? (
                        <tr className="review-row" id={panelId}>
                          <td colSpan={columns}>
                            <ReviewPanel
                              row={row}
                              records={records}
                              mayPublish={steps.includes("publish")}
                              mayReturn={steps.includes("return")}
                              busy={busy}
                              onDecide={(step, reason) => void act(step, [row], reason)}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </section>
          {rows.length < total ? (
            <p>
              <button type="button" className="button button-secondary" onClick={onShowMore}>
                {t.list.showMore(Math.min(pageSize, total - rows.length))}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
