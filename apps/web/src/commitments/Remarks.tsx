import { formatMeasure, formatPartialDate } from "../format.ts";
import { SourceList } from "../ladder/SourceList.tsx";

interface Measure {
  kind: "money" | "quantity";
}
interface By {
  name: string;
}
interface Dispute {
  id: string;
  status: "open" | "upheld" | "rejected" | "withdrawn";
  statement: string;
  figure?: Parameters<typeof formatMeasure>[0] & Measure;
  sources: Parameters<typeof SourceList>[0]["sources"];
  resolution?: string;
  by: By;
}
interface Confirmation {
  id: string;
  received?: string;
  note?: string;
  by: By;
}

const outcome: Record<Dispute["status"], string> = {
  open: "Open dispute",
  upheld: "Dispute upheld",
  rejected: "Dispute rejected",
  withdrawn: "Dispute withdrawn",
};

/**
 * What others say of a figure: each dispute with the disputing organisation's own figure beside the recorded
 * one, and the recipient's confirmations of receipt. Open disputes come first and are marked.
 */
export function Remarks({
  disputes,
  confirmations = [],
}: {
  disputes: Dispute[];
  confirmations?: Confirmation[];
}) {
  if (disputes.length === 0 && confirmations.length === 0) return null;
  const ordered = [...disputes].sort((a, b) => Number(b.status === "open") - Number(a.status === "open"));
  return (
    <ul className="remarks">
      {ordered.map((d) => (
        <li key={d.id} className={d.status === "open" ? "remark remark-open" : "remark"} data-dispute={d.id}>
          <strong>{outcome[d.status]}</strong> by {d.by.name}
          {d.figure ? (
            <>
              : their figure{" "}
              <span className="num disputed-figure">{formatMeasure(d.figure, { exact: true })}</span>
            </>
          ) : null}
          . <q>{d.statement}</q>
          {d.resolution ? <span className="note"> Resolution: {d.resolution}</span> : null}
          <SourceList sources={d.sources} />
        </li>
      ))}
      {confirmations.map((c) => (
        <li key={c.id} className="remark remark-confirmed" data-confirmation={c.id}>
          <strong>Receipt confirmed</strong> by {c.by.name}
          {c.received ? (
            <>
              {" "}
              on <time dateTime={c.received}>{formatPartialDate(c.received)}</time>
            </>
          ) : null}
          {c.note ? <span className="note"> {c.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
