import { Fragment, useEffect, useRef, useState } from "react";
import { formatInteger, formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ConfirmStep, ReasonStep } from "./Decision.tsx";
import { messages } from "./messages.ts";
import type { DonorRecords, VersionEntry } from "./queries.ts";
import { ReviewPanel } from "./ReviewPanel.tsx";
import { lastReturn } from "./review.ts";
import { reviewMessages } from "./review-messages.ts";
import { formatMeasureIn, type Row } from "./rows.ts";

/** A step the list offers: submit or delete a draft, publish or return a submitted record. */
export type Step = "submit" | "publish" | "return" | "delete";

/** Rows shown per section at first, and added by "show more": a large import stays quick to read and act on. */
export const pageSize = 100;
export type Section = "draft" | "submitted";

/** One status's records in a table, with a checkbox each and the steps this person may take on them. */
export function StatusSection({
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
  const [asking, setAsking] = useState<"publish" | "return" | "delete" | null>(null);
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
                  className={step === "return" || step === "delete" ? "button button-secondary" : "button"}
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
          ) : asking === "delete" ? (
            <ConfirmStep
              text={t.list.confirmDelete(chosen.length)}
              confirm={t.list.confirmDeleteButton(chosen.length)}
              busy={busy}
              onConfirm={() => void act("delete", chosen)}
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
                            </ViewLink>{" "}
                            <ViewLink
                              params={{ view: "workspace", form: row.kind, copy: row.id }}
                              aria-label={t.list.copy(t.kinds[row.kind], row.label)}
                            >
                              {t.list.copyShort}
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
