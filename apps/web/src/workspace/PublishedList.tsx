import { authorise } from "@commitments/core/access";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { actorOf } from "../account/access.ts";
import { refreshSessionOn401, type Session } from "../api.ts";
import { formatInteger, formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ReasonStep } from "./Decision.tsx";
import { type ProposalRead, retractRecord, returnedProposalsQuery } from "./decisions.ts";
import { messages } from "./messages.ts";
import { type DonorRecords, workspaceKey } from "./queries.ts";
import { returnedProposal, returnedProposalNote } from "./review.ts";
import { reviewMessages } from "./review-messages.ts";
import { formatMeasureIn, type Row, rowsOf } from "./rows.ts";

/** Rows shown at first, and added by "show more", as in the sections of drafts. */
const pageSize = 100;

/**
 * The ministry's published records, where an editor corrects one (the record's form, whose save becomes a proposal)
 * or retracts it (with a reason, also a proposal); a record with a proposal waiting says so, and one whose last
 * proposal its approver returned says by whom, when and why, until a newer proposal is made or the record changes.
 */
export function PublishedList({
  session,
  party,
  records,
  proposals,
}: {
  session: Session;
  party: string;
  records: DonorRecords;
  /** The organisation's proposals that wait for its approver. */
  proposals: readonly ProposalRead[];
}) {
  const t = useMessages(messages);
  const r = useMessages(reviewMessages);
  const lang = useLang();
  const queryClient = useQueryClient();
  const [limit, setLimit] = useState(pageSize);
  const [retracting, setRetracting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ key: string; text: string; failed: boolean } | null>(null);
  const all = rowsOf(records, lang, t, "published");
  const rows = all.slice(0, limit);
  const pending = new Map(proposals.map((p) => [`${p.target.kind}:${p.target.id}`, p]));
  // Returned proposals: the last one proposed for a record, with the waiting ones, says whether it still stands.
  const returned = useQuery(returnedProposalsQuery);
  const decided = [...proposals, ...(returned.data ?? [])];
  const mayPropose = authorise(actorOf(session), "record.propose", {
    donor: party,
    status: "published",
  }).allowed;
  const columns = mayPropose ? 5 : 4;

  async function retract(row: Row, reason: string) {
    setBusy(true);
    try {
      await retractRecord(session, row.kind, row.id, row.version, reason);
      setSaid({ key: row.key, text: r.retracted(row.label), failed: false });
      setRetracting(null);
      await queryClient.invalidateQueries({ queryKey: workspaceKey });
    } catch (error) {
      if (error instanceof Error) refreshSessionOn401(queryClient, error);
      setSaid({
        key: row.key,
        // A commitment with live tranches or events cannot go first: said in words, not the API's ids.
        text: r.failed(sayRefusal(error, lang)),
        failed: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="workspace-section workspace-published" aria-labelledby="workspace-published-title">
      <h2 id="workspace-published-title">{r.publishedTitle}</h2>
      <p className="lede">{r.publishedLede}</p>
      <p role="status" className={said?.failed ? "field-error" : undefined}>
        {said?.text ?? ""}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{r.noPublished}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, by keyboard too */}
          <section className="table-scroll" tabIndex={0} aria-labelledby="workspace-published-caption">
            <table className="data-table workspace-table">
              <caption id="workspace-published-caption">
                {t.list.caption(
                  formatInteger(rows.length, lang),
                  formatInteger(all.length, lang),
                  all.length,
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.list.columns.record}</th>
                  <th scope="col" className="num">
                    {t.list.columns.measure}
                  </th>
                  <th scope="col" className="num">
                    {t.list.columns.version}
                  </th>
                  <th scope="col">{t.list.columns.lastChange}</th>
                  {mayPropose ? <th scope="col">{t.list.columns.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const proposal = pending.get(row.key);
                  const sentBack = proposal ? null : returnedProposal(row, decided);
                  const open = retracting === row.key;
                  return (
                    <Fragment key={row.key}>
                      <tr data-record={row.key} data-status={row.status}>
                        <th scope="row">
                          <span className="record-kind">{t.kinds[row.kind]}</span> {row.label}
                          {proposal ? (
                            <p className="awaiting-note">
                              <span className="status status-submitted">
                                {r.awaiting(r.proposalKinds[proposal.kind])}
                              </span>
                            </p>
                          ) : null}
                          {sentBack ? (
                            <p className="returned-note">{returnedProposalNote(sentBack, r, lang)}</p>
                          ) : null}
                        </th>
                        <td className="num">{formatMeasureIn(lang, row.measure)}</td>
                        <td className="num">{formatInteger(row.version, lang)}</td>
                        <td>
                          <time dateTime={row.recordedAt}>{formatMoment(lang, row.recordedAt)}</time>
                        </td>
                        {mayPropose ? (
                          <td className="row-actions">
                            <ViewLink
                              params={{ view: "workspace", form: row.kind, id: row.id }}
                              aria-label={r.correctOf(t.kinds[row.kind], row.label)}
                            >
                              {r.correct}
                            </ViewLink>{" "}
                            <ViewLink
                              params={{ view: "workspace", form: row.kind, copy: row.id }}
                              aria-label={t.list.copy(t.kinds[row.kind], row.label)}
                            >
                              {t.list.copyShort}
                            </ViewLink>{" "}
                            <button
                              type="button"
                              className="button button-secondary"
                              aria-label={r.retractOf(t.kinds[row.kind], row.label)}
                              aria-expanded={open}
                              disabled={busy}
                              onClick={() => setRetracting(open ? null : row.key)}
                            >
                              {r.retract}
                            </button>
                          </td>
                        ) : null}
                      </tr>
                      {open ? (
                        <tr className="review-row">
                          <td colSpan={columns}>
                            <ReasonStep
                              label={r.retractReasonLabel}
                              hint={r.retractReasonHint}
                              error={r.retractReasonError}
                              submit={r.confirmRetract}
                              busy={busy}
                              onSubmit={(reason) => void retract(row, reason)}
                              onCancel={() => setRetracting(null)}
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
          {rows.length < all.length ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setLimit((l) => l + pageSize)}
              >
                {t.list.showMore(Math.min(pageSize, all.length - rows.length))}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
