import { useState } from "react";
import { useMessages } from "../i18n/index.ts";
import { ConfirmStep, ReasonStep } from "./Decision.tsx";
import { messages } from "./messages.ts";
import type { DonorRecords } from "./queries.ts";
import { RecordFacts, recordOf, useNamer } from "./RecordReview.tsx";
import { reviewMessages } from "./review-messages.ts";
import type { Row } from "./rows.ts";

/**
 * A submitted record opened for review: what the public will read, then the decision, publish (once confirmed) or
 * return (with a reason the editor will read).
 */
export function ReviewPanel({
  row,
  records,
  mayPublish,
  mayReturn,
  busy,
  onDecide,
}: {
  row: Row;
  records: DonorRecords;
  mayPublish: boolean;
  mayReturn: boolean;
  busy: boolean;
  onDecide: (step: "publish" | "return", reason?: string) => void;
}) {
  const t = useMessages(reviewMessages);
  const w = useMessages(messages);
  const names = useNamer(records);
  const [asking, setAsking] = useState<"publish" | "return" | null>(null);
  const record = recordOf(records, row.kind, row.id);
  const titleId = `review-${row.kind}-${row.id}`;
  return (
    <section className="review-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.reviewTitle(w.kinds[row.kind], row.label)}</h3>
      {record ? <RecordFacts record={record} names={names} /> : null}
      {asking === "publish" ? (
        <ConfirmStep
          text={t.confirmPublish(1)}
          confirm={t.confirmPublishButton(1)}
          busy={busy}
          onConfirm={() => onDecide("publish")}
          onCancel={() => setAsking(null)}
        />
      ) : asking === "return" ? (
        <ReasonStep
          label={t.reasonLabel(1)}
          hint={t.reasonHint}
          error={t.reasonError}
          submit={t.confirmReturn(1)}
          busy={busy}
          onSubmit={(reason) => onDecide("return", reason)}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className="button-row">
          {mayPublish ? (
            <button type="button" className="button" disabled={busy} onClick={() => setAsking("publish")}>
              {t.publish}
            </button>
          ) : null}
          {mayReturn ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setAsking("return")}
            >
              {t.return}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
