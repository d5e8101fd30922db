import { formatList } from "@commitments/api/client";
import { useQuery } from "@tanstack/react-query";
import { formatTimestamp } from "../format.ts";
import { importsQuery } from "./upload.ts";

const statusWords: Record<string, string> = {
  running: "Running",
  dry_run: "Dry run",
  refused: "Refused",
  imported: "Imported",
  unchanged: "Unchanged",
};

const count = (n: number) => new Intl.NumberFormat("en-GB").format(n);

/** The organisation's recent imports (GET /v1/imports): what was sent, by whom, and what came of it. */
export function RecentImports() {
  const imports = useQuery(importsQuery);
  return (
    <section aria-labelledby="recent-imports-title" className="recent-imports">
      <h2 id="recent-imports-title" tabIndex={-1}>
        Recent imports
      </h2>
      {imports.error ? (
        <p role="alert">Could not load the recent imports: {imports.error.message}</p>
      ) : !imports.data ? (
        <p aria-busy="true">Loading the recent imports…</p>
      ) : imports.data.length === 0 ? (
        <p className="empty-state">No imports yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Newest first; dry runs included.</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">Format</th>
                <th scope="col">By</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((run) => (
                <tr key={run.id} data-import-id={run.id} data-status={run.status}>
                  <td>
                    <time dateTime={run.at}>{formatTimestamp(run.at)}</time>
                  </td>
                  <th scope="row">{run.fileName}</th>
                  <td>{formatList.find((f) => f.id === run.format)?.label ?? run.format}</td>
                  <td>{run.actor}</td>
                  <td>
                    {statusWords[run.status] ?? run.status}
                    {run.changeSet === null ? "" : `, change set ${run.changeSet}`}
                  </td>
                  <td className="num">{count(run.rows)}</td>
                  <td className="num">{count(run.problems)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
