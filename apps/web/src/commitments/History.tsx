import { useQueries } from "@tanstack/react-query";
import type { CommitmentDetail } from "../api.ts";
import { formatPartialDate, formatTimestamp } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { usePartyName } from "../i18n/names.ts";
import { sayRefusal } from "../problems.ts";
import type { Namer } from "../workspace/review.ts";
import { reviewMessages } from "../workspace/review-messages.ts";
import { historyChanges } from "./history-words.ts";
import { stageLabel } from "./labels.ts";
import { type Messages, messages } from "./messages.ts";
import { type HistoryKind, historyQuery } from "./queries.ts";
import { ScrollBox } from "./ScrollBox.tsx";

type Detail = CommitmentDetail["data"];

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** One version of one record, as a row of the history. */
interface Row {
  key: string;
  /** commitment, tranche or event; or dispute, confirmation or annotation for a remark on one. */
  kind: string;
  record: string;
  version: number;
  action: keyof Messages["history"]["actions"];
  recordedAt: string;
  actor: string;
  reason: string | null;
  changeSet: number;
  changes: Change[];
}

/**
 * The commitment's whole story: every version of the commitment, of each tranche and stage event, and of the
 * disputes, confirmations and notes on them, newest first, with who recorded it, in which change set, and why.
 * Each record's history comes from its own GET …/{id}/history.
 */
export function History({ detail }: { detail: Detail }) {
  const t = useMessages(messages);
  const lang = useLang();
  const date = (value: string) => formatPartialDate(value, lang);
  const partyName = usePartyName();
  const review = useMessages(reviewMessages);
  const names: Namer = {
    lang,
    party: partyName,
    // The one commitment a part's history can name: this page's.
    commitment: (id) => (id === detail.commitment.id ? detail.commitment.title : id),
    none: t.history.empty,
    position: review.position,
  };
  const records: { kind: HistoryKind; id: string; label: string }[] = [
    { kind: "commitment", id: detail.commitment.id, label: t.history.kinds.commitment },
    ...detail.schedule.map((tranche) => ({
      kind: "tranche" as const,
      id: tranche.id,
      label: t.history.kinds.tranche(date(tranche.due)),
    })),
    ...detail.events.map((event) => ({
      kind: "event" as const,
      id: event.id,
      label: t.history.kinds.event(stageLabel(event.stage, event.measure, lang), date(event.date)),
    })),
  ];
  const histories = useQueries({ queries: records.map((r) => historyQuery(r.kind, r.id)) });

  const error = histories.find((h) => h.error)?.error;
  const rows: Row[] = records.flatMap((record, i) => {
    const history = histories[i]?.data;
    if (!history) return [];
    return [
      ...history.versions.map((v) => ({
        ...v,
        key: `${record.kind}-${record.id}-${v.version}`,
        kind: record.kind,
        record: record.label,
        actor: v.published ? t.history.publishedProposal(v.published.by, v.published.of) : v.actor,
        reason: v.confirmedReceipt ? t.remarks.receiptConfirmed : v.reason,
      })),
      ...history.remarks.map((r) => ({
        ...r,
        key: `${r.kind}-${r.id}-${r.version}`,
        record: `${t.history.kinds[r.kind]} — ${record.label}`,
      })),
    ];
  });
  rows.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.changeSet - a.changeSet);

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t.history.title}</h2>
      <p className="fulfilment-basis">{t.history.lede}</p>
      {error ? <p role="alert">{t.history.failed(sayRefusal(error, lang))}</p> : null}
      {rows.length === 0 && !error ? (
        <p aria-busy="true">{t.history.loading}</p>
      ) : (
        <ScrollBox labelledBy="history-caption">
          <table className="data-table history-table">
            <caption id="history-caption">{t.history.caption(rows.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.history.when}</th>
                <th scope="col">{t.history.record}</th>
                <th scope="col">{t.history.who}</th>
                <th scope="col">{t.history.change}</th>
                <th scope="col">{t.history.why}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-history={row.key}>
                  <td>
                    <time dateTime={row.recordedAt}>{formatTimestamp(row.recordedAt, lang)}</time>
                    <span className="note">{t.history.changeSet(row.changeSet)}</span>
                  </td>
                  <th scope="row">
                    {row.record}
                    <span className="note">
                      {t.history.version(row.version)} · {t.history.actions[row.action]}
                    </span>
                  </th>
                  <td>{row.actor}</td>
                  <td>
                    <Changes row={row} names={names} />
                  </td>
                  <td>{row.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

/** What a version changed, field by field in the reader's words (see `historyChanges`). */
function Changes({ row, names }: { row: Row; names: Namer }) {
  const t = useMessages(messages).history;
  // A record's fields are labelled as the approver's review labels them; a remark's, here.
  const labels: Record<string, string> = { ...useMessages(reviewMessages).fields, ...t.fields };
  if (row.action === "create") return <>{t.firstVersion}</>;
  const changes = historyChanges(row.kind, row.changes, names);
  if (changes.length === 0) return <>{t.noChange}</>;
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.field}>
          {labels[change.field]}: {change.before} → {change.after}
        </li>
      ))}
    </ul>
  );
}
