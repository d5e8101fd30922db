import { useEffect, useRef } from "react";
import type { Session } from "../api.ts";
import { formatInteger } from "../format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { ViewLink } from "../ViewLink.tsx";
import { messages } from "./messages.ts";
import type { ImportReport, Upload } from "./upload.ts";

type Problem = ImportReport["problems"][number];
type ReportMessages = (typeof messages)["en"]["report"];

function headline(report: ImportReport, t: ReportMessages): string {
  switch (report.status) {
    case "dry_run":
      return t.dryRun;
    case "refused":
      return t.refused;
    case "imported":
      return t.imported(report.changeSet);
    case "unchanged":
      return t.unchanged;
  }
}

const kinds = ["commitments", "tranches", "events"] as const;

/** What the API answered: the outcome in words, the records per kind, and every problem and warning by row. */
export function ImportReportView({
  report,
  request,
  session,
}: {
  report: ImportReport;
  request: Upload;
  session: Session;
}) {
  const all = useMessages(messages);
  const t = all.report;
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // The outcome replaces the progress: move there, so a screen reader says it and the eye finds it.
  useEffect(() => heading.current?.focus(), []);
  const dryRun = report.status === "dry_run";
  const published = session.roles.includes("administrator");
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-status={report.status}>
      <h2 id="import-report-title" tabIndex={-1} ref={heading}>
        {headline(report, t)}
      </h2>
      <p>
        {t.summary(
          request.file.name,
          all.formats[request.format.id as keyof typeof all.formats] ?? request.format.label,
          report.rows,
          report.problemCount,
          report.warningCount,
        )}{" "}
        {dryRun
          ? report.problemCount > 0
            ? t.wouldBeRefused
            : t.wouldWrite
          : report.status === "refused"
            ? t.correctAndRetry
            : null}
      </p>
      {report.status === "imported" ? (
        <p>
          {published ? t.published : t.drafts} <ViewLink params={{}}>{t.seeAll}</ViewLink>
          {t.orThe} <a href="#recent-imports-title">{t.recent}</a>.
        </p>
      ) : null}
      {report.status === "imported" && !published && report.changeSet !== null ? (
        // The drafts just written, listed in the workspace by the change set that wrote them.
        <p className="import-next">
          <ViewLink className="button" params={{ view: "workspace", changeSet: String(report.changeSet) }}>
            {t.review}
          </ViewLink>
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table import-counts">
          <caption>{t.countsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col" className="num">
                {t.inFile}
              </th>
              <th scope="col" className="num">
                {dryRun ? t.wouldBeNew : t.new}
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{t.kinds[kind]}</th>
                <td className="num">{formatInteger(report.records[kind].total, lang)}</td>
                <td className="num">{formatInteger(report.records[kind].new, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.problems.length > 0 ? (
        <ProblemTable
          id="import-problems"
          kind="problems"
          listed={report.problems}
          total={report.problemCount}
        />
      ) : null}
      {report.warnings.length > 0 ? (
        <ProblemTable
          id="import-warnings"
          kind="warnings"
          listed={report.warnings}
          total={report.warningCount}
        />
      ) : null}
    </section>
  );
}

/** Every problem (or warning) the API listed, in file order: up to 10,000, in a table that scrolls on its own. */
function ProblemTable({
  id,
  kind,
  listed,
  total,
}: {
  id: string;
  kind: "problems" | "warnings";
  listed: Problem[];
  total: number;
}) {
  const t = useMessages(messages).report;
  const lang = useLang();
  return (
    // Focusable, so the table can be scrolled with the keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll table-tall" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className={`data-table import-${kind}`} id={id}>
        <caption id={`${id}-caption`}>{t.caption(kind, total, listed.length)}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.row}
            </th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{kind === "problems" ? t.problem : t.warning}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((p, i) => (
            // One row may have several problems, even in one column: the position keeps keys apart.
            <tr key={i} data-row={p.row} data-column={p.column ?? ""}>
              <td className="num">{p.row === 0 ? t.wholeFile : formatInteger(p.row, lang)}</td>
              <td>{p.column ? <code>{p.column}</code> : "—"}</td>
              <td className="import-value">{p.value ?? ""}</td>
              <td className="import-message">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
