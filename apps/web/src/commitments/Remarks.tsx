import type { Measure } from "@commitments/core";
import { useState } from "react";
import { formatMeasure, formatPartialDate } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { useRemarker } from "./abilities.ts";
import { CloseDispute } from "./CloseDispute.tsx";
import { messages } from "./messages.ts";
import type { AnnotationView, ConfirmationView, DisputeView } from "./remarkViews.ts";
import { SourceList } from "./SourceList.tsx";

/**
 * What others say of a figure: each dispute with the disputing organisation's own figure beside the recorded
 * one, the recipient's confirmations of receipt, and analysts' notes. Open disputes come first and are marked;
 * whoever may withdraw or resolve one finds the button beside it.
 */
export function Remarks({
  commitmentId,
  recorded,
  disputes,
  confirmations = [],
  annotations = [],
}: {
  commitmentId: string;
  /** The figure of the record spoken of, shown beside each disputing figure. */
  recorded?: Measure | undefined;
  disputes: readonly DisputeView[];
  confirmations?: readonly ConfirmationView[];
  annotations?: readonly AnnotationView[];
}) {
  const t = useMessages(messages).remarks;
  const lang = useLang();
  const [notice, setNotice] = useState("");
  if (disputes.length === 0 && confirmations.length === 0 && annotations.length === 0) return null;
  const ordered = [...disputes].sort((a, b) => Number(b.status === "open") - Number(a.status === "open"));
  return (
    <>
      <ul className="remarks">
        {ordered.map((d) => (
          <DisputeItem
            key={d.id}
            dispute={d}
            recorded={recorded}
            commitmentId={commitmentId}
            onClosed={setNotice}
          />
        ))}
        {confirmations.map((c) => (
          <li key={c.id} className="remark remark-confirmed" data-confirmation={c.id}>
            <strong>{t.receiptConfirmed}</strong>{" "}
            {t.confirmedBy(c.by.name, c.received ? formatPartialDate(c.received, lang) : undefined)}
            {c.note ? <span className="note"> {c.note}</span> : null}
          </li>
        ))}
        {annotations.map((a) => (
          <li key={a.id} className="remark remark-note" data-annotation={a.id}>
            <strong>{t.note}</strong> {t.by(a.by.name)}: {a.text}
            {a.sources ? <SourceList sources={a.sources} /> : null}
          </li>
        ))}
      </ul>
      <p role="status" className="remark-notice">
        {notice}
      </p>
    </>
  );
}

function DisputeItem({
  dispute: d,
  recorded,
  commitmentId,
  onClosed,
}: {
  dispute: DisputeView;
  recorded: Measure | undefined;
  commitmentId: string;
  onClosed: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const remarker = useRemarker();
  const [closing, setClosing] = useState<"withdraw" | "resolve" | null>(null);
  const open = d.status === "open";
  const mayWithdraw = open && remarker.mayWithdraw(d.organisation);
  const mayResolve = open && remarker.mayResolve(d.organisation);
  return (
    <li className={open ? "remark remark-open" : "remark"} data-dispute={d.id}>
      <strong>{t.remarks.outcome[d.status]}</strong> {t.remarks.by(d.by.name)}
      {d.figure ? (
        // Both figures side by side: the record's as the donor gave it, and the disputing organisation's own.
        <dl className="figure-pair">
          {recorded ? (
            <div>
              <dt>{t.remarks.recorded}</dt>
              <dd className="num recorded-figure">{formatMeasure(recorded, { exact: true, lang })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.remarks.theirs(d.by.name)}</dt>
            <dd className="num disputed-figure">{formatMeasure(d.figure, { exact: true, lang })}</dd>
          </div>
        </dl>
      ) : null}{" "}
      <q className="statement">{d.statement}</q>
      {d.resolution ? (
        <span className="note">
          {" "}
          {t.remarks.resolution} {d.resolution}
        </span>
      ) : null}
      <SourceList sources={d.sources} />
      {closing ? (
        <CloseDispute
          mode={closing}
          dispute={d}
          commitmentId={commitmentId}
          onCancel={() => setClosing(null)}
          onDone={() => {
            setClosing(null);
            onClosed(t.actions.closed);
          }}
        />
      ) : mayWithdraw || mayResolve ? (
        <p className="button-row">
          {mayWithdraw ? (
            <button type="button" className="button button-secondary" onClick={() => setClosing("withdraw")}>
              {t.remarks.withdraw}
            </button>
          ) : null}
          {mayResolve ? (
            <button type="button" className="button button-secondary" onClick={() => setClosing("resolve")}>
              {t.remarks.resolve}
            </button>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}
