import { useEffect, useRef } from "react";
import type { Session } from "../api.ts";
import { ViewLink } from "../ViewLink.tsx";
import type { ImportReport, Upload } from "./upload.ts";

type Problem = ImportReport["problems"][number];

const count = (n: number) => new Intl.NumberFormat("en-GB").format(n);
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

function headline(report: ImportReport): string {
  switch (report.status) {
    case "dry_run":
      return "Dry run: nothing written";
    case "refused":
      return "Refused: nothing written";
    case "imported":
      return `Imported as change set ${report.changeSet}`;
    case "unchanged":
      return "Unchanged: every record is already there";
  }
}

const kinds = [
  ["commitments", "Commitments"],
  ["tranches", "Tranches (schedule)"],
  ["events", "Stage events"],
] as const;

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
  const heading = useRef<HTMLHeadingElement>(null);
  // The outcome replaces the progress: move there, so a screen reader says it and the eye finds it.
  useEffect(() => heading.current?.focus(), []);
  const dryRun = report.status === "dry_run";
  const published = session.roles.includes("administrator");
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-status={report.status}>
      <h2 id="import-report-title" tabIndex={-1} ref={heading}>
        {headline(report)}
      </h2>
      <p>
        {request.file.name} ({request.format.label}): {plural(report.rows, "row", "rows")} read,{" "}
        {report.problemCount === 0 ? "no problems" : plural(report.problemCount, "problem", "problems")},{" "}
        {report.warningCount === 0 ? "no warnings" : plural(report.warningCount, "warning", "warnings")}.{" "}
        {dryRun
          ? report.problemCount > 0
            ? "Importing it as it is would be refused: correct the rows below first."
            : "Importing it would write the new records counted below."
          : report.status === "refused"
            ? "Correct the rows below and upload the file again."
            : null}
      </p>
      {report.status === "imported" ? (
        <p>
          {published
            ? "The records are published: "
            : "The records are your organisation's drafts, out of public view until they are published: "}
          <ViewLink params={{}}>see all commitments</ViewLink>, or the{" "}
          <a href="#recent-imports-title">recent imports</a>.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table import-counts">
          <caption>Records in the file</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                In the file
              </th>
              <th scope="col" className="num">
                {dryRun ? "Would be new" : "New"}
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map(([kind, label]) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{label}</th>
                <td className="num">{count(report.records[kind].total)}</td>
                <td className="num">{count(report.records[kind].new)}</td>
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
  const noun = kind === "problems" ? ["problem", "problems"] : ["warning", "warnings"];
  return (
    // Focusable, so the table can be scrolled with the keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll table-tall" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className={`data-table import-${kind}`} id={id}>
        <caption id={`${id}-caption`}>
          {plural(total, noun[0] as string, noun[1] as string)}
          {total > listed.length ? `; the first ${count(listed.length)} are listed` : ""}, by row of the file.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">{kind === "problems" ? "Problem" : "Warning"}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((p, i) => (
            // One row may have several problems, even in one column: the position keeps keys apart.
            <tr key={i} data-row={p.row} data-column={p.column ?? ""}>
              <td className="num">{p.row === 0 ? "File" : count(p.row)}</td>
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
