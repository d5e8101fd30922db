import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { refreshSessionOn401, type Session } from "../api.ts";
import { formatMoment } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { refusalIn, sayRefusal } from "../problems.ts";
import { ReasonStep } from "./Decision.tsx";
import { decideProposal, type ProposalRead, proposalQuery } from "./decisions.ts";
import { messages } from "./messages.ts";
import { type DonorRecords, workspaceKey } from "./queries.ts";
import { ChangesTable, useNamer } from "./RecordReview.tsx";
import { reviewMessages } from "./review-messages.ts";
import { rowsOf } from "./rows.ts";

/**
 * The corrections and retractions of published records that wait for the approver: each opened to see what it
 * changes, field by field, then published (the reason asked with what becomes public) or returned with a reason.
 */
export function ProposalsList({
  session,
  records,
  proposals,
}: {
  session: Session;
  records: DonorRecords;
  proposals: readonly ProposalRead[];
}) {
  const t = useMessages(messages);
  const r = useMessages(reviewMessages);
  const lang = useLang();
  const [open, setOpen] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const labels = new Map(rowsOf(records, lang, t, "published").map((row) => [row.key, row.label]));
  const sorted = [...proposals].sort((a, b) => a.proposed.at.localeCompare(b.proposed.at));
  return (
    <section className="workspace-section workspace-proposals" aria-labelledby="workspace-proposals-title">
      <h2 id="workspace-proposals-title">{r.proposalsTitle}</h2>
      <p className="lede">{r.proposalsLede}</p>
      <p role="status" className={said?.failed ? "field-error" : undefined}>
        {said?.text ?? ""}
      </p>
      {sorted.length === 0 ? (
        <p className="empty-state">{r.noProposals}</p>
      ) : (
        <ul className="proposal-list">
          {sorted.map((p) => {
            const key = `${p.target.kind}:${p.target.id}`;
            const title = r.proposalOf(
              r.proposalKinds[p.kind],
              t.kinds[p.target.kind],
              labels.get(key) ?? r.none,
            );
            const isOpen = open === p.id;
            const panelId = `proposal-panel-${p.id}`;
            return (
              <li key={p.id} data-proposal={p.id} data-record={key}>
                <h3>{title}</h3>
                <p>{r.proposedBy(p.proposed.by, formatMoment(lang, p.proposed.at), p.reason)}</p>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={isOpen}
                  aria-controls={panelId}
                  aria-label={isOpen ? r.closeReview : `${r.review}: ${title}`}
                  onClick={() => setOpen(isOpen ? null : p.id)}
                >
                  {isOpen ? r.closeReview : r.review}
                </button>
                {isOpen ? (
                  <div id={panelId}>
                    <ProposalReview
                      session={session}
                      proposal={p}
                      records={records}
                      onDone={(text, failed) => {
                        setSaid({ text, failed });
                        if (!failed) setOpen(null);
                      }}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** One proposal's changes against the published record, and the decision on it. */
function ProposalReview({
  session,
  proposal,
  records,
  onDone,
}: {
  session: Session;
  proposal: ProposalRead;
  records: DonorRecords;
  onDone: (text: string, failed: boolean) => void;
}) {
  const r = useMessages(reviewMessages);
  const lang = useLang();
  const names = useNamer(records);
  const queryClient = useQueryClient();
  const detail = useQuery(proposalQuery(proposal.id));
  const [asking, setAsking] = useState<"published" | "returned" | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(status: "published" | "returned", reason: string) {
    setBusy(true);
    try {
      await decideProposal(session, proposal.id, status, reason);
      onDone(r.proposalOutcome[status], false);
      await queryClient.invalidateQueries({ queryKey: workspaceKey });
    } catch (error) {
      if (error instanceof Error) refreshSessionOn401(queryClient, error);
      // A record changed since the proposal: publishing it is refused for good, so the approver is told to return it.
      const stale = refusalIn(error)?.status === 412;
      onDone(stale ? r.notCurrent : r.failed(sayRefusal(error, lang)), true);
    } finally {
      setBusy(false);
    }
  }

  if (detail.error) return <p role="alert">{r.failed(sayRefusal(detail.error, lang))}</p>;
  if (!detail.data) return <p aria-busy="true">{r.loading}</p>;
  const { changes, current } = detail.data;
  return (
    <div className="review-panel">
      {proposal.kind === "retraction" ? (
        <p>{r.retractionNote}</p>
      ) : (
        <ChangesTable changes={changes} names={names} />
      )}
      {current ? null : <p className="field-error">{r.notCurrent}</p>}
      {asking === "published" ? (
        <ReasonStep
          lead={r.confirmProposal(proposal.kind)}
          label={r.publishReasonLabel}
          hint={r.publishReasonHint}
          error={r.publishReasonError}
          submit={r.confirmPublishButton(1)}
          busy={busy}
          onSubmit={(reason) => void decide("published", reason)}
          onCancel={() => setAsking(null)}
        />
      ) : asking === "returned" ? (
        <ReasonStep
          label={r.reasonLabel(1)}
          hint={r.proposalReturnHint}
          error={r.reasonError}
          submit={r.confirmReturnProposal}
          busy={busy}
          onSubmit={(reason) => void decide("returned", reason)}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className="button-row">
          {current ? (
            <button type="button" className="button" onClick={() => setAsking("published")}>
              {r.publish}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => setAsking("returned")}>
            {r.returnProposal}
          </button>
        </div>
      )}
    </div>
  );
}
